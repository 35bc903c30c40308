"""The demo content: it loads, loading it again changes nothing, and it reads
as a newcomer sees it after `make run`. The one module that asserts the
demo's own words and figures; every other test makes the data it asserts on."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from bhp_portal.core.models import CustomImage, KeyFact, SiteSettings
from bhp_portal.core.search import search_hits
from news.models import (
    EventPage,
    EventStatus,
    NewsArticleAuthor,
    NewsArticlePage,
    PressContact,
)
from partners.models import HDRUKSitePage, PartnerPage
from research.models import PersonPage, ResearchThemePage
from tests.search.test_relevance import titles_for
from tests.seo.test_sitemap_and_robots import sitemap_entries
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
    assert menu[0] == "About BHP"
    assert "Institute of Translational Medicine" not in menu
    assert {"Events", "Take part in research"} <= set(menu)
    assert menu[-1] == "Contact us"
    assert menu.index("Our research") < menu.index("Our partners")
    assert "Health Data Research UK" in menu
    footer = html.select_one("footer")
    assert "Edgbaston" in footer.get_text()
    assert not footer.select('a[href^="mailto:"]')
    assert footer.select_one('a[href="tel:+441214146681"]').get_text() == (
        "+44 (0)121 414 6681"
    )
    assert footer.select_one('a[href="tel:+447789921165"]')
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


def test_demo_people_are_only_those_the_seeds_name(client):
    people = {
        person.title: person
        for person in PersonPage.objects.live().prefetch_related("roles")
    }
    assert set(people) == {
        "David Adams",
        "Simon Ball",
        "Andrew Morris",
        "Emma McKinney",
    }
    assert [r.title for r in people["Simon Ball"].roles.all()] == [
        "Director of the Midlands site",
        "Director of Digital Healthcare",
    ]
    # Nothing invented about real people: no iD, photo, biography or contact.
    for person in people.values():
        assert not (person.orcid or person.photo_id or person.biography)
        assert not (person.public_email or person.public_phone)
    html = soup(client.get("/people/"))
    assert [a.get_text() for a in html.select(".person-card__name a")] == [
        "Professor David Adams",
        "Professor Simon Ball",
        "Emma McKinney",
        "Professor Andrew Morris",
    ]
    assert not html.select(".person-card img")
    # The theme contact the demo names links to his page.
    theme = soup(client.get("/research/health-data-science/"))
    assert theme.select_one(".contact__name a")["href"] == "/people/simon-ball/"


def test_demo_search_finds_the_pages_visitors_mean(client):
    # The demo's promotion puts the theme first; ranking alone puts it after
    # the news story named for the word and the two studies of pregnancy loss
    # (the word is their condition's synonym and in their summaries).
    assert titles_for(client, "miscarriage")[0] == "Maternal Health"
    ranked = [hit.page.title for hit in search_hits("miscarriage")]
    assert (
        ranked[0]
        == "Birmingham to lead Tommy's National Centre for Miscarriage Research"
    )
    assert set(ranked[1:3]) == {
        "Finding out why some pregnancies end early",
        "Better care after pregnancy loss",
    }
    assert ranked[3] == "Maternal Health"
    assert "Immunology and Inflammation" in titles_for(client, "BRC")[:3]
    assert "HDR UK Midlands" in titles_for(client, "Leicester")[:3]
    genomic = titles_for(client, "genomic")[:5]
    assert "Cancer" in genomic and "Rare Diseases" in genomic


# The people BHP's own pages name, the only people the demo may name.
SEED_PEOPLE = {"David Adams", "Simon Ball", "Andrew Morris", "Emma McKinney"}
TITLED_NAME = re.compile(
    r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame)\.? ((?:[A-Z][\w'-]+ ?){1,3})"
)
# Bylines and press contacts that are not people name a team, desk or role.
ROLE_WORDS = ("team", "office", "partners", "lead", "desk")


def public_paths(client):
    """Every page in the sitemap, and the listings and forms beside them."""
    paths = {urlsplit(url).path for url in sitemap_entries(client)}
    return sorted(paths | {"/search/?q=research", "/news/?type=press-release"})


def test_no_public_page_shows_a_placeholder_address(client):
    paths = public_paths(client)
    assert len(paths) > 40
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert not re.search(r"[\w.-]+\.example\b|example\.(org|com)", text), path


def test_no_public_page_names_a_person_outside_the_seeds(client):
    named = set()
    for path in public_paths(client):
        text = soup(client.get(path)).get_text(" ", strip=True)
        named |= {name.strip() for name in TITLED_NAME.findall(text)}
    assert named, "the demo names BHP's director and the HDR UK directors"
    assert {" ".join(name.split()[:2]) for name in named} <= SEED_PEOPLE
    for name in [
        *NewsArticleAuthor.objects.values_list("name", flat=True),
        *PressContact.objects.values_list("name", flat=True),
    ]:
        is_role = any(word in name.lower() for word in ROLE_WORDS)
        assert name in SEED_PEOPLE or is_role, name


def test_demo_news_looks_current_and_history_keeps_its_dates(client):
    newest = NewsArticlePage.objects.live().order_by("-date").first()
    assert (timezone.localdate() - newest.date).days <= 14
    announcement = NewsArticlePage.objects.get(
        slug="bhp-to-lead-midlands-health-data-research-uk-site"
    )
    assert announcement.date == datetime.date(2018, 2, 1)
    brc = NewsArticlePage.objects.get(slug__startswith="nihr-biomedical-research")
    assert brc.date.year == 2016


def test_demo_hdr_uk_announcement_is_a_full_press_release(client):
    html = soup(client.get("/hdr-uk/"))
    link = html.select_one(".announcement-link a")
    release = soup(client.get(link["href"]))
    text = release.main.get_text(" ", strip=True)
    for fact in ["£30 million", "six sites", "22 universities", "£24 million"]:
        assert fact in text, fact
    notes = release.select_one(".notes-to-editors").get_text(" ", strip=True)
    for funder in ["Medical Research Council", "British Heart Foundation", "Wellcome"]:
        assert funder in notes
    assert "23,000 members" in notes
    contacts = release.select(".press-contact")
    assert "Emma McKinney" in contacts[0].get_text()
    assert contacts[0].select_one('a[href="tel:+441214146681"]')
    assert not release.select('.press a[href^="mailto:"]')
    # Statements from the seeds are reported speech, not quotations.
    assert "“" not in release.select_one(".rich-text").get_text()


def test_demo_hdr_uk_midlands_page_is_complete(client):
    html = soup(client.get(HDRUKSitePage.objects.get(region="Midlands").url))
    leadership = html.select_one('section[aria-labelledby="leadership-heading"]')
    assert leadership.get_text(" ", strip=True).count("Led by") == 1
    assert "Professor Simon Ball" in leadership.get_text()
    director = leadership.select_one("dd a")
    assert director["href"] == "/people/simon-ball/"
    members = html.select('section[aria-labelledby="members-heading"] li')
    assert all(li.select_one("br + .link-list__note") for li in members)
    body = html.main.get_text(" ", strip=True)
    assert "Professor David Adams" in body
    assert "£30 million" in body and "£24 million" in body
    assert html.select_one(".announcement-link a")


def test_demo_partners_state_current_facts(client):
    assert not PartnerPage.objects.filter(title__icontains="Heart of England")
    uhb = soup(
        client.get("/partners/university-hospitals-birmingham-nhs-foundation-trust/")
    )
    assert "23,000+" in figures(uhb)
    assert "2018" in uhb.main.get_text()
    uob = soup(client.get("/partners/university-of-birmingham/"))
    assert "16 of 21" in figures(uob)


def test_each_research_theme_has_its_own_illustration():
    themes = ResearchThemePage.objects.live()
    images = {theme.listing_image_id for theme in themes}
    assert len(images) == themes.count() == len(THEMES)


def test_partner_cards_show_the_organisations_name_as_a_wordmark():
    for page in PartnerPage.objects.live().select_related("listing_image"):
        assert page.listing_image.title == f"Wordmark: {page.title}"


def test_every_page_links_to_the_study_finder(client):
    menu = soup(client.get("/")).select_one("header nav")
    assert (
        menu.select_one('a[href="/take-part/"]').get_text() == "Take part in research"
    )


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
