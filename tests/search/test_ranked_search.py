"""Search at scale (issue 24): PostgreSQL ranks only the best matches by a
cheap pre-order, lists the rest after them, and counts without ranking. Most
tests make RANKED_CANDIDATES small, so a handful of pages crosses the cut-off
that thousands cross on the live site. Each test searches for a word the demo
content never uses."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bhp_portal.core import search as site_search
from bhp_portal.core.cache import forget_database_generation
from bhp_portal.core.factories import StandardPageFactory, rich_text
from bhp_portal.core.search import search_hits
from research.factories import ResearchThemePageFactory
from tests.search.test_search_page import result_titles, search
from tests.utils import soup

pytestmark = pytest.mark.django_db

CUT_OFF = 3


@pytest.fixture
def few_candidates(monkeypatch):
    monkeypatch.setattr(site_search, "RANKED_CANDIDATES", CUT_OFF)


def titles(results):
    return [hit.page.title for hit in results]


def standard(home_page, title, summary="", body=""):
    return StandardPageFactory(
        parent=home_page, title=title, summary=summary, body=rich_text(f"<p>{body}</p>")
    )


@pytest.fixture
def axolotl_pages(home_page):
    """The word in titles, in a summary and in bodies; the body-only pages
    are the newest, so newest-first alone would list them first."""
    best = [
        standard(home_page, "Axolotl"),
        standard(home_page, "Axolotl breeding and care"),
        standard(home_page, "Amphibians", summary="The axolotl and its kin."),
    ]
    body_only = [
        standard(home_page, f"Pond note {number}", body="An axolotl was seen.")
        for number in range(7)
    ]
    return best, body_only


def test_a_title_match_ranks_above_a_body_match(home_page):
    # The title match is the older page, so the order is not newest first.
    standard(home_page, "Axolotl care")
    standard(home_page, "Pond life", body="The axolotl regrows its limbs.")
    assert titles(search_hits("axolotl")) == ["Axolotl care", "Pond life"]


def test_the_cut_off_keeps_the_best_matches_first(axolotl_pages, monkeypatch):
    best, body_only = axolotl_pages
    ranked_in_full = titles(search_hits("axolotl"))
    monkeypatch.setattr(site_search, "RANKED_CANDIDATES", CUT_OFF)
    results = titles(search_hits("axolotl"))
    assert results[:CUT_OFF] == ranked_in_full[:CUT_OFF]
    assert set(results[:CUT_OFF]) == {page.title for page in best}
    # The others follow, newest first, none lost.
    assert results[CUT_OFF:] == [page.title for page in reversed(body_only)]


def test_a_rare_word_finds_every_page_holding_it(axolotl_pages, few_candidates):
    best, body_only = axolotl_pages
    results = search_hits("axolotl")
    assert results.count() == len(best) + len(body_only)
    assert sorted(titles(results)) == sorted(page.title for page in best + body_only)


def test_slices_of_the_results_neither_repeat_nor_skip(axolotl_pages, few_candidates):
    results = search_hits("axolotl")
    everything = titles(results)
    assert len(set(everything)) == len(everything) == 10
    for size in (1, 2, 4):
        pieces = [titles(results[start : start + size]) for start in range(0, 10, size)]
        assert [title for piece in pieces for title in piece] == everything


def test_pages_of_results_are_stable_across_the_cut_off(
    client, home_page, few_candidates
):
    for number in range(12):
        standard(home_page, f"Axolotl note {number}")
    for number in range(11):
        standard(home_page, f"Pond note {number}", body="An axolotl again.")

    def all_pages():
        return [result_titles(search(client, q="axolotl", page=n)) for n in (1, 2, 3)]

    first_time = all_pages()
    cache.clear()
    assert all_pages() == first_time
    listed = [title for page in first_time for title in page]
    assert len(listed) == len(set(listed)) == 23
    heading = soup(search(client, q="axolotl")).select_one("#results-heading")
    assert heading.get_text().startswith("23 results")


def test_the_type_filter_applies_before_the_cut_off(home_page, few_candidates):
    for number in range(5):
        standard(home_page, f"Axolotl page {number}")
    themes = [
        ResearchThemePageFactory(
            title=f"Amphibian theme {number}",
            summary="",
            body=rich_text("<p>Axolotl regeneration.</p>"),
        )
        for number in range(4)
    ]
    results = search_hits("axolotl", type_slug="themes")
    assert results.count() == 4
    assert sorted(titles(results)) == sorted(theme.title for theme in themes)


def test_the_total_is_counted_without_ranking(axolotl_pages, few_candidates):
    results = search_hits("axolotl")
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == 10
    (count,) = queries.captured_queries
    assert "ts_rank" not in count["sql"]


def test_words_the_index_ignores_find_nothing(home_page):
    standard(home_page, "The and of")
    for query in ("the", "-", "---", "&", "!"):
        results = search_hits(query)
        assert (results.count(), titles(results)) == (0, [])


@pytest.mark.parametrize("cut_off", [site_search.RANKED_CANDIDATES, CUT_OFF])
def test_query_count_does_not_grow_beyond_the_cut_off(
    client, home_page, monkeypatch, cut_off
):
    monkeypatch.setattr(site_search, "RANKED_CANDIDATES", cut_off)
    for number in range(23):
        standard(home_page, f"Wombat note {number}")
    standard(home_page, "Dingo note")

    def queries_for(term, page):
        cache.clear()
        forget_database_generation()
        with CaptureQueriesContext(connection) as queries:
            assert result_titles(search(client, q=term, page=page))
        return len(queries)

    assert queries_for("wombat", 1) == queries_for("dingo", 1)
    assert queries_for("wombat", 3) == queries_for("wombat", 2)
