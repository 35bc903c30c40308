import pytest
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def generate(articles):
    call_command(
        "generate_bench_content",
        articles=articles,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )


def test_bench_content_is_a_sound_published_page_tree():
    generate(30)
    articles = NewsArticlePage.objects.filter(slug__startswith="bench-article-")
    assert articles.live().count() == 30
    assert all(problems == [] for problems in Page.find_problems())
    article = articles.order_by("path").last()
    assert article.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert article.themes.exists()
    assert article.url == f"/news/{article.slug}/"
    home = Site.objects.get(is_default_site=True).root_page.specific
    found = home.route(RequestFactory().get(article.url), ["news", article.slug])
    assert found.page.pk == article.pk

    generate(30)
    generate(40)
    assert articles.count() == 40
    news_index = Page.objects.get(pk=article.get_parent().pk)
    assert news_index.numchild == news_index.get_children().count() >= 40


def test_bench_articles_are_in_the_search_index():
    generate(5)
    results = get_search_backend().search("Bench article 3", NewsArticlePage)
    assert "Bench article 3: " in " ".join(page.title for page in results)
