import io

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory, override_settings
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from news.models import NewsArticlePage, NewsIndexPage
from tests.security.test_production_settings import PRODUCTION_ENV
from tests.utils import generate_bench_articles, run_in_new_process

pytestmark = pytest.mark.django_db

SHOW_BENCH_TOOLS = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.core.management import get_commands; "
    "print('bhp_portal.benchtools' in settings.INSTALLED_APPS, "
    "settings.ROOT_URLCONF, 'generate_bench_content' in get_commands())"
)


def sound_tree():
    return all(problems == [] for problems in Page.find_problems())


@pytest.mark.parametrize(
    ("bench", "tools"),
    [
        ({}, ["False", "bhp_portal.urls", "False"]),
        ({"BHP_BENCH": "1"}, ["True", "bhp_portal.benchtools.urls", "True"]),
    ],
    ids=["production", "make-bench"],
)
def test_only_the_bench_installs_its_tools(bench, tools):
    result = run_in_new_process(["-c", SHOW_BENCH_TOOLS], {**PRODUCTION_ENV, **bench})
    assert result.stdout.split() == tools, result.stderr


BARE_ENVIRON = {
    "REQUEST_METHOD": "GET",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "443",
    "HTTP_HOST": "localhost",
    "wsgi.url_scheme": "https",
}


def wsgi_get(application, path):
    """Status, headers and body of a GET through `application`."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    environ = {**BARE_ENVIRON, "PATH_INFO": path, "wsgi.input": io.BytesIO()}
    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture
def connections_kept():
    """As Django's test client does: the end of a request made through WSGI
    must not close the test's database connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@override_settings(ROOT_URLCONF="bhp_portal.benchtools.urls")
def test_the_bare_view_runs_no_middleware_and_the_site_all_of_it(connections_kept):
    from bhp_portal.benchtools.wsgi import application

    status, headers, body = wsgi_get(application, "/bench/bare/")
    assert (status, body) == ("200 OK", b"ok")
    # No middleware: none of the security headers the site's middleware sets.
    assert headers.keys() == {"Content-Type"}
    status, headers, _ = wsgi_get(application, "/about/")
    assert status == "200 OK"
    assert {"Content-Security-Policy", "X-Frame-Options"} <= headers.keys()


def test_bench_content_is_a_sound_published_page_tree():
    generate_bench_articles(30)
    articles = NewsArticlePage.objects.filter(slug__startswith="bench-article-")
    assert articles.live().count() == 30
    assert sound_tree()
    article = articles.order_by("path").last()
    assert article.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert article.themes.exists()
    assert article.url == f"/news/{article.slug}/"
    home = Site.objects.get(is_default_site=True).root_page.specific
    found = home.route(RequestFactory().get(article.url), ["news", article.slug])
    assert found.page.pk == article.pk

    generate_bench_articles(30)
    generate_bench_articles(40)
    assert articles.count() == 40
    news_index = Page.objects.get(pk=article.get_parent().pk)
    assert news_index.numchild == news_index.get_children().count() >= 40


def test_bench_content_fills_an_empty_news_index():
    news_index = NewsIndexPage.objects.get()
    news_index.get_children().delete()
    generate_bench_articles(3)
    assert sound_tree()
    assert [page.slug for page in news_index.get_children()] == [
        "bench-article-1",
        "bench-article-2",
        "bench-article-3",
    ]


def test_bench_articles_are_in_the_search_index():
    generate_bench_articles(5)
    results = get_search_backend().search("Bench article 3", NewsArticlePage)
    assert "Bench article 3: " in " ".join(page.title for page in results)
