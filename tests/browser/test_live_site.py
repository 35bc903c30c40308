"""The live site in a real browser: pages load over HTTPS with production
settings, and nothing the page asks for is blocked or broken."""

import pytest

pytestmark = pytest.mark.browser


def test_the_home_page_loads_with_no_console_errors_or_blocked_resources(new_page):
    page = new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on(
        "response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}")
    )

    response = page.goto("/")

    assert response.status == 200
    assert response.headers["strict-transport-security"].startswith("max-age=")
    assert page.locator("h1").count() == 1
    page.wait_for_load_state("networkidle")
    assert problems == []


def test_demo_images_are_served_to_the_browser(new_page):
    page = new_page()
    page.goto("/partners/")
    images = page.locator("main img")
    assert images.count() > 0
    for image in images.all():  # lazy images load once scrolled to
        image.scroll_into_view_if_needed()
    # decode() settles once each image has loaded (or failed); a function, not a
    # string expression, because the site's CSP forbids the eval a string needs.
    widths = images.evaluate_all(
        "imgs => Promise.all(imgs.map("
        "i => i.decode().then(() => i.naturalWidth, () => 0)))"
    )
    # An image that failed to load has no natural width.
    assert all(width > 0 for width in widths)
