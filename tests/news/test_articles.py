"""Articles: page tree, content for journalists, and metadata for search
engines and social networks."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from bhp_portal.core.factories import ImageFactory
from bhp_portal.core.models import HomePage
from news.factories import (
    NewsArticleAuthorFactory,
    NewsArticlePageFactory,
    PressContactFactory,
)
from news.models import (
    ArticleType,
    NewsArticlePage,
    NewsArticlePressContact,
    NewsIndexPage,
    NewsSettings,
)
from tests.utils import PageTestCase, news_article_form, soup


class NewsTreeTests(PageTestCase):
    def setUp(self):
        self.login()
        self.index = NewsIndexPage.objects.get()

    def test_news_index_is_a_single_child_of_home(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertFalse(NewsIndexPage.can_create_at(HomePage.objects.get()))

    def test_articles_live_only_in_a_news_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())

    def test_pages_are_routable_and_render(self):
        article = NewsArticlePage.objects.live().first()
        for page in (self.index, article):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_an_editor_creates_an_article_through_the_admin_form(self):
        self.assertCanCreate(
            self.index,
            NewsArticlePage,
            nested_form_data(
                {
                    "title": "A new partnership",
                    "slug": "a-new-partnership",
                    "summary": "Two partners join forces.",
                    "date": "2025-06-02",
                    "article_type": ArticleType.ANNOUNCEMENT,
                    "body": streamfield(
                        [("rich_text", rich_text("<p>They signed today.</p>"))]
                    ),
                    "tags": "partnerships, funding",
                    "authors": inline_formset([{"name": "A. Writer", "role": ""}]),
                    "press_contacts": inline_formset([]),
                    "notes_to_editors": rich_text(""),
                }
            ),
        )
        page = NewsArticlePage.objects.get(slug="a-new-partnership")
        assert page.article_type == "announcement"
        assert sorted(page.tags.names()) == ["funding", "partnerships"]
        assert [a.name for a in page.authors.all()] == ["A. Writer"]


@pytest.fixture
def press_release(news_index, theme, partner):
    image = ImageFactory(description="Researchers at a screen of health data.")
    page = NewsArticlePageFactory(
        parent=news_index,
        title="Data site <launched>",
        summary="A new site for health data research.",
        article_type=ArticleType.PRESS_RELEASE,
        hero_image=image,
        themes=[theme],
        organisations=[partner],
        notes_to_editors="<p>The site has four universities.</p>",
        tags=["data science"],
    )
    NewsArticlePressContact.objects.create(
        page=page,
        contact=PressContactFactory(
            name="Sam Reporter",
            phone="0121 496 0999",
            out_of_hours_phone="07700 900999",
        ),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_press_release_gives_journalists_contacts_notes_and_about_bhp(
    client, press_release, theme
):
    html = soup(client.get(press_release.url))
    press = html.select_one("section.press")
    text = press.get_text(" ", strip=True)
    assert "Sam Reporter" in text
    assert press.select_one('a[href="tel:07700900999"]')
    assert "The site has four universities." in text
    about = NewsSettings.objects.get().about_bhp
    assert "strategic alliance" in about
    assert "strategic alliance" in press.select_one(".about-bhp").get_text()
    related = html.select_one("aside.article__related")
    assert related.select_one(f'a[href="{theme.url}"]').get_text() == "Test Theme"
    assert related.select_one('a[href="/news/?partner=test-university"]')


@pytest.mark.django_db
def test_news_stories_do_not_carry_the_press_section(client, news_index):
    page = NewsArticlePageFactory(parent=news_index, article_type=ArticleType.BLOG)
    with CaptureQueriesContext(connection) as queries:
        html = soup(client.get(page.url))
    assert not html.select("section.press")
    assert len(html.select("h1")) == 1
    assert not [q for q in queries if "news_newsarticlepresscontact" in q["sql"]]


@pytest.mark.django_db
def test_authors_and_tags_are_read_once_for_the_body_and_the_metadata(
    client, press_release
):
    NewsArticleAuthorFactory(page=press_release, name="Ana Writer")
    with CaptureQueriesContext(connection) as queries:
        html = soup(client.get(press_release.url))
    sql = [query["sql"] for query in queries]
    assert len([q for q in sql if 'FROM "news_newsarticleauthor"' in q]) == 1
    assert len([q for q in sql if 'JOIN "news_newsarticletag"' in q]) == 1
    assert "By Ana Writer" in html.select_one(".article__authors").get_text()
    assert "data science" in html.select_one(".article__related").get_text()
    data = json.loads(html.find("script", string=re.compile("NewsArticle")).string)
    assert data["author"] == [{"@type": "Person", "name": "Ana Writer"}]
    assert data["keywords"] == ["data science"]


@pytest.mark.django_db
def test_article_has_open_graph_and_description(client, press_release):
    html = soup(client.get(press_release.url))

    def meta(prop):
        tag = html.select_one(f'meta[property="{prop}"]')
        return tag["content"] if tag else None

    assert html.select_one('meta[name="description"]')["content"] == (
        "A new site for health data research."
    )
    assert meta("og:type") == "article"
    assert meta("og:title") == "Data site <launched>"
    assert meta("og:url") == press_release.full_url
    assert meta("og:image").startswith("http")
    assert meta("og:image").endswith(".jpg")
    assert meta("article:published_time") == press_release.date.isoformat()
    assert len(html.select('meta[property="og:title"]')) == 1
    assert not html.select('meta[name="robots"]')


@pytest.mark.django_db
def test_article_has_news_article_json_ld(client, press_release):
    html = soup(client.get(press_release.url))
    scripts = html.select('script[type="application/ld+json"]')
    data = next(
        d
        for d in (json.loads(s.string) for s in scripts)
        if d["@type"] == "NewsArticle"
    )
    assert data["headline"] == "Data site <launched>"
    assert data["datePublished"] == press_release.date.isoformat()
    modified = timezone.localtime(press_release.last_published_at)
    assert data["dateModified"] == modified.isoformat()
    assert data["image"][0].startswith("http")
    assert data["publisher"]["name"] == "Birmingham Health Partners"
    assert data["publisher"]["logo"]["url"].startswith("http")
    # Markup in a title must not be able to close the script element.
    assert "<launched>" not in scripts[0].decode_contents()


@pytest.mark.django_db
def test_hero_image_alt_text_prefers_the_editors_words(client, press_release):
    img = soup(client.get(press_release.url)).select_one(".article__hero img")
    assert img["alt"] == "Researchers at a screen of health data."
    press_release.hero_image_alt = "Four people around a laptop."
    press_release.save_revision().publish()
    img = soup(client.get(press_release.url)).select_one(".article__hero img")
    assert img["alt"] == "Four people around a laptop."


@pytest.mark.django_db
def test_home_page_shows_the_three_latest_articles(client, news_index):
    expected = list(
        NewsArticlePage.objects.live()
        .order_by("-date", "-first_published_at")
        .values_list("title", flat=True)[:3]
    )
    section = soup(client.get("/")).select_one("section.latest-news")
    assert section.h2.get_text() == "Latest news"
    assert [a.get_text() for a in section.select(".card__title a")] == expected


@pytest.mark.django_db
def test_an_articles_card_looks_the_same_in_every_list(client, news_index, theme):
    # Only a hero image: every card of the article falls back to it.
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Card story",
        date=datetime.date(2099, 1, 1),
        article_type=ArticleType.BLOG,
        hero_image=ImageFactory(),
        themes=[theme],
    )

    def card(url):
        title = soup(client.get(url)).find("a", string="Card story")
        return title.find_parent(class_="card")

    cards = [card(url) for url in ("/", news_index.url, theme.url)]
    images = {card.select_one(".card__image img")["src"] for card in cards}
    meta = {card.select_one(".card__meta").get_text(" ", strip=True) for card in cards}
    assert len(images) == 1
    assert images <= {
        rendition.url for rendition in article.hero_image.renditions.all()
    }
    assert meta == {"Blog post 1 January 2099"}


@pytest.mark.django_db
def test_articles_are_found_by_tag_theme_and_partner_names(news_index, theme, partner):
    page = NewsArticlePageFactory(
        parent=news_index,
        title="Quiet headline",
        themes=[theme],
        organisations=[partner],
        tags=["zebrafish"],
    )
    # Indexing normally waits for the transaction to commit; tests never commit.
    get_search_backend().add(page)
    live = NewsArticlePage.objects.live()
    for query in ("zebrafish", "Test Theme", "Test University"):
        assert page in list(live.search(query)), query


@pytest.mark.django_db
def test_demo_news_covers_every_type_several_years_and_every_theme(news_index):
    from research.models import ResearchThemePage

    live = NewsArticlePage.objects.child_of(news_index).live()
    assert live.count() >= 15
    assert set(live.values_list("article_type", flat=True)) == set(ArticleType.values)
    assert len({d.year for d in live.values_list("date", flat=True)}) >= 5
    untagged = ResearchThemePage.objects.live().exclude(news_articles__live=True)
    assert not untagged.exists(), list(untagged)
    release = live.filter(article_type=ArticleType.PRESS_RELEASE).exclude(
        press_contacts=None
    )
    assert release.exclude(notes_to_editors="").exists()
    assert Page.objects.get(slug="news").show_in_menus


@pytest.mark.django_db
def test_related_box_names_only_public_themes_in_previews_too(
    client, admin_client, theme, other_theme
):
    # Security round two, item 8: a private theme is no more "related" on an
    # article than it is anywhere else.
    PageViewRestriction.objects.create(
        page=other_theme, restriction_type=PageViewRestriction.LOGIN
    )
    article = NewsArticlePageFactory(themes=[theme, other_theme])
    published = soup(client.get(article.url))
    related = published.select_one(".article__related").get_text()
    assert theme.title in related
    assert other_theme.title not in related

    # The editor's preview holds the themes in memory, not in the database.
    preview = f"/admin/pages/{article.pk}/edit/preview/"
    form = news_article_form(article.title, slug=article.slug)
    form["themes"] = [theme.pk, other_theme.pk]
    assert admin_client.post(preview, form).json()["is_valid"]
    shown = soup(admin_client.get(preview)).get_text()
    assert theme.title in shown
    assert other_theme.title not in shown
