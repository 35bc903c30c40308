"""The pages the front-end checks visit: every URL in the sitemap plus the
states a sitemap cannot list (search results, a filtered list, a form with
errors, the 404 page)."""

import re
from urllib.parse import urlsplit

CONTACT_PATH = "/contact/"
NOT_FOUND_PATH = "/no-such-page-here/"


def sitemap_paths(live_site):
    status, xml = live_site.fetch("/sitemap.xml")
    assert status == 200
    # The sitemap names the canonical host; the live site is on localhost.
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    assert paths, "the sitemap lists no pages"
    return paths


def a_theme_slug(live_site):
    """A research theme the news index can be filtered by."""
    _status, html = live_site.fetch("/news/")
    select = re.search(r'<select name="theme".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]+)"', select)[0]


def a_condition_slug(live_site):
    """A condition the study finder can be filtered by."""
    _status, html = live_site.fetch("/take-part/")
    select = re.search(r'<select name="condition".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]+)"', select)[0]


def extra_paths(live_site):
    """GET pages outside the sitemap; the contact form with errors is
    reached by `submit_empty_contact_form`."""
    return [
        "/search/?q=cancer",
        f"/news/?theme={a_theme_slug(live_site)}",
        f"/take-part/?condition={a_condition_slug(live_site)}&age=adults&status=all",
        # The events archive is a route of the index, so not in the sitemap.
        "/events/past/",
        NOT_FOUND_PATH,
    ]


def submit_empty_contact_form(page):
    """Posts the contact form with nothing filled in; returns the response."""
    page.goto(CONTACT_PATH)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Send enquiry").click()
    response = navigation.value
    assert page.locator(".error-summary").is_visible()
    return response
