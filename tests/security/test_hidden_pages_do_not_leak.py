"""Drafts, private pages (password or login) and expired pages leak through
nothing the public can reach: every live page (menus, listings and related
content lists), search, the sitemap, feeds and the API are crawled for them."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.factories import NewsArticlePageFactory
from partners.models import Organisation
from research.factories import ResearchThemePageFactory
from research.models import (
    ResearchIndexPage,
    ResearchThemePage,
    ResearchThemeRelatedTheme,
)

WORD = "okapi"


def hide(page, how):
    """Publish the page, then hide it the given way."""
    page.save_revision().publish()
    if how == "draft":
        page.unpublish()
    elif how in ("password", "login"):
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD
            if how == "password"
            else PageViewRestriction.LOGIN,
            password="partners-only-2026" if how == "password" else "",
        )
    elif how == "expired":
        page.expire_at = timezone.now() - timedelta(minutes=1)
        page.save_revision().publish()
    return page


HOW = ["draft", "password", "login", "expired"]


@pytest.fixture
def hidden_pages(db):
    """A hidden research theme of each kind, each wired into every list that
    could show it: the menu, a live theme's related themes, a partner's
    themes, a live news article's "Related" box."""
    organisation = Organisation.objects.filter(theme_links__isnull=False).first()
    live_theme = ResearchThemePage.objects.live().public().first()
    hidden = []
    for how in HOW:
        theme = ResearchThemePageFactory(
            parent=ResearchIndexPage.objects.get(),
            title=f"{how.title()} theme {WORD}",
            summary=f"The {WORD} programme.",
            show_in_menus=True,
            partner_links=ResearchThemePageFactory.partners_for([organisation]),
        )
        hidden.append(hide(theme, how))
        ResearchThemeRelatedTheme.objects.create(page=live_theme, theme=theme)
    NewsArticlePageFactory(title="News on hidden themes", themes=hidden)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for page in hidden:
        page.refresh_from_db()
    assert not any(p.live and not p.get_view_restrictions() for p in hidden)
    return hidden


def public_urls():
    """Everything an anonymous visitor or crawler can fetch."""
    pages = [p.url for p in Page.objects.live().public().filter(depth__gt=1)]
    return [
        *pages,
        f"/search/?q={WORD}",
        "/sitemap.xml",
        "/robots.txt",
        *OPTIONAL_URLS,
    ]


# Surfaces added by other parts of the site; crawled when they exist.
OPTIONAL_URLS = [
    "/news/feed/",
    "/news/rss/",
    "/feeds/news/",
    f"/api/v2/pages/?search={WORD}",
    "/api/v2/pages/?type=research.ResearchThemePage&fields=title",
    "/api/v2/pages/?limit=100",
]


@pytest.mark.django_db
def test_hidden_pages_appear_on_no_public_surface(client, hidden_pages):
    crawled = 0
    for url in public_urls():
        response = client.get(url, follow=True)
        if response.status_code == 404 and url in OPTIONAL_URLS:
            continue
        assert response.status_code == 200, url
        crawled += 1
        body = b"".join(response) if response.streaming else response.content
        text = body.decode()
        for page in hidden_pages:
            assert page.title not in text, (url, page.title)
            assert f'"{page.url}"' not in text, (url, page.url)
            assert f">{page.full_url}<" not in text, (url, page.full_url)
    assert crawled > 20


@pytest.mark.django_db
@pytest.mark.parametrize("how", HOW)
def test_hidden_page_itself_is_not_served(client, hidden_pages, how):
    page = hidden_pages[HOW.index(how)]
    response = client.get(page.url)
    assert response.status_code in (200, 302, 404)
    # The password form may carry the page's own address back, nothing else.
    text = response.content.decode()
    assert page.title not in text
    assert f"The {WORD} programme." not in text
