"""axe-core in Chromium finds no WCAG 2.0/2.1/2.2 A and AA or best-practice
violation on any page of the sitemap, nor on search results, a filtered news
list, the contact form with errors and the 404 page, at phone and desktop
widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import extra_paths, sitemap_paths, submit_empty_contact_form

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
            "best-practice",
        ],
    },
    "resultTypes": ["violations"],
}
WIDTHS = [375, 1280]
axe = Axe()


@pytest.fixture(scope="module")
def tab(browser, live_site):
    """One tab per viewport width, reused for every page to keep this quick."""
    tabs = {}

    def open_tab(width):
        if width not in tabs:
            context = browser.new_context(
                base_url=live_site.url,
                ignore_https_errors=True,
                viewport={"width": width, "height": 900},
            )
            tabs[width] = context.new_page()
        return tabs[width]

    yield open_tab
    for page in tabs.values():
        page.context.close()


def violations(page):
    """axe's violations on the loaded page, one readable line per element."""
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['help']}): {node['target']} {node['html']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def test_axe_runs_under_the_sites_content_security_policy(tab):
    """A guard: the check below must find something when there is something."""
    page = tab(1280)
    response = page.goto("/")
    assert "script-src" in response.headers["content-security-policy"]
    page.evaluate(
        """() => {
        const main = document.querySelector("main");
        main.insertAdjacentHTML("beforeend",
          '<img src="/static/img/favicon.svg"><button></button>' +
          '<p style="color:#ccc;background:#fff">Faint text</p>');
    }"""
    )
    found = {line.split(" ", 1)[0] for line in violations(page)}
    assert {"image-alt", "button-name", "color-contrast"} <= found


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(tab, live_site, width):
    page = tab(width)
    paths = sitemap_paths(live_site) + extra_paths(live_site)
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == (404 if "no-such-page" in path else 200), path
        problems += [f"{path}: {line}" for line in violations(page)]
    submit_empty_contact_form(page)
    problems += [f"contact form with errors: {line}" for line in violations(page)]

    # Sitemap pages, the extra pages and the form with errors.
    assert len(paths) + 1 > 20
    assert problems == [], "\n".join(problems)
