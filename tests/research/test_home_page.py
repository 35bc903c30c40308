import pytest

from partners.models import PartnerPage
from tests.utils import soup


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
