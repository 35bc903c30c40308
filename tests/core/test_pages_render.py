"""Pages render inside the site shell: language, skip link, one h1, the menu,
breadcrumbs, and the footer from the site settings."""

import pytest
from django.conf import settings

from bhp_portal.core.factories import (
    ContactFormPageFactory,
    ImageFactory,
    KeyFactFactory,
    StandardPageFactory,
)
from bhp_portal.core.models import HomePageKeyFact, SiteSettings
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def footer_details(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.address = "Test House\n1 Example Street"
    site_settings.contact_email = "hello@example.org"
    site_settings.save()
    return site_settings


@pytest.fixture
def section(home_page):
    """A page in the menu with a page below it."""
    parent = StandardPageFactory(title="Our approach", show_in_menus=True)
    child = StandardPageFactory(parent=parent, title="How we decide")
    return parent, child


def assert_site_shell(html):
    assert html.html["lang"] == "en-GB"
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main-content"
    assert html.select_one("main#main-content")
    assert html.select_one('nav[aria-label="Main"]')
    footer = html.select_one("footer")
    assert "1 Example Street" in footer.get_text()
    assert footer.select_one('a[href="mailto:hello@example.org"]')
    assert len(html.select("h1")) == 1


def test_home_page_shows_its_heading_and_key_facts(client, home_page, footer_details):
    facts = [
        KeyFactFactory(figure="12", unit="wards", source_name="Ward census"),
        KeyFactFactory(figure="3,400"),
    ]
    home_page.hero_heading = "Research in every ward"
    home_page.key_facts = [HomePageKeyFact(key_fact=fact) for fact in facts]
    home_page.save_revision().publish()
    html = soup(client.get("/"))
    assert_site_shell(html)
    assert html.h1.get_text() == "Research in every ward"
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert figures == ["12 wards", "3,400"]
    source = html.select_one(".key-fact__source").get_text()
    assert source.startswith("Source:") and "Ward census" in source
    assert not html.select('nav[aria-label="Breadcrumb"]')


def test_standard_and_contact_pages_render_in_the_site_shell(
    client, section, footer_details
):
    for page in (*section, ContactFormPageFactory()):
        html = soup(client.get(page.url))
        assert_site_shell(html)
        assert html.h1.get_text() == page.title
        crumbs = html.select('nav[aria-label="Breadcrumb"] a')
        assert crumbs[0].get_text() == "Home"
        assert crumbs[-1]["aria-current"] == "page"
        assert crumbs[-1].get_text() == page.title


def test_breadcrumbs_name_every_level_down_to_the_page(client, section):
    parent, child = section
    crumbs = soup(client.get(child.url)).select('nav[aria-label="Breadcrumb"] a')
    assert [a.get_text() for a in crumbs] == ["Home", parent.title, child.title]


def test_menu_marks_the_current_section(client, section):
    parent, child = section
    html = soup(client.get(child.url))
    current = html.select_one('nav[aria-label="Main"] a[aria-current]')
    assert current.get_text() == parent.title
    assert current["aria-current"] == "true"


def test_responsive_hero_image_offers_webp(client, home_page):
    home_page.hero_image = ImageFactory()
    home_page.save_revision().publish()
    html = soup(client.get("/"))
    sources = html.select(".hero picture source")
    assert any(s["type"] == "image/webp" for s in sources)
    img = html.select_one(".hero picture img")
    assert img["width"] and img["height"]


def test_page_titles_name_the_site_once(client, home_page, section):
    site_name = settings.WAGTAIL_SITE_NAME
    assert soup(client.get("/")).title.get_text() == site_name
    parent, _ = section
    assert soup(client.get(parent.url)).title.get_text() == (
        f"{parent.title} | {site_name}"
    )
