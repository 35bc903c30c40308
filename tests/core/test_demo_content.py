"""The demo content: it loads, loading it again changes nothing, and it reads
as a newcomer sees it after `make run`. The one module that asserts the
demo's own words and figures; every other test makes the data it asserts on."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from bhp_portal.core.models import CustomImage, KeyFact, SiteSettings
from bhp_portal.core.search import search_pages
from news.models import EventPage, EventStatus
from partners.models import HDRUKSitePage
from research.models import ResearchThemePage
from tests.search.test_relevance import titles_for
from tests.utils import soup

pytestmark = pytest.mark.django_db

PAGES = [
    ("/about/", "About BHP"),
    ("/about/governance/", "Governance"),
    ("/institute-of-translational-medicine/", "Institute of Translational Medicine"),
    ("/accessibility/", "Accessibility statement"),
    ("/privacy/", "Privacy notice"),
    ("/contact/", "Contact us"),
]
THEMES = [
    "Immunology and Inflammation",
    "Cancer",
    "Clinical Trials",
    "Maternal Health",
    "Rare Diseases",
    "Health Inequalities",
    "Mental Health",
    "Patient Safety",
    "Applied Health Research",
    "Health Data Science",
    "Translational Medicine",
    "Clinical Informatics",
]
FOUNDING = [
    "University of Birmingham",
    "University Hospitals Birmingham NHS Foundation Trust",
    "Birmingham Women's and Children's NHS Foundation Trust",
]
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


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "key_facts": KeyFact.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


def card_titles(html):
    return [a.get_text() for a in html.select(".card__title a")]


def figures(html):
    return [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]


def test_loading_demo_content_again_changes_nothing():
    before = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before


def test_demo_content_keeps_an_editors_changes():
    about = Page.objects.get(slug="about").specific
    about.title = "About us"
    about.save_revision().publish()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.get(slug="about").title == "About us"


def test_demo_images_have_alt_text():
    assert CustomImage.objects.exists()
    assert not CustomImage.objects.filter(description="").exists()


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_demo_pages_read_right_in_the_demo_menu_and_footer(client, path, title):
    html = soup(client.get(path))
    assert html.h1.get_text() == title
    menu = [a.get_text() for a in html.select('nav[aria-label="Main"] a')]
    assert menu[:3] == [
        "About BHP",
        "Institute of Translational Medicine",
        "Contact us",
    ]
    assert menu.index("Our research") < menu.index("Our partners")
    assert "Health Data Research UK" in menu
    footer = html.select_one("footer")
    assert "Edgbaston" in footer.get_text()
    assert footer.select_one('a[href="mailto:enquiries@bhp.example"]')
    assert "Accessibility statement" in footer.get_text()


def test_demo_home_page_reads_right(client):
    html = soup(client.get("/"))
    assert html.h1.get_text() == "Turning Birmingham's research into better care"
    assert figures(html) == ["5.5 million", "800,000", "1,400", "100 beds"]
    featured = html.select_one('section[aria-labelledby="featured-heading"]')
    assert card_titles(featured) == [
        "Immunology and Inflammation",
        "Cancer",
        "Rare Diseases",
    ]
    strip = html.select_one('section[aria-labelledby="partners-strip-heading"]')
    assert [a.get_text() for a in strip.select(".partners-strip__item a")] == FOUNDING
    assert "Sandwell and West Birmingham NHS Trust" in strip.get_text()


def test_demo_research_themes_read_right(client):
    assert card_titles(soup(client.get("/research/"))) == THEMES
    for theme in ResearchThemePage.objects.live():
        html = soup(client.get(theme.url))
        links = html.select('section[aria-labelledby="partners-heading"] a')
        assert any(a["href"].startswith("/partners/") for a in links), theme.title
    html = soup(client.get("/research/rare-diseases/"))
    assert "1 in 17" in figures(html)
    units = [h.get_text(strip=True) for h in html.select(".unit__name")]
    assert "West Midlands Regional Genetics Service" in units
    related = html.select_one('section[aria-labelledby="related-heading"]')
    assert card_titles(related) == ["Cancer", "Maternal Health"]


def test_demo_partners_and_hdr_uk_sites_read_right(client):
    groups = soup(client.get("/partners/")).select("main section")
    assert card_titles(groups[0]) == FOUNDING
    html = soup(
        client.get("/partners/university-hospitals-birmingham-nhs-foundation-trust/")
    )
    assert "1,400" in figures(html)
    assert "RRK" in html.select_one("dl.details").get_text()
    text = soup(client.get("/hdr-uk/")).main.get_text()
    assert "£30" in text
    for region, members in HDRUK_SITES.items():
        assert f"HDR UK {region}" in text
        site = soup(client.get(HDRUKSitePage.objects.get(region=region).url))
        listed = site.select('section[aria-labelledby="members-heading"] li')
        names = [li.get_text(" ", strip=True).split(" (")[0] for li in listed]
        assert names == members


def test_demo_search_finds_the_pages_visitors_mean(client):
    # The demo's promotion puts the theme first; ranking alone puts it second,
    # after the news story named for the word.
    assert titles_for(client, "miscarriage")[0] == "Maternal Health"
    ranked = [page.title for page in search_pages("miscarriage")]
    assert ranked.index("Maternal Health") == 1
    assert "Immunology and Inflammation" in titles_for(client, "BRC")[:3]
    assert "HDR UK Midlands" in titles_for(client, "Leicester")[:3]
    genomic = titles_for(client, "genomic")[:5]
    assert "Cancer" in genomic and "Rare Diseases" in genomic


def test_demo_events_read_right(client):
    events = EventPage.objects.live()
    upcoming, past = events.upcoming(), events.past()
    assert (upcoming.count(), past.count()) == (8, 12)
    statuses = [event.status for event in upcoming]
    assert statuses.count(EventStatus.CANCELLED) == 1
    assert statuses.count(EventStatus.MOVED_ONLINE) == 1
    # Rare Disease Day is the last day of February, this year's or next.
    day = timezone.localtime(
        events.get(slug="rare-disease-day-meet-the-researchers").start
    )
    assert day.month == 2 and (day + datetime.timedelta(days=1)).day == 1
    assert "8 upcoming events" in soup(client.get("/events/")).main.get_text()
    cards = soup(client.get("/")).select(".next-events .card__title a")
    assert [a.get_text() for a in cards] == [e.title for e in upcoming[:3]]
