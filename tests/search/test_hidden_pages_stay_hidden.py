"""Drafts, private pages and expired pages appear in nothing the public sees:
search, the sitemap, the menu."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from bhp_portal.core.factories import StandardPageFactory
from tests.utils import soup

WORD = "pangolin"


@pytest.fixture
def pages(home_page):
    def make(title, **fields):
        page = StandardPageFactory(
            parent=home_page,
            title=f"{title} {WORD}",
            summary=f"About the {WORD}.",
            show_in_menus=True,
            **fields,
        )
        page.save_revision().publish()
        return page

    visible = make("Visible")
    draft = make("Draft")
    draft.unpublish()
    private = make("Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    private_child = StandardPageFactory(parent=private, title=f"Under a private {WORD}")
    private_child.save_revision().publish()
    expired = make("Expired")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save_revision().publish()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    expired.refresh_from_db()
    assert not expired.live and expired.expired
    return {
        "visible": visible,
        "hidden": [draft, private, private_child, expired],
    }


@pytest.mark.django_db
def test_search_finds_only_the_live_public_page(client, pages):
    html = soup(client.get("/search/", {"q": WORD}))
    titles = [a.get_text() for a in html.select(".search-results h3 a")]
    assert titles == [pages["visible"].title]


@pytest.mark.django_db
def test_sitemap_leaves_hidden_pages_out(client, pages):
    body = client.get("/sitemap.xml").content.decode()
    assert pages["visible"].full_url in body
    for page in pages["hidden"]:
        assert page.full_url not in body


@pytest.mark.django_db
def test_menu_leaves_hidden_pages_out(client, pages):
    menu = soup(client.get("/")).select_one('nav[aria-label="Main"]').get_text()
    assert pages["visible"].title in menu
    for page in pages["hidden"]:
        assert page.title not in menu
