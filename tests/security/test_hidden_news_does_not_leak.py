"""Hidden news articles (draft, password, login, expired) about a live theme
and partner, dated newer than anything else, appear in no news list: the
news index, the home page's, a theme's and a partner's latest news, the news
feeds, search or the sitemap."""

import datetime

import pytest
from django.core.management import call_command

from news.factories import NewsArticlePageFactory
from partners.models import PartnerPage
from research.models import ResearchThemePage
from tests.security.test_hidden_pages_do_not_leak import HOW, hide

WORD = "narwhal"


@pytest.fixture
def hidden_articles(db):
    theme = ResearchThemePage.objects.live().first()
    partner = PartnerPage.objects.live().first()
    hidden = [
        hide(
            NewsArticlePageFactory(
                title=f"{how.title()} story {WORD}",
                summary=f"The {WORD} announcement.",
                date=datetime.date.today() + datetime.timedelta(days=1),
                themes=[theme],
                organisations=[partner.organisation],
            ),
            how,
        )
        for how in HOW
    ]
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for page in hidden:
        page.refresh_from_db()
    assert not any(p.live and not p.get_view_restrictions() for p in hidden)
    return theme, partner, hidden


@pytest.mark.django_db
def test_hidden_news_appears_in_no_list_feed_or_search(client, hidden_articles):
    theme, partner, hidden = hidden_articles
    urls = [
        "/",
        "/news/",
        theme.url,
        partner.url,
        "/news/feed/",
        f"/news/feed/{theme.slug}/",
        f"/news/?theme={theme.slug}",
        f"/search/?q={WORD}",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for page in hidden:
            assert page.title not in text, (url, page.title)
            assert page.url not in text, (url, page.url)
