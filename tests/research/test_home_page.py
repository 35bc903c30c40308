import pytest

from bhp_portal.core.models import HomePageFeaturedPage
from partners.models import PartnerPage
from research.models import ResearchThemePage
from tests.utils import cold_query_count, soup


@pytest.mark.django_db
def test_home_page_features_research_themes(client):
    html = soup(client.get("/"))
    featured = html.select_one('section[aria-labelledby="featured-heading"]')
    titles = [a.get_text() for a in featured.select(".card__title a")]
    assert titles == ["Immunology and Inflammation", "Cancer", "Rare Diseases"]


@pytest.mark.django_db
def test_home_page_shows_the_partners_strip(client):
    html = soup(client.get("/"))
    strip = html.select_one('section[aria-labelledby="partners-strip-heading"]')
    founding = PartnerPage.objects.filter(role=PartnerPage.Role.FOUNDING).order_by(
        "path"
    )
    links = {a.get_text(): a["href"] for a in strip.select(".partners-strip__item a")}
    assert links == {page.title: page.url for page in founding}
    assert "Sandwell and West Birmingham NHS Trust" in strip.get_text()
    assert strip.select_one('a[href="/partners/"]')


@pytest.mark.django_db
def test_research_partners_and_hdruk_are_in_the_main_menu(client):
    nav = soup(client.get("/")).select_one('nav[aria-label="Main"]')
    titles = [a.get_text() for a in nav.select("a")]
    assert titles.index("Our research") < titles.index("Our partners")
    assert "Health Data Research UK" in titles


@pytest.mark.django_db
def test_home_queries_do_not_grow_with_featured_themes(client, home_page):
    before = cold_query_count(client, "/")
    themes = ResearchThemePage.objects.live()[:6]
    home_page.featured_pages = [
        HomePageFeaturedPage(featured=theme, sort_order=i)
        for i, theme in enumerate(themes)
    ]
    home_page.save_revision().publish()
    html = soup(client.get("/"))
    assert len(html.select('section[aria-labelledby="featured-heading"] .card')) == 6
    assert cold_query_count(client, "/") <= before
