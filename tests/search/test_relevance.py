"""Relevance: what visitors type finds the right pages first, across page
types, and nothing hidden. Each test makes its pages around a word the demo
content never uses, so the ranks are the test's own."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from bhp_portal.core.factories import rich_text
from bhp_portal.core.search import search_hits
from news.factories import NewsArticlePageFactory
from partners.factories import HDRUKSitePageFactory, OrganisationFactory
from research.factories import ResearchThemePageFactory
from tests.search.test_search_page import result_titles, search

pytestmark = pytest.mark.django_db


def titles_for(client, query):
    """Titles in the order a visitor sees them: editors' promotions first."""
    response = search(client, q=query)
    assert response.status_code == 200
    return result_titles(response)


def ranked(query):
    """Titles in relevance order alone, without the promotions."""
    return [hit.page.title for hit in search_hits(query)]


@pytest.fixture
def promoted_theme():
    """A theme that names the word only in its body, promoted for it above
    a news story named for the word (the demo's "miscarriage" case)."""
    theme = ResearchThemePageFactory(
        title="Parasitic infections",
        body=rich_text("<p>Our toxoplasmosis programme follows mothers.</p>"),
    )
    NewsArticlePageFactory(title="A toxoplasmosis clinic opens")
    SearchPromotion.objects.create(
        query=Query.get("toxoplasmosis"), page=theme, description="Our research."
    )
    return theme


def test_a_promoted_theme_comes_first_and_ranks_after_the_titled_story(
    client, promoted_theme
):
    assert titles_for(client, "toxoplasmosis") == [
        "Parasitic infections",
        "A toxoplasmosis clinic opens",
    ]
    assert ranked("toxoplasmosis") == [
        "A toxoplasmosis clinic opens",
        "Parasitic infections",
    ]


def test_a_drafted_theme_drops_out_of_the_results(client, promoted_theme):
    promoted_theme.unpublish()
    # Neither ranked nor promoted once it is a draft.
    assert titles_for(client, "toxoplasmosis") == ["A toxoplasmosis clinic opens"]


def test_an_acronym_in_a_themes_body_finds_the_theme(client):
    ResearchThemePageFactory(
        title="Inflammation",
        body=rich_text("<p>Home of the QZBRC, our research centre.</p>"),
    )
    assert titles_for(client, "QZBRC") == ["Inflammation"]


def test_a_member_organisations_name_finds_its_hdr_uk_site(client):
    member = OrganisationFactory(name="University of Zedshire")
    site = HDRUKSitePageFactory(
        region="Zedlands", members=HDRUKSitePageFactory.members_for([member])
    )
    # Publishing indexes the page with its members, as it does for editors.
    site.save_revision().publish()
    assert titles_for(client, "Zedshire") == ["HDR UK Zedlands"]


def test_another_form_of_a_word_finds_the_page(client):
    ResearchThemePageFactory(
        title="Sport and health", body=rich_text("<p>Zorbing injuries.</p>")
    )
    assert titles_for(client, "zorbs") == ["Sport and health"]
