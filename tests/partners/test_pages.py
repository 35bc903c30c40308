import datetime
import json
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders

from bhp_portal.core.factories import KeyFactFactory
from news.factories import NewsArticlePageFactory
from partners import maps
from partners.factories import (
    HDRUKSitePageFactory,
    OrganisationFactory,
    PartnerPageFactory,
)
from partners.models import HDRUKSitePage, PartnerPage, PartnerPageKeyFact
from research.factories import ResearchThemePageFactory
from tests.utils import QUERY_BUDGET, cold_query_count, soup

pytestmark = pytest.mark.django_db


def json_ld(html):
    """The page's Organization JSON-LD (its BreadcrumbList comes first)."""
    scripts = html.select('script[type="application/ld+json"]')
    return next(
        data
        for data in (json.loads(script.string) for script in scripts)
        if data["@type"] == "Organization"
    )


def partner(name, **fields):
    return PartnerPageFactory(organisation=OrganisationFactory(name=name, **fields))


def located(name, town):
    return OrganisationFactory(name=name, town=town, latitude=52.0, longitude=-1.5)


def hdruk_site(region, members):
    site = HDRUKSitePageFactory(
        region=region, members=HDRUKSitePageFactory.members_for(members)
    )
    site.save_revision().publish()
    return site


def member_names(html):
    """Names in a site page's member list, without the towns after them."""
    items = html.select('section[aria-labelledby="members-heading"] li')
    return [li.get_text(" ", strip=True).split(" (")[0] for li in items]


def test_partner_index_lists_the_founding_members_first(client):
    founding = partner("Founding Trust of Testshire")
    founding.role = PartnerPage.Role.FOUNDING
    founding.save_revision().publish()
    partner("Testshire Community Clinic")
    html = soup(client.get("/partners/"))
    assert len(html.select("h1")) == 1
    groups = html.select("main section")
    assert groups[0].h2.get_text() == "Founding members"
    first_group = [a.get_text() for a in groups[0].select(".card__title a")]
    assert "Founding Trust of Testshire" in first_group
    assert "Testshire Community Clinic" not in first_group
    assert "Testshire Community Clinic" in html.main.get_text()


def test_partner_page_shows_facts_identifiers_and_themes(client):
    page = PartnerPageFactory(
        organisation=OrganisationFactory(name="Testshire Hospitals", ods_code="ZZ9"),
        role=PartnerPage.Role.FOUNDING,
        key_facts=[
            PartnerPageKeyFact(key_fact=KeyFactFactory(figure="2,100", unit="beds"))
        ],
    )
    ResearchThemePageFactory(
        title="Surgery",
        partner_links=ResearchThemePageFactory.partners_for([page.organisation]),
    )
    html = soup(client.get(page.url))
    assert "Founding member" in html.select_one(".page-meta").get_text()
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert figures == ["2,100 beds"]
    assert "ZZ9" in html.select_one("dl.details").get_text()
    themes = html.select('section[aria-labelledby="themes-heading"] a')
    assert [a.get_text() for a in themes] == ["Surgery"]


def test_partner_json_ld_names_bhp_and_the_parent_trust(client):
    trust = OrganisationFactory(name="Testshire NHS Foundation Trust")
    hospital = partner("Testshire Women's Hospital", parent=trust)
    data = json_ld(soup(client.get(hospital.url)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["memberOf"][0]["name"] == "Birmingham Health Partners"
    assert data["parentOrganization"]["name"] == trust.name
    university = partner("University of Testshire", ror_id="00zz00z00")
    assert json_ld(soup(client.get(university.url)))["sameAs"] == [
        "https://ror.org/00zz00z00"
    ]


def test_partner_page_lists_news_about_the_organisation(client):
    page = partner("Testshire Orthopaedic Hospital")
    day = datetime.date(2026, 3, 1)
    NewsArticlePageFactory(
        title="New hip trial", date=day, organisations=[page.organisation]
    )
    NewsArticlePageFactory(title="Other news", date=day)
    html = soup(client.get(page.url))
    news = html.select_one('section[aria-labelledby="news-heading"]')
    assert [a.get_text() for a in news.select(".card__title a")] == ["New hip trial"]


def test_partner_page_queries_do_not_grow_with_themes_or_news(client):
    def partner_with(n, name):
        page = partner(name)
        page.save_revision().publish()
        for _ in range(n):
            ResearchThemePageFactory(
                partner_links=ResearchThemePageFactory.partners_for([page.organisation])
            )
        NewsArticlePageFactory.create_batch(
            n, date=datetime.date(2026, 4, 1), organisations=[page.organisation]
        )
        return page

    small, large = partner_with(2, "Small partner"), partner_with(20, "Large partner")
    count = cold_query_count(client, small.url)
    assert count <= QUERY_BUDGET
    assert cold_query_count(client, large.url) == count


def test_the_hdruk_index_and_each_site_list_their_members_in_order(client):
    members = [OrganisationFactory(name=n) for n in ("Zed College", "Abbey Lab")]
    site = hdruk_site("Zedlands", members)
    assert "HDR UK Zedlands" in soup(client.get("/hdr-uk/")).main.get_text()
    assert member_names(soup(client.get(site.url))) == ["Zed College", "Abbey Lab"]


def test_map_has_a_text_equivalent_listing_every_site(client):
    hdruk_site("Zedlands", [located("Zed College", "Zedford")])
    partner("Testshire Clinic", town="Testford", latitude=52.1, longitude=-1.6)
    html = soup(client.get("/hdr-uk/"))
    svg = html.select_one("figure.uk-map svg")
    assert svg["role"] == "img"
    for ref in svg["aria-labelledby"].split():
        assert html.find(id=ref)
    items = {li.a.get_text(): li for li in html.select("ol.uk-map__sites > li")}
    sites = HDRUKSitePage.objects.live().order_by("path")
    assert list(items) == [site.title for site in sites]
    assert "Zed College (Zedford)" in items["HDR UK Zedlands"].get_text()
    partners = html.select_one("ul.uk-map__partners").get_text()
    assert "Testford: Testshire Clinic" in partners


def test_the_land_outline_was_drawn_for_the_markers_projection(client):
    hdruk_site("Zedlands", [located("Zed College", "Zedford")])
    svg = soup(client.get("/hdr-uk/")).select_one("figure.uk-map svg")
    land = svg.select_one("image")
    assert land["href"].startswith("/static/img/uk-outline.")
    assert (land["width"], land["height"]) == (str(maps.WIDTH), str(maps.HEIGHT))
    # scripts/draw_uk_outline.py records the bounds it projected.
    outline_file = finders.find("img/uk-outline.svg")
    outline = ElementTree.parse(outline_file).getroot()  # noqa: S314 (our own file)
    assert outline.get("viewBox") == f"0 0 {maps.WIDTH} {maps.HEIGHT}"
    bounds = [float(n) for n in outline.get("data-bounds").split()]
    assert bounds == [maps.WEST, maps.EAST, maps.SOUTH, maps.NORTH]


def test_site_json_ld_nests_members_in_hdr_uk(client):
    site = hdruk_site("Zedlands", [OrganisationFactory(name="Zed College")])
    data = json_ld(soup(client.get(site.url)))
    assert data["name"] == "HDR UK Zedlands"
    assert data["parentOrganization"]["name"] == "Health Data Research UK"
    assert [m["name"] for m in data["member"]] == ["Zed College"]
    assert all(m["memberOf"] == [{"@id": data["@id"]}] for m in data["member"])


def test_an_organisation_is_one_record_on_partner_and_hdruk_pages(client):
    page = partner("University of Testshire")
    site = hdruk_site("Zedlands", [page.organisation])
    assert page.organisation.hdruk_memberships.get().page.pk == site.pk
    html = soup(client.get(site.url))
    links = {
        a.get_text(): a["href"]
        for a in html.select('section[aria-labelledby="members-heading"] a')
    }
    assert links["University of Testshire"] == page.url


def test_hdruk_index_queries_do_not_grow_with_members(client):
    site = hdruk_site("Zedlands", [])
    before = cold_query_count(client, "/hdr-uk/")
    assert before <= QUERY_BUDGET
    for n in range(10):
        site.members.create(organisation=located(f"Zed member {n}", "Zedford"))
    assert cold_query_count(client, "/hdr-uk/") == before


def test_partner_index_queries_do_not_grow_with_partners(client):
    before = cold_query_count(client, "/partners/")
    assert before <= QUERY_BUDGET
    for _ in range(10):
        PartnerPageFactory().save_revision().publish()
    assert cold_query_count(client, "/partners/") == before


def test_hdruk_site_queries_do_not_grow_with_members(client):
    site = hdruk_site("Zedlands", [])
    before = cold_query_count(client, site.url)
    assert before <= QUERY_BUDGET
    for _ in range(10):
        site.members.create(organisation=OrganisationFactory())
    assert cold_query_count(client, site.url) == before
