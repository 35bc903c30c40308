"""The layout holds on the demo site: the header keeps one height, the news
cards line up, the map's markers stand apart and form controls are big
enough to hit."""

import math

import pytest

pytestmark = pytest.mark.browser

HEADER = """() => {
  const tops = [...document.querySelectorAll('#main-nav-list li')]
    .map(item => Math.round(item.getBoundingClientRect().top));
  return {
    height: document.querySelector('.site-header').getBoundingClientRect().height,
    rows: new Set(tops).size,
  };
}"""


def test_the_header_is_one_line_and_one_height_on_every_top_level_page(new_page):
    page = new_page(1280)
    page.goto("/")
    paths = page.locator("#main-nav-list a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)"
    )
    assert len(paths) >= 5
    measured = {}
    for path in ["/", *paths]:
        page.goto(path)
        measured[path] = page.evaluate(HEADER)
    assert {m["rows"] for m in measured.values()} == {1}, measured
    assert len({m["height"] for m in measured.values()}) == 1, measured


BOXES = """selector => [...document.querySelectorAll(selector)].map(element => {
  const box = element.getBoundingClientRect();
  return {left: box.left, top: box.top, width: box.width, height: box.height};
})"""


def test_news_cards_all_have_a_picture_and_line_up_in_full_rows(new_page):
    page = new_page(1280)
    page.goto("/news/")
    cards = page.evaluate(BOXES, "main .card-grid > li")
    pictures = page.evaluate(BOXES, "main .card-grid .card__image")
    assert len(pictures) == len(cards) >= 6
    assert len({round(card["height"]) for card in cards}) == 1
    assert len({round(p["height"]) for p in pictures}) == 1
    columns = len({round(card["left"]) for card in cards})
    assert columns >= 2 and len(cards) % columns == 0, (len(cards), columns)


def reach(marker, square):
    """A circle's radius; a square's half diagonal, all its corners reach."""
    return marker["width"] / 2 * (math.sqrt(2) if square else 1)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/hdr-uk/", "/partners/"])
def test_no_map_marker_covers_another(new_page, path, width):
    page = new_page(width)
    page.goto(path)
    circles = page.evaluate(BOXES, ".uk-map__site circle")
    squares = page.evaluate(BOXES, ".uk-map__partner")
    markers = [(box, False) for box in circles] + [(box, True) for box in squares]
    assert len(markers) > 5
    for n, (first, first_square) in enumerate(markers):
        assert first["width"] >= 14, first  # big enough to read its number
        for second, second_square in markers[n + 1 :]:
            apart = math.dist(centre(first), centre(second))
            assert apart >= reach(first, first_square) + reach(second, second_square)


def centre(box):
    return (box["left"] + box["width"] / 2, box["top"] + box["height"] / 2)


@pytest.mark.parametrize("width", [375, 1280])
def test_radio_buttons_are_at_least_24_pixels_with_a_44_pixel_row(new_page, width):
    page = new_page(width)
    page.goto("/contact/")
    radios = page.evaluate(BOXES, "main input[type=radio]")
    rows = page.evaluate(BOXES, "main fieldset label")
    assert radios and len(rows) == len(radios)
    assert all(r["width"] >= 24 and r["height"] >= 24 for r in radios)
    assert all(row["height"] >= 44 for row in rows)
