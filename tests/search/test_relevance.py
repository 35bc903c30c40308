"""Relevance on the demo content: what visitors type finds the right pages
first, across page types, and nothing hidden."""

import pytest
from wagtail.models import Page

from bhp_portal.core.search import search_pages
from tests.search.test_search_page import result_titles, search

pytestmark = pytest.mark.django_db


def titles_for(client, query):
    """Titles in the order a visitor sees them: editors' promotions first."""
    response = search(client, q=query)
    assert response.status_code == 200
    return result_titles(response)


def test_miscarriage_shows_maternal_health_first(client):
    titles = titles_for(client, "miscarriage")
    # The demo's promotion puts the theme first, above the news story whose
    # title has the word; ranking alone finds the theme too.
    assert titles[0] == "Maternal Health"
    assert any("Miscarriage Research" in title for title in titles[1:])
    ranked = [page.title for page in search_pages("miscarriage")]
    assert "Maternal Health" in ranked


def test_brc_finds_immunology_and_inflammation(client):
    assert "Immunology and Inflammation" in titles_for(client, "BRC")[:3]


def test_leicester_finds_the_midlands_hdr_uk_site(client):
    midlands = Page.objects.get(slug="midlands").title
    assert midlands in titles_for(client, "Leicester")[:3]


def test_genomic_finds_the_cancer_and_rare_disease_themes(client):
    titles = titles_for(client, "genomic")[:5]
    assert "Cancer" in titles
    assert "Rare Diseases" in titles


def test_a_drafted_theme_drops_out_of_the_results(client):
    Page.objects.get(slug="maternal-health").specific.unpublish()
    # Neither ranked nor promoted once it is a draft.
    assert "Maternal Health" not in titles_for(client, "miscarriage")
