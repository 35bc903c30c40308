"""Keyboard alone: the skip link, the main navigation at phone and desktop
widths, and a visible focus indicator on everything Tab reaches."""

import pytest

pytestmark = pytest.mark.browser

FOCUSED = "() => document.activeElement"
# The focused element's own ring, or the ring its card draws with
# :focus-within (a card's whole area is its title link's target).
FOCUS_RING = """() => {
  const element = document.activeElement;
  const ringed = element.closest(".card") || element;
  const style = getComputedStyle(ringed);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {
    visible: outline || style.boxShadow !== "none",
    html: element.outerHTML.slice(0, 120),
  };
}"""


def focused(page, expression="el => el.outerHTML"):
    return page.evaluate_handle(FOCUSED).evaluate(expression)


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(new_page):
    page = new_page(375)
    page.goto("/news/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert focused(page, "el => el.className") == "skip-link"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0  # shown on screen once focused

    page.keyboard.press("Enter")

    assert focused(page, "el => el.id") == "main-content"
    # The next Tab stop is inside the main content, past the header.
    page.keyboard.press("Tab")
    assert focused(page, "el => !!el.closest('main')")


def tab_until(page, selector, limit=15):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, f"el => el.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_phone_menu_opens_moves_and_closes_with_the_keyboard(new_page):
    page = new_page(375)
    page.goto("/")
    toggle = page.locator(".main-nav__toggle")
    links = page.locator("#main-nav-list a")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()

    tab_until(page, ".main-nav__toggle")
    page.keyboard.press("Enter")

    assert toggle.get_attribute("aria-expanded") == "true"
    assert links.first.is_visible()
    page.keyboard.press("Tab")
    first_link = links.first.get_attribute("href")
    assert focused(page, "el => el.getAttribute('href')") == first_link
    page.keyboard.press("Tab")
    assert focused(page, "el => el.getAttribute('href')") == links.nth(1).get_attribute(
        "href"
    )

    page.keyboard.press("Escape")

    assert toggle.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()
    assert focused(page, "el => el.className") == "main-nav__toggle"
    # Space reopens it, as for any button.
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"


def test_the_desktop_menu_is_walked_and_followed_with_the_keyboard(new_page):
    page = new_page(1280)
    page.goto("/")
    links = page.locator("#main-nav-list a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert page.locator(".main-nav__toggle").is_hidden()
    assert len(hrefs) >= 3 and links.first.is_visible()

    tab_until(page, "#main-nav-list a")
    reached = [focused(page, "el => el.getAttribute('href')")]
    for _ in hrefs[1:]:
        page.keyboard.press("Tab")
        reached.append(focused(page, "el => el.getAttribute('href')"))
    assert reached == hrefs

    page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(hrefs[-2])
    current = page.locator("#main-nav-list a[aria-current]")
    assert current.get_attribute("href") == hrefs[-2]


@pytest.mark.parametrize("path", ["/", "/news/", "/research/cancer/", "/contact/"])
def test_focus_is_visible_on_every_tab_stop(new_page, path):
    page = new_page(1280)
    page.goto(path)
    seen, hidden = set(), []
    for _ in range(80):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring["html"] in seen:
            continue
        if ring["html"].startswith("<body"):
            break  # Tab has left the page: every stop was visited
        seen.add(ring["html"])
        if not ring["visible"]:
            hidden.append(ring["html"])
    assert len(seen) > 10
    assert hidden == []
