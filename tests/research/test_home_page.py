"""What the home page shows from the research and partner sections. What it
costs in queries is in tests/performance/test_query_budgets.py."""

import pytest

from bhp_portal.core.models import HomePageFeaturedPage
from partners.factories import OrganisationFactory, PartnerPageFactory
from partners.models import PartnerPage
from research.factories import ResearchThemePageFactory
from tests.utils import soup

pytestmark = pytest.mark.django_db


def partners_strip(client):
    html = soup(client.get("/"))
    return html.select_one('section[aria-labelledby="partners-strip-heading"]')


def links(section, selector):
    return {a.get_text(): a["href"] for a in section.select(selector)}


def test_home_page_features_the_chosen_themes_in_the_editors_order(client, home_page):
    themes = [ResearchThemePageFactory(title=t) for t in ("Ageing", "Zoonoses")]
    home_page.featured_pages = [
        HomePageFeaturedPage(featured=theme, sort_order=i)
        for i, theme in enumerate(reversed(themes))
    ]
    home_page.save_revision().publish()
    html = soup(client.get("/"))
    featured = html.select_one('section[aria-labelledby="featured-heading"]')
    titles = [a.get_text() for a in featured.select(".card__title a")]
    assert titles == ["Zoonoses", "Ageing"]


def test_the_partners_strip_links_founding_members_and_names_the_others(client):
    founding = PartnerPageFactory(
        organisation=OrganisationFactory(name="Founding Trust of Testshire"),
        role=PartnerPage.Role.FOUNDING,
    )
    other = PartnerPageFactory(
        organisation=OrganisationFactory(name="Testshire Community Clinic")
    )
    strip = partners_strip(client)
    logos = links(strip, ".partners-strip__item a")
    assert logos["Founding Trust of Testshire"] == founding.url
    assert "Testshire Community Clinic" not in logos
    others = {
        a.get_text(): a["href"] for a in strip.select(".partners-strip__others a")
    }
    assert others["Testshire Community Clinic"] == other.url
    assert strip.select_one('a[href="/partners/"]')


def test_the_partners_strip_leaves_out_drafts(client):
    PartnerPageFactory(
        organisation=OrganisationFactory(name="Draft Partner of Testshire"),
        role=PartnerPage.Role.FOUNDING,
        live=False,
    )
    assert "Draft Partner of Testshire" not in partners_strip(client).get_text()
