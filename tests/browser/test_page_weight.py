"""The home page's first load on a phone transfers at most 250 KB."""

import pytest

pytestmark = pytest.mark.browser

BUDGET = 250 * 1024


def test_the_home_page_first_load_at_375px_is_within_250_kb(new_page):
    page = new_page(375, 812)
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))

    page.goto("/", wait_until="networkidle")

    transferred = {
        request.url: request.sizes()["responseBodySize"]
        + request.sizes()["responseHeadersSize"]
        for request in requests
    }
    kinds = {request.resource_type for request in requests}
    # The page, its stylesheet and script, and the hero and logo images.
    assert {"document", "stylesheet", "script", "image"} <= kinds
    total = sum(transferred.values())
    report = "\n".join(f"{size:>8} {url}" for url, size in transferred.items())
    assert 0 < total <= BUDGET, f"{total} bytes:\n{report}"
    # Recorded for README's figure; read it with `pytest -rP`.
    print(f"home page at 375 px: {total} bytes transferred\n{report}")  # noqa: T201
