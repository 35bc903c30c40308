"""People: ORCID iDs, the directory at /people/ with its filters and search,
a person's page, its JSON-LD, and people on theme and partner pages."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from partners.factories import OrganisationFactory
from research.factories import (
    PeopleIndexPageFactory,
    PersonPageFactory,
    ResearchThemePageFactory,
)
from research.models import PersonPage, PersonRole, RoleKind
from research.models.people import validate_orcid
from tests.utils import QUERY_BUDGET, cold_query_count, soup

pytestmark = pytest.mark.django_db


def names(html):
    return [a.get_text() for a in html.select(".person-card__name a")]


def json_ld_of_type(html, kind):
    for script in html.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


# ORCID iDs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "orcid",
    [
        "0000-0002-1825-0097",  # ORCID's own example record
        "0000-0001-5109-3700",
        "0000-0002-1694-233X",  # check character X (10)
    ],
)
def test_valid_orcid_ids_pass(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize(
    "orcid",
    [
        "0000-0002-1825-0098",  # one digit off: checksum fails
        "0000-0002-1694-2330",  # 0 where X belongs
        "0000-0002-1825-009",  # too short
        "0000000218250097",  # no hyphens
        "https://orcid.org/0000-0002-1825-0097",  # the address, not the iD
        "0000-0002-1694-233x",  # ORCID writes X in capitals
    ],
)
def test_invalid_orcid_ids_are_refused(orcid):
    with pytest.raises(ValidationError):
        validate_orcid(orcid)


def test_saving_a_person_with_a_bad_orcid_says_which_field():
    person = PersonPageFactory.build(orcid="0000-0002-1825-0098")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "orcid" in error.value.message_dict


# The person's page -------------------------------------------------------


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Test University", slug="test-university")


@pytest.fixture
def person(organisation):
    theme = ResearchThemePageFactory(title="Kidney disease", slug="kidney-disease")
    return PersonPageFactory(
        title="Ada Example",
        honorific="Professor",
        post_nominals="FMedSci",
        organisation=organisation,
        orcid="0000-0002-1825-0097",
        summary="Leads kidney research.",
        themes=[theme],
        roles=PersonPageFactory.roles_for(
            ("Theme lead, Kidney disease", RoleKind.THEME_LEAD, organisation),
            ("Clinical adviser", RoleKind.OTHER, None),
        ),
    )


def test_person_page_shows_name_roles_themes_and_orcid(client, person):
    past = PersonRole.objects.create(
        page=person,
        sort_order=2,
        title="Former dean",
        kind=RoleKind.LEADERSHIP,
        end_date=datetime.date(2019, 7, 31),
        start_date=datetime.date(2012, 8, 1),
    )
    assert not past.is_current
    html = soup(client.get(person.url))
    assert html.h1.get_text() == "Professor Ada Example FMedSci"
    assert [
        li.get_text().strip() for li in html.select(".person-header__roles li")
    ] == [
        "Theme lead, Kidney disease, Test University",
        "Clinical adviser",
    ]
    (previous,) = html.select("#past-roles-heading ~ ul li")
    assert previous.get_text().strip() == "Former dean (August 2012 to July 2019)"
    theme_link = html.select_one("#details-heading ~ dl a[href*=kidney]")
    assert theme_link.get_text() == "Kidney disease"
    orcid = html.select_one('a[href="https://orcid.org/0000-0002-1825-0097"]')
    assert orcid is not None
    # No photo: initials, hidden from screen readers, not an image.
    initials = html.select_one(".person-header__initials")
    assert initials.get_text() == "AE" and initials["aria-hidden"] == "true"
    assert not html.select(".person-header img")


def test_person_json_ld_has_affiliation_job_title_and_orcid(client, person):
    data = json_ld_of_type(soup(client.get(person.url)), "Person")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Ada Example"
    assert data["honorificPrefix"] == "Professor"
    assert data["honorificSuffix"] == "FMedSci"
    assert data["jobTitle"] == ["Theme lead, Kidney disease", "Clinical adviser"]
    assert data["sameAs"] == ["https://orcid.org/0000-0002-1825-0097"]
    assert [org["name"] for org in data["affiliation"]] == ["Test University"]
    assert data["affiliation"][0]["@type"] == "Organization"
    assert data["url"].endswith(person.url)
    assert "email" not in data and "telephone" not in data


def test_json_ld_leaves_out_what_is_not_set(client):
    bare = PersonPageFactory(title="Sam Example", summary="")
    data = json_ld_of_type(soup(client.get(bare.url)), "Person")
    assert set(data) == {"@context", "@type", "name", "url"}


def test_person_page_query_count_stays_within_budget(client, person):
    assert cold_query_count(client, person.url) <= QUERY_BUDGET


def test_a_draft_person_is_not_served(client):
    draft = PersonPageFactory(title="Draft Person", live=False)
    assert client.get(draft.get_url()).status_code == 404


# The directory -----------------------------------------------------------


@pytest.fixture
def directory(organisation):
    """Three people: two at the test university (one through a role only),
    one in a theme, with the demo's people beside them."""
    other = OrganisationFactory(name="Other Trust", slug="other-trust")
    theme = ResearchThemePageFactory(title="Sleep", slug="sleep")
    people = {
        "zed": PersonPageFactory(
            title="Zed Alpha",
            organisation=organisation,
            roles=PersonPageFactory.roles_for(
                ("Press officer", RoleKind.COMMUNICATIONS, organisation)
            ),
        ),
        "amy": PersonPageFactory(
            title="Amy Zulu",
            organisation=other,
            themes=[theme],
            roles=PersonPageFactory.roles_for(
                ("Visiting chair", RoleKind.RESEARCH, organisation)
            ),
        ),
        "bo": PersonPageFactory(
            title="Bo Middle",
            organisation=other,
            biography="<p>Studies circadian rhythms in hospital wards.</p>",
            roles=PersonPageFactory.roles_for(
                ("Sleep lab director", RoleKind.LEADERSHIP, other)
            ),
        ),
    }
    # As an editor publishes: the search index then holds the roles too,
    # which are saved after the page itself.
    for person in people.values():
        person.save_revision().publish()
    return people


NAMES = {"Zed Alpha", "Bo Middle", "Amy Zulu"}


def test_directory_lists_live_people_by_family_name(client, directory):
    PersonPageFactory(title="Hidden Draft", live=False)
    listed = names(soup(client.get("/people/")))
    mine = [name for name in listed if name in NAMES]
    assert mine == ["Zed Alpha", "Bo Middle", "Amy Zulu"]
    assert "Hidden Draft" not in listed
    assert len(listed) == PersonPage.objects.live().count()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=sleep", ["Amy Zulu"]),
        # Works there, or holds a role there.
        ("organisation=test-university", ["Zed Alpha", "Amy Zulu"]),
        ("role=communications", ["Zed Alpha"]),
        ("role=leadership&organisation=other-trust", ["Bo Middle"]),
        ("q=circadian", ["Bo Middle"]),
        ("q=press+officer", ["Zed Alpha"]),
        ("q=zulu&theme=sleep", ["Amy Zulu"]),
        ("q=zulu&role=leadership", []),
    ],
)
def test_directory_filters_and_search(client, directory, query, expected):
    response = client.get(f"/people/?{query}")
    assert response.status_code == 200
    html = soup(response)
    # The demo's people are listed too; these tests' own are checked.
    assert [name for name in names(html) if name in NAMES] == expected
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_filter_choices_are_only_those_someone_has(client, directory):
    html = soup(client.get("/people/"))
    themes = [o["value"] for o in html.select("#id_theme option")]
    assert "sleep" in themes and "kidney-disease" not in themes
    organisations = [o["value"] for o in html.select("#id_organisation option")]
    assert {"test-university", "other-trust"} <= set(organisations)


@pytest.mark.parametrize(
    "query",
    [
        "theme=no-such-theme",
        "organisation=%00",
        "role=emperor",
        "q=" + "x" * 500,
        "theme=sleep&theme=other",
        "page=abc",
        "page=999",
    ],
)
def test_bad_filter_values_never_break_the_directory(client, directory, query):
    response = client.get(f"/people/?{query}")
    assert response.status_code in (200, 400, 404)
    if response.status_code == 200 and not query.startswith("page="):
        html = soup(response)
        assert html.select(".error-summary") or names(html)


def test_directory_query_count_is_flat(client, directory):
    queries = {
        "": cold_query_count(client, "/people/"),
        "filtered": cold_query_count(
            client, "/people/?theme=sleep&organisation=other-trust&role=research"
        ),
        "search": cold_query_count(client, "/people/?q=sleep"),
    }
    more, theme = OrganisationFactory(), ResearchThemePageFactory()
    for _ in range(5):
        PersonPageFactory(
            organisation=more,
            themes=[theme],
            roles=PersonPageFactory.roles_for(("Lead", RoleKind.RESEARCH, more)),
        )
    assert cold_query_count(client, "/people/") == queries[""]
    assert cold_query_count(client, "/people/?q=person") <= queries["search"]
    assert max(queries.values()) <= QUERY_BUDGET


def test_directory_index_is_a_singleton_under_home(home_page):
    index = PeopleIndexPageFactory()
    assert index.slug == "people" and index.get_parent().specific == home_page
    assert not index.can_create_at(home_page)
