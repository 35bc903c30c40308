import datetime

import pytest

from bhp_portal.core.factories import KeyFactFactory, rich_text
from news.factories import NewsArticlePageFactory
from partners.factories import HDRUKSitePageFactory, OrganisationFactory
from research.factories import ResearchThemePageFactory
from research.models import (
    ResearchThemeKeyFact,
    ResearchThemePage,
    ResearchThemeRelatedTheme,
)
from tests.utils import QUERY_BUDGET, cold_query_count, soup

pytestmark = pytest.mark.django_db


def card_titles(html):
    return [a.get_text() for a in html.select(".card__title a")]


def unit(name, page=None):
    return ("unit", {"name": name, "kind": "unit", "description": "", "page": page})


def test_research_index_lists_every_live_theme_in_tree_order(client):
    ResearchThemePageFactory(title="Zoonoses")
    ResearchThemePageFactory(title="Ageing")
    html = soup(client.get("/research/"))
    assert len(html.select("h1")) == 1
    titles = card_titles(html)
    # Added last, so last in the tree: not in alphabetical order.
    assert titles[-2:] == ["Zoonoses", "Ageing"]
    assert len(titles) == ResearchThemePage.objects.live().count()
    assert all(img["alt"] == "" for img in html.select(".card img"))


def test_editors_reorder_themes_by_moving_them(client):
    theme = ResearchThemePageFactory(title="Moved to the top")
    theme.move(theme.get_parent().get_first_child(), pos="left")
    assert card_titles(soup(client.get("/research/")))[0] == "Moved to the top"


def test_index_hides_drafts_and_private_themes(client):
    ResearchThemePageFactory(title="Draft theme", live=False)
    assert "Draft theme" not in card_titles(soup(client.get("/research/")))


def test_theme_shows_its_facts_units_partners_and_related_themes(client):
    first, second = ResearchThemePageFactory.create_batch(2)
    theme = ResearchThemePageFactory(
        title="Kidney disease",
        key_facts=[
            ResearchThemeKeyFact(
                key_fact=KeyFactFactory(figure="1 in 10", source_name="Registry")
            )
        ],
        units=[unit("Renal Research Unit")],
        partner_links=ResearchThemePageFactory.partners_for(
            [OrganisationFactory(name="Testshire Kidney Trust")]
        ),
        related_theme_links=[
            ResearchThemeRelatedTheme(theme=related, sort_order=i)
            for i, related in enumerate([second, first])
        ],
    )
    html = soup(client.get(theme.url))
    assert html.h1.get_text() == "Kidney disease"
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert figures == ["1 in 10"]
    assert all(
        s.get_text().startswith("Source:") for s in html.select(".key-fact__source")
    )
    units = [h.get_text(strip=True) for h in html.select(".unit__name")]
    assert units == ["Renal Research Unit"]
    partners = html.select_one('section[aria-labelledby="partners-heading"]')
    assert "Testshire Kidney Trust" in partners.get_text()
    related = html.select_one('section[aria-labelledby="related-heading"]')
    assert card_titles(related) == [second.title, first.title]


def test_theme_shows_its_latest_live_news_newest_first(client):
    theme, other = ResearchThemePageFactory.create_batch(2)
    day = datetime.date(2026, 1, 1)
    for n in range(4):
        date = day + datetime.timedelta(days=n)
        NewsArticlePageFactory(title=f"Mind story {n}", date=date, themes=[theme])
    later = day + datetime.timedelta(days=9)
    NewsArticlePageFactory(
        title="Unpublished story", date=later, themes=[theme], live=False
    )
    NewsArticlePageFactory(title="Other theme's story", date=later, themes=[other])

    html = soup(client.get(theme.url))
    news = html.select_one('section[aria-labelledby="news-heading"]')
    assert card_titles(news) == ["Mind story 3", "Mind story 2", "Mind story 1"]
    assert news.select_one(".card__meta time").get_text() == "4 January 2026"


def test_theme_queries_do_not_grow_with_partners_news_or_related(client):
    def theme_with(n, slug):
        theme = ResearchThemePageFactory(
            slug=slug,
            partner_links=ResearchThemePageFactory.partners_for(
                OrganisationFactory() for _ in range(n)
            ),
        )
        NewsArticlePageFactory.create_batch(
            n, date=datetime.date(2026, 2, 1), themes=[theme]
        )
        return theme

    small = theme_with(2, "small")
    large = theme_with(20, "large")
    count = cold_query_count(client, small.url)
    assert count <= QUERY_BUDGET
    assert cold_query_count(client, large.url) == count


def test_index_queries_do_not_grow_with_themes(client):
    before = cold_query_count(client, "/research/")
    assert before <= QUERY_BUDGET
    ResearchThemePageFactory.create_batch(10)
    assert cold_query_count(client, "/research/") == before


def test_theme_names_its_lead_contact_and_links_its_units(client):
    site = HDRUKSitePageFactory(region="Zedlands")
    contact = {
        "name": "Professor Ada Example",
        "role": "Theme lead",
        "organisation": "University of Testshire",
    }
    theme = ResearchThemePageFactory(
        body=rich_text("<p>Data.</p>"),
        lead_contacts=[("contact", contact)],
        units=[unit(site.title, page=site)],
    )
    html = soup(client.get(theme.url))
    contacts = html.select_one('section[aria-labelledby="contacts-heading"]')
    assert "Professor Ada Example" in contacts.select_one(".contact__name").get_text()
    units = html.select_one('section[aria-labelledby="units-heading"]')
    assert units.select_one(f'a[href="{site.url}"]').get_text() == site.title


def test_demo_related_themes_keep_their_rows_when_published_again():
    """The demo loader links related themes, publishes them, and later
    publishes the same pages again. The links it held in memory had no ids,
    so the second publish replaced their rows, and the reference-index
    updates queued for the first rows failed in the worker (DoesNotExist)."""
    from django.db.models.signals import post_delete

    from research.demo import link_related_themes

    first, second = ResearchThemePageFactory(), ResearchThemePageFactory()
    deleted = []

    def record(instance, **kwargs):
        deleted.append(instance.pk)

    post_delete.connect(record, sender=ResearchThemeRelatedTheme)
    try:
        link_related_themes({"a": first, "b": second}, [("a", ["b"]), ("b", ["a"])])
        first.save_revision().publish()
    finally:
        post_delete.disconnect(record, sender=ResearchThemeRelatedTheme)
    assert deleted == []
    links = ResearchThemeRelatedTheme.objects.filter(
        page__in=[first, second]
    ).values_list("page_id", "theme_id")
    assert set(links) == {(first.pk, second.pk), (second.pk, first.pk)}
