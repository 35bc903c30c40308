"""The layout holds on the demo site: the header keeps one height, the news
cards line up, the map's markers stand apart and form controls are big
enough to hit."""

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
