"""The news index: order, pagination, filters, bad input and query budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bhp_portal.core.factories import ImageFactory
from news.factories import NewsArticlePageFactory
from news.models import ArticleType, NewsArticlePage
from news.models.pages import ARTICLES_PER_PAGE
from tests.utils import soup

YEAR = 2031


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def live_titles(queryset):
    return list(
        queryset.live()
        .order_by("-date", "-first_published_at", "-pk")
        .values_list("title", flat=True)
    )


@pytest.fixture
def filterable(news_index, theme, other_theme, partner):
    """Six articles in one year, crossing theme, partner and type."""
    specs = [
        ("A", ArticleType.NEWS, [theme], [partner], 1),
        ("B", ArticleType.PRESS_RELEASE, [theme], [], 2),
        ("C", ArticleType.PRESS_RELEASE, [other_theme], [partner], 3),
        ("D", ArticleType.BLOG, [theme, other_theme], [partner], 4),
        ("E", ArticleType.ANNOUNCEMENT, [], [], 5),
        ("F", ArticleType.NEWS, [theme], [partner], 6),
    ]
    for title, kind, themes, organisations, day in specs:
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Filter test {title}",
            article_type=kind,
            themes=themes,
            organisations=organisations,
            date=datetime.date(YEAR, 1, day),
        )
    NewsArticlePageFactory(
        parent=news_index,
        title="Filter test draft",
        live=False,
        themes=[theme],
        date=datetime.date(YEAR, 1, 9),
    )


@pytest.mark.django_db
def test_index_lists_live_articles_newest_first_a_page_at_a_time(client, news_index):
    expected = live_titles(NewsArticlePage.objects.child_of(news_index))
    per_page = ARTICLES_PER_PAGE
    assert len(expected) > per_page
    first = client.get("/news/")
    assert first.status_code == 200
    assert listed_titles(first) == expected[:per_page]
    second = client.get("/news/?page=2")
    assert listed_titles(second) == expected[per_page : 2 * per_page]
    html = soup(first)
    assert len(html.select("h1")) == 1
    current = html.select_one('nav[aria-label="Pages"] a[aria-current="page"]')
    assert current.get_text(" ", strip=True) == "Page 1"
    assert html.select_one('nav[aria-label="Pages"] a[rel="next"]')["href"] == "?page=2"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "lookup"),
    [
        ("theme=test-theme", {"themes__slug": "test-theme"}),
        ("partner=test-university", {"organisations__slug": "test-university"}),
        ("type=press-release", {"article_type": "press-release"}),
        (f"year={YEAR}", {"date__year": YEAR}),
        (
            f"theme=test-theme&partner=test-university&year={YEAR}",
            {
                "themes__slug": "test-theme",
                "organisations__slug": "test-university",
                "date__year": YEAR,
            },
        ),
        (
            "theme=other-theme&type=blog",
            {"themes__slug": "other-theme", "article_type": "blog"},
        ),
        (
            f"type=news&year={YEAR}&theme=test-theme",
            {"article_type": "news", "date__year": YEAR, "themes__slug": "test-theme"},
        ),
    ],
)
def test_filters_alone_and_combined_match_the_database(
    client, filterable, query, lookup
):
    response = client.get(f"/news/?{query}")
    assert response.status_code == 200
    expected = live_titles(NewsArticlePage.objects.filter(**lookup).distinct())
    assert expected
    assert listed_titles(response) == expected
    assert "Filter test draft" not in expected


@pytest.mark.django_db
def test_filters_survive_pagination_links(client, news_index, theme):
    for day in range(ARTICLES_PER_PAGE + 2):
        NewsArticlePageFactory(
            parent=news_index, themes=[theme], date=datetime.date(YEAR, 2, day + 1)
        )
    html = soup(client.get("/news/?theme=test-theme"))
    assert html.select_one('a[rel="next"]')["href"] == "?theme=test-theme&page=2"
    assert len(listed_titles(client.get("/news/?theme=test-theme&page=2"))) == 2


@pytest.mark.django_db
def test_filter_form_is_labelled_and_keeps_the_choice(client, filterable):
    html = soup(client.get("/news/?type=blog&theme=test-theme"))
    form = html.select_one('form[method="get"][aria-label="Filter news"]')
    for name in ("theme", "partner", "type", "year"):
        control = form.select_one(f'select[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]')
    assert form.select_one('select[name="type"] option[selected]')["value"] == "blog"
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"


@pytest.mark.django_db
def test_a_combination_without_articles_says_so(client, filterable):
    response = client.get(f"/news/?type=announcement&theme=test-theme&year={YEAR}")
    assert response.status_code == 200
    html = soup(response)
    assert not listed_titles(response)
    assert html.select_one("#results-heading").get_text(strip=True) == (
        "No articles match"
    )
    assert html.select_one(".filters__actions a")["href"] == "/news/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("year=x", "year"),
        ("year=1850", "year"),
        ("theme=unknown", "theme"),
        ("partner=nobody", "partner"),
        ("type=gossip", "type"),
        ("theme=unknown&year=x", "theme"),
    ],
)
def test_unknown_filter_values_are_a_404_that_explains(client, query, field):
    response = client.get(f"/news/?{query}")
    assert response.status_code == 404
    html = soup(response)
    summary = html.select_one(".error-summary")
    assert summary.select_one(f'a[href="#id_{field}"]')
    assert not listed_titles(response)


@pytest.mark.django_db
def test_bad_page_numbers_never_fail(client):
    assert client.get("/news/?page=abc").status_code == 404
    assert client.get("/news/?page=-1").status_code == 404
    last = client.get("/news/?page=99999")
    assert last.status_code == 200
    page_obj = last.context["page_obj"]
    assert page_obj.number == page_obj.paginator.num_pages > 1
    current = soup(last).select_one('nav[aria-label="Pages"] a[aria-current="page"]')
    assert current.get_text(" ", strip=True) == f"Page {page_obj.number}"


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_articles(
    client, news_index, theme, partner, settings
):
    # Measure the page being built, not the whole-page cache answering.
    settings.PAGE_CACHE_SECONDS = 0

    def add(count):
        for _ in range(count):
            NewsArticlePageFactory(
                parent=news_index,
                date=datetime.date(YEAR, 3, 1),
                themes=[theme],
                organisations=[partner],
                hero_image=ImageFactory(),
                listing_image=ImageFactory(),
            )

    def queries_for_listing():
        url = f"/news/?year={YEAR}"
        client.get(url)  # makes renditions and fills caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return len(captured.captured_queries), len(listed_titles(response))

    add(2)
    few, shown_few = queries_for_listing()
    add(8)
    many, shown_many = queries_for_listing()
    assert (shown_few, shown_many) == (2, 10)
    assert many == few


@pytest.mark.django_db
def test_every_news_card_has_a_picture_drawn_for_its_type_when_it_has_none(
    client, news_index
):
    NewsArticlePageFactory(
        parent=news_index,
        title="No picture",
        article_type=ArticleType.BLOG,
        date=timezone.localdate(),
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="With picture",
        listing_image=ImageFactory(),
        date=timezone.localdate(),
    )
    cards = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup(client.get("/news/")).select("main .card")
    }
    assert all(card.select_one(".card__image") for card in cards.values())
    drawn = cards["No picture"].select_one(".card__image--fallback")
    assert "card__image--blog" in drawn["class"]
    assert cards["With picture"].select_one(".card__image img")
    assert not cards["With picture"].select_one(".card__image--fallback")
