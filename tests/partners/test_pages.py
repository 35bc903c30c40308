import datetime
import json

import pytest

from partners.factories import OrganisationFactory, PartnerPageFactory
from partners.models import HDRUKSitePage, Organisation, PartnerPage
from research.factories import ResearchThemePageFactory
from tests.utils import QUERY_BUDGET, cold_query_count, soup

HDRUK_SITES = {
    "Cambridge": [
        "Wellcome Sanger Institute",
        "European Bioinformatics Institute",
        "University of Cambridge",
    ],
    "London": [
        "UCL",
        "Imperial College London",
        "King's College London",
        "Queen Mary University of London",
        "London School of Hygiene & Tropical Medicine",
    ],
    "Midlands": [
        "University of Birmingham",
        "University of Leicester",
        "University of Nottingham",
        "University of Warwick",
        "University Hospitals Birmingham NHS Foundation Trust",
    ],
    "Oxford": ["University of Oxford"],
    "Scotland": [
        "University of Edinburgh",
        "University of Aberdeen",
        "University of Dundee",
        "University of Glasgow",
        "University of St Andrews",
        "University of Strathclyde",
    ],
    "Wales and Northern Ireland": ["Swansea University", "Queen's University Belfast"],
}
FOUNDING = [
    "University of Birmingham",
    "University Hospitals Birmingham NHS Foundation Trust",
    "Birmingham Women's and Children's NHS Foundation Trust",
]


def json_ld(html):
    """The page's Organization JSON-LD (its BreadcrumbList comes first)."""
    scripts = html.select('script[type="application/ld+json"]')
    return next(
        data
        for data in (json.loads(script.string) for script in scripts)
        if data["@type"] == "Organization"
    )


@pytest.mark.django_db
def test_partner_index_lists_the_founding_members_first(client):
    html = soup(client.get("/partners/"))
    assert len(html.select("h1")) == 1
    groups = html.select("main section")
    assert groups[0].h2.get_text() == "Founding members"
    assert [a.get_text() for a in groups[0].select(".card__title a")] == FOUNDING
    text = html.main.get_text()
    for name in (
        "Birmingham Women's Hospital",
        "Heart of England NHS Foundation Trust",
        "The Royal Orthopaedic Hospital NHS Foundation Trust",
        "Sandwell and West Birmingham NHS Trust",
        "West Midlands Academic Health Science Network",
    ):
        assert name in text


@pytest.mark.django_db
def test_partner_page_shows_facts_identifiers_and_themes(client):
    html = soup(
        client.get("/partners/university-hospitals-birmingham-nhs-foundation-trust/")
    )
    assert "Founding member" in html.select_one(".page-meta").get_text()
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert "1,400" in figures
    assert "RRK" in html.select_one("dl.details").get_text()
    themes = [
        a.get_text() for a in html.select('section[aria-labelledby="themes-heading"] a')
    ]
    assert "Patient Safety" in themes and "Translational Medicine" in themes


@pytest.mark.django_db
def test_partner_json_ld_names_bhp_and_the_parent_trust(client):
    data = json_ld(soup(client.get("/partners/birmingham-womens-hospital/")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["memberOf"][0]["name"] == "Birmingham Health Partners"
    assert data["parentOrganization"]["name"] == FOUNDING[2]
    uob = json_ld(soup(client.get("/partners/university-of-birmingham/")))
    assert uob["sameAs"] == ["https://ror.org/03angcq70"]


@pytest.mark.django_db
def test_partner_page_lists_news_about_the_organisation(client, make_news_article):
    org = Organisation.objects.get(
        name="The Royal Orthopaedic Hospital NHS Foundation Trust"
    )
    make_news_article("New hip trial", datetime.date(2026, 3, 1), organisations=[org])
    make_news_article("Other news", datetime.date(2026, 3, 2))
    html = soup(client.get(org.partner_page.url))
    news = html.select_one('section[aria-labelledby="news-heading"]')
    assert [a.get_text() for a in news.select(".card__title a")] == ["New hip trial"]


@pytest.mark.django_db
def test_partner_page_queries_do_not_grow_with_themes_or_news(
    client, make_news_article
):
    def partner_with(n, slug):
        page = PartnerPageFactory(organisation=OrganisationFactory(name=slug))
        page.save_revision().publish()
        for i in range(n):
            ResearchThemePageFactory(
                partner_links=ResearchThemePageFactory.partners_for([page.organisation])
            )
            make_news_article(
                f"{slug} {i}",
                datetime.date(2026, 4, 1),
                organisations=[page.organisation],
            )
        return page

    small, large = partner_with(2, "Small partner"), partner_with(20, "Large partner")
    count = cold_query_count(client, small.url)
    assert count <= QUERY_BUDGET
    assert cold_query_count(client, large.url) == count


@pytest.mark.django_db
def test_every_hdruk_site_and_member_appears(client):
    html = soup(client.get("/hdr-uk/"))
    text = html.main.get_text()
    assert "£30" in text
    for region, members in HDRUK_SITES.items():
        assert f"HDR UK {region}" in text
        site = soup(client.get(HDRUKSitePage.objects.get(region=region).url))
        listed = [
            li.get_text(" ", strip=True)
            for li in site.select('section[aria-labelledby="members-heading"] li')
        ]
        assert [item.split(" (")[0] for item in listed] == members
    assert sum(len(m) for m in HDRUK_SITES.values()) == 22


@pytest.mark.django_db
def test_map_has_a_text_equivalent_listing_every_site(client):
    html = soup(client.get("/hdr-uk/"))
    svg = html.select_one("figure.uk-map svg")
    assert svg["role"] == "img"
    for ref in svg["aria-labelledby"].split():
        assert html.find(id=ref)
    assert len(svg.select(".uk-map__site")) >= 6
    items = html.select("ol.uk-map__sites > li")
    assert [li.a.get_text() for li in items] == [f"HDR UK {r}" for r in HDRUK_SITES]
    for li, members in zip(items, HDRUK_SITES.values(), strict=True):
        for name in members:
            assert name in li.get_text()
    partners = html.select_one("ul.uk-map__partners").get_text()
    assert "Birmingham:" in partners and FOUNDING[0] in partners


@pytest.mark.django_db
def test_midlands_site_json_ld_nests_members_in_hdr_uk(client):
    data = json_ld(soup(client.get("/hdr-uk/midlands/")))
    assert data["name"] == "HDR UK Midlands"
    assert data["parentOrganization"]["name"] == "Health Data Research UK"
    assert [m["name"] for m in data["member"]] == HDRUK_SITES["Midlands"]
    assert all(m["memberOf"] == [{"@id": data["@id"]}] for m in data["member"])


@pytest.mark.django_db
def test_an_organisation_is_one_record_on_partner_and_hdruk_pages(client):
    for name in FOUNDING[:2]:
        assert Organisation.objects.filter(name=name).count() == 1
        org = Organisation.objects.get(name=name)
        assert org.partner_page.live
        assert org.hdruk_memberships.get().page.specific.region == "Midlands"
    html = soup(client.get("/hdr-uk/midlands/"))
    links = {
        a.get_text(): a["href"]
        for a in html.select('section[aria-labelledby="members-heading"] a')
    }
    assert (
        links[FOUNDING[0]]
        == PartnerPage.objects.get(organisation__name=FOUNDING[0]).url
    )


@pytest.mark.django_db
def test_hdruk_index_queries_do_not_grow_with_members(client):
    before = cold_query_count(client, "/hdr-uk/")
    assert before <= QUERY_BUDGET
    site = HDRUKSitePage.objects.get(region="Oxford")
    for _ in range(10):
        site.members.create(
            organisation=OrganisationFactory(
                latitude=51.7, longitude=-1.25, town="Oxford"
            )
        )
    assert cold_query_count(client, "/hdr-uk/") == before


@pytest.mark.django_db
def test_partner_index_queries_do_not_grow_with_partners(client):
    before = cold_query_count(client, "/partners/")
    assert before <= QUERY_BUDGET
    for _ in range(10):
        PartnerPageFactory().save_revision().publish()
    assert cold_query_count(client, "/partners/") == before


@pytest.mark.django_db
def test_hdruk_site_queries_do_not_grow_with_members(client):
    site = HDRUKSitePage.objects.get(region="Oxford")
    before = cold_query_count(client, site.url)
    assert before <= QUERY_BUDGET
    for _ in range(10):
        site.members.create(organisation=OrganisationFactory())
    assert cold_query_count(client, site.url) == before
