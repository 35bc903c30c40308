import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from bhp_portal.core import search as site_search
from bhp_portal.core.cache import forget_database_generation
from bhp_portal.core.factories import StandardPageFactory, rich_text
from research.factories import ResearchThemePageFactory
from tests.utils import soup


def search(client, **params):
    return client.get("/search/", params)


def result_titles(response):
    return [a.get_text() for a in soup(response).select(".search-results li h3 a")]


def theme(title, body="", **fields):
    page = ResearchThemePageFactory(
        title=title, body=rich_text(f"<p>{body}</p>"), **fields
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def quokka_pages(home_page):
    """Two page types, each with the word in a title (strong) and in a body
    only (weak)."""
    return {
        "standard_title": StandardPageFactory(
            parent=home_page, title="Quokka facts", summary="Small marsupials."
        ),
        "theme_title": theme("Quokka research", summary="Field studies."),
        "standard_body": StandardPageFactory(
            parent=home_page,
            title="Island wildlife",
            body=rich_text("<p>The quokka lives on Rottnest Island.</p>"),
        ),
        "theme_body": theme("Wildlife health", body="Tracking a quokka."),
    }


@pytest.mark.django_db
def test_header_search_box_is_labelled_on_every_page(client):
    for path in ["/", "/about/", "/search/?q=bhp", "/no-such-page/"]:
        html = soup(client.get(path))
        form = html.select_one("header form[role=search]")
        assert form["action"] == "/search/"
        field = form.select_one("input[name=q]")
        assert html.select_one(f"label[for={field['id']}]").get_text() == (
            "Search this site"
        )


@pytest.mark.django_db
def test_results_keep_relevance_order_across_page_types(client, quokka_pages):
    titles = result_titles(search(client, q="quokka"))
    assert set(titles[:2]) == {"Quokka facts", "Quokka research"}
    assert set(titles[2:]) == {"Island wildlife", "Wildlife health"}


@pytest.mark.django_db
def test_results_show_title_type_summary_and_date(client, quokka_pages):
    html = soup(search(client, q="quokka"))
    result = next(
        li
        for li in html.select(".search-results li")
        if li.h3.get_text() == "Quokka research"
    )
    assert result.h3.a["href"] == quokka_pages["theme_title"].url
    assert result.select_one(".search-result__type").get_text() == "Research theme"
    assert result.select_one(".search-result__summary").get_text() == "Field studies."
    assert result.select_one("time")["datetime"]
    assert html.select_one("#results-heading").get_text() == "4 results for “quokka”"


@pytest.mark.django_db
def test_type_filter_keeps_only_that_kind_of_page(client, quokka_pages):
    response = search(client, q="quokka", type="themes")
    assert result_titles(response) == ["Quokka research", "Wildlife health"]
    html = soup(response)
    current = html.select_one('nav[aria-label="Kind of result"] a[aria-current]')
    assert current.get_text() == "Research themes"
    assert result_titles(search(client, q="quokka", type="pages")) == [
        "Quokka facts",
        "Island wildlife",
    ]


@pytest.mark.django_db
def test_unknown_type_is_refused_with_a_message(client):
    response = search(client, q="bhp", type="spaceships")
    assert response.status_code == 400
    assert (
        "Choose one of the listed kinds"
        in soup(response).select_one("[role=alert]").get_text()
    )


@pytest.mark.django_db
def test_results_are_paginated_in_the_database(client, home_page):
    for number in range(23):
        StandardPageFactory(parent=home_page, title=f"Numbat note {number}")
    first = search(client, q="numbat")
    assert len(result_titles(first)) == 10
    html = soup(first)
    assert html.select_one("#results-heading").get_text().startswith("23 results")
    assert html.select_one('.pagination a[rel="next"]')["href"] == "?q=numbat&page=2"
    third = search(client, q="numbat", page=3)
    assert len(result_titles(third)) == 3
    assert soup(third).select_one(".search-results")["start"] == "21"
    pages = [result_titles(search(client, q="numbat", page=n)) for n in (1, 2, 3)]
    assert len({title for page in pages for title in page}) == 23


@pytest.mark.django_db
def test_the_total_is_counted_once_until_the_next_publish(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Bilby note {number}")

    def total_and_counting_queries():
        with CaptureQueriesContext(connection) as queries:
            response = search(client, q="bilby")
        heading = soup(response).select_one("#results-heading").get_text()
        counts = [
            q
            for q in queries.captured_queries
            if q["sql"].lstrip().startswith("SELECT COUNT(")
        ]
        return heading.split(" result")[0], len(counts)

    assert total_and_counting_queries() == ("12", 1)
    assert total_and_counting_queries() == ("12", 0)
    StandardPageFactory(parent=home_page, title="Bilby note 12")
    assert total_and_counting_queries() == ("13", 1)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_results(client, home_page):
    for number in range(23):
        StandardPageFactory(parent=home_page, title=f"Wombat note {number}")
    StandardPageFactory(parent=home_page, title="Dingo note")

    def queries_for(term):
        cache.clear()
        forget_database_generation()
        with CaptureQueriesContext(connection) as queries:
            assert len(result_titles(search(client, q=term))) in (1, 10)
        return len(queries)

    assert queries_for("wombat") == queries_for("dingo")


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-1", "9999", "1.5", ""])
def test_odd_page_numbers_still_answer(client, quokka_pages, page):
    response = search(client, q="quokka", page=page)
    assert response.status_code == 200
    assert len(result_titles(response)) == 4


@pytest.mark.django_db
def test_promoted_results_stand_above_the_others(client, home_page, quokka_pages):
    contact = Page.objects.get(url_path__endswith="/contact/")
    draft = StandardPageFactory(parent=home_page, title="Draft pick", live=False)
    query = Query.get("Quokka")
    SearchPromotion.objects.create(
        query=query, page=contact, description="Ask us about quokkas.", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/quokkas",
        external_link_text="Quokka census",
        sort_order=2,
    )
    SearchPromotion.objects.create(
        query=query, page=quokka_pages["theme_body"], sort_order=3
    )
    html = soup(search(client, q="  QUOKKA "))
    promoted = html.select(".search-promoted li")
    assert [li.h3.get_text() for li in promoted] == [
        "Contact us",
        "Quokka census",
        "Wildlife health",
    ]
    assert promoted[0].p.get_text() == "Ask us about quokkas."
    assert promoted[1].a["href"] == "https://example.org/quokkas"
    # A promoted page is not listed a second time below.
    assert "Wildlife health" not in result_titles_from(html)
    # A filtered search shows the plain results only.
    filtered = soup(search(client, q="quokka", type="themes"))
    assert not filtered.select(".search-promoted")
    assert "Wildlife health" in result_titles_from(filtered)


def result_titles_from(html):
    return [a.get_text() for a in html.select("ol.search-results li h3 a")]


@pytest.mark.django_db
def test_search_terms_are_recorded_once_per_search(client, home_page):
    for number in range(11):
        StandardPageFactory(parent=home_page, title=f"Quokka note {number}")
    search(client, q="Quokka")
    search(client, q="quokka ", type="pages")
    # Turning to the next page is the same search.
    search(client, q="quokka", page=2)
    search(client, q="no such thing at all")
    assert Query.objects.get(query_string="quokka").hits == 2
    assert Query.objects.get(query_string="no such thing at all").hits == 1


@pytest.mark.django_db
def test_empty_search_records_nothing_and_invites_a_query(client):
    response = search(client, q="   ")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("#search-query")["value"] == ""
    assert not html.select(".search-results")
    # Only the demo's promoted queries exist, none recorded by a search.
    assert not Query.objects.filter(daily_hits__isnull=False).exists()


@pytest.mark.django_db
def test_no_results_page_helps_the_visitor_on(client, home_page):
    menu_page = StandardPageFactory(title="Our approach", show_in_menus=True)
    html = soup(search(client, q="xylophone", type="news"))
    assert html.select_one("#results-heading").get_text() == (
        "0 results for “xylophone” in news"
    )
    help_links = {a.get_text(): a["href"] for a in html.select(".search-empty a")}
    assert help_links["search all kinds of page for “xylophone”"] == "?q=xylophone"
    assert help_links["Our approach"] == menu_page.url


@pytest.mark.django_db
def test_search_results_are_not_indexed_by_search_engines(client):
    html = soup(search(client, q="bhp"))
    assert html.select_one('meta[name="robots"]')["content"].startswith("noindex")


@pytest.mark.django_db
def test_searches_are_cached_and_still_all_counted(client, quokka_pages):
    first = search(client, q="quokka")
    again = search(client, q="Quokka")
    assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT")
    assert result_titles(search(client, q="wildlife")) != result_titles(again)
    assert Query.objects.get(query_string="quokka").hits == 2


@pytest.mark.django_db
def test_new_search_terms_are_recorded_up_to_a_daily_cap(client, monkeypatch):
    # Security round two, item 11: every made-up search added a row.
    monkeypatch.setattr(site_search, "NEW_SEARCH_TERMS_PER_DAY", 3)
    search(client, q="okapi")
    for number in range(5):
        search(client, q=f"made-up term {number}")
    search(client, q="okapi")
    recorded = set(
        Query.objects.filter(daily_hits__isnull=False).values_list(
            "query_string", flat=True
        )
    )
    assert recorded == {"okapi", "made-up term 0", "made-up term 1"}
    # A term already known is still counted after the cap.
    assert Query.objects.get(query_string="okapi").hits == 2


@pytest.mark.django_db
def test_a_known_search_term_is_counted_in_one_statement(django_assert_num_queries):
    site_search.record_search("okapi")  # a new term: Wagtail's own add_hit()
    with django_assert_num_queries(1):
        site_search.record_search("Okapi ")
    assert Query.objects.get(query_string="okapi").hits == 2
