"""The shared page cache: who gets cached pages, which responses are kept,
and how every kind of public change retires them at once."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.views.decorators.cache import never_cache
from wagtail.models import Page, PageViewRestriction, Site

from bhp_portal.core.cache import get_generation
from bhp_portal.core.factories import StandardPageFactory
from bhp_portal.core.middleware import FloodGuardMiddleware, PageCacheMiddleware
from bhp_portal.core.models import (
    ContactFormPage,
    HomePage,
    HomePageFeaturedPage,
    SiteSettings,
)
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from news.models.pages import ARTICLES_PER_PAGE
from partners.factories import HDRUKSitePageFactory, PartnerPageFactory
from research.factories import (
    PersonPageFactory,
    ResearchThemePageFactory,
    StudyPageFactory,
)
from tests.utils import PROXY_HEADERS, QUERY_BUDGET, ProxyClient, soup

pytestmark = pytest.mark.django_db


def x_cache(response):
    return response.headers.get("X-Cache")


def title_of(response):
    return soup(response).h1.get_text(strip=True)


@pytest.fixture
def about(home_page):
    """A published page of the test's own, at /about-us/."""
    page = StandardPageFactory(title="About us", slug="about-us")
    page.save_revision().publish()
    return page


@pytest.fixture
def notice(home_page):
    page = StandardPageFactory(title="Notice", slug="notice")
    page.save_revision().publish()
    return page


# --- Who is served from the cache ----------------------------------------


def test_anonymous_visitors_get_the_stored_copy_on_the_second_view(client, about):
    first = client.get("/about-us/")
    second = client.get("/about-us/")
    assert (x_cache(first), x_cache(second)) == ("MISS", "HIT")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_head_requests_are_answered_from_the_cache(client, about):
    client.get("/about-us/")
    assert x_cache(client.head("/about-us/")) == "HIT"


def test_signed_in_users_never_get_the_anonymous_copy(client, admin_client, about):
    client.get("/about-us/")
    assert x_cache(client.get("/about-us/")) == "HIT"
    response = admin_client.get("/about-us/")
    assert response.status_code == 200
    assert x_cache(response) is None
    # Editors get the Wagtail user bar, which anonymous pages never show.
    assert soup(response).find("wagtail-userbar") is not None


def test_signed_in_users_pages_are_never_stored(client, admin_client, about):
    admin_client.get("/about-us/")
    admin_client.get("/about-us/")
    response = client.get("/about-us/")
    assert x_cache(response) == "MISS"
    assert soup(response).find("wagtail-userbar") is None


def test_a_session_cookie_alone_bypasses_the_cache(client, about):
    client.get("/about-us/")
    client.cookies["sessionid"] = "not-even-a-valid-session"
    assert x_cache(client.get("/about-us/")) is None


def test_the_admin_is_never_cached(admin_client):
    admin_client.get("/admin/")
    assert x_cache(admin_client.get("/admin/")) is None
    anonymous = ProxyClient()
    assert anonymous.get("/admin/").status_code == 302
    assert x_cache(anonymous.get("/admin/login/")) is None


def test_previews_show_the_draft_even_when_the_live_page_is_cached(client, about):
    # The preview's made-up request uses the site's own host name.
    site_host = {"host": about.get_site().hostname}
    client.get("/about-us/", headers=site_host)
    assert x_cache(client.get("/about-us/", headers=site_host)) == "HIT"
    about.title = "About us (draft)"
    # An original request without cookies: only the preview flag stands
    # between the draft and the cached live copy.
    editor_request = RequestFactory().get("/", headers=PROXY_HEADERS)
    draft = about.make_preview_request(editor_request)
    assert "About us (draft)" in draft.content.decode()
    assert x_cache(draft) is None
    assert title_of(client.get("/about-us/", headers=site_host)) == "About us"


# --- What is stored ------------------------------------------------------


def test_each_query_string_the_page_reads_is_its_own_entry(client):
    # tests/performance/test_page_cache_keys.py: parameters a page does not
    # read share the plain page's entry.
    assert x_cache(client.get("/news/")) == "MISS"
    assert x_cache(client.get("/news/?page=2")) == "MISS"
    assert x_cache(client.get("/news/?page=2")) == "HIT"
    assert x_cache(client.get("/news/?page=3")) == "MISS"


def test_query_parameters_in_another_order_share_the_entry(client):
    client.get("/news/")
    client.get("/news/?theme=cancer&page=2")
    assert x_cache(client.get("/news/?page=2&theme=cancer")) == "HIT"


def test_each_host_is_its_own_entry(client, about):
    client.get("/about-us/", headers={"host": "localhost"})
    assert x_cache(client.get("/about-us/", headers={"host": "127.0.0.1"})) == "MISS"


def test_errors_and_redirects_are_not_stored(client, about):
    client.get("/no-such-page/")
    assert x_cache(client.get("/no-such-page/")) is None
    assert client.get("/about-us").status_code == 301
    assert x_cache(client.get("/about-us")) is None


def test_password_protected_pages_are_not_stored(client, about):
    client.get("/about-us/")
    PageViewRestriction.objects.create(
        page=about,
        restriction_type=PageViewRestriction.PASSWORD,
        password=make_password("letmein-please"),
    )
    # The restriction retires the public copy; the password form has a CSRF
    # token, so it is rendered afresh every time.
    for _ in range(2):
        response = client.get("/about-us/")
        assert x_cache(response) is None
        assert soup(response).find("input", {"name": "csrfmiddlewaretoken"})
        assert "About us" not in title_of(response)


def run_through_cache(view, path="/form/"):
    middleware = PageCacheMiddleware(CsrfViewMiddleware(view))
    request = RequestFactory().get(path, headers={"host": "localhost"})
    return middleware(request)


def test_responses_with_a_csrf_token_are_not_stored():
    def form_view(request):
        return HttpResponse(f'<input name="csrf" value="{get_token(request)}">')

    first = run_through_cache(form_view)
    assert "csrftoken" in first.cookies
    assert x_cache(first) is None
    assert x_cache(run_through_cache(form_view)) is None


def test_responses_marked_never_cache_are_not_stored():
    view = never_cache(lambda request: HttpResponse("live status"))
    run_through_cache(view, "/status/")
    assert x_cache(run_through_cache(view, "/status/")) is None


def test_responses_carrying_a_csp_nonce_are_not_stored():
    def view(request):
        # What django-csp's middleware leaves once a template used the nonce.
        request._csp_nonce = "per-request-nonce"
        return HttpResponse("<script nonce='per-request-nonce'></script>")

    run_through_cache(view, "/nonce/")
    assert x_cache(run_through_cache(view, "/nonce/")) is None


@override_settings(FRONTEND_CACHE_SECONDS=120)
def test_a_cdn_may_keep_cacheable_pages_when_one_is_configured(client, about):
    assert "s-maxage=120" in client.get("/about-us/")["Cache-Control"]
    assert "s-maxage=120" in client.get("/about-us/")["Cache-Control"]


def test_without_a_cdn_pages_carry_no_shared_cache_lifetime(client, about):
    assert "s-maxage" not in client.get("/about-us/").get("Cache-Control", "")


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_turned_off(client, about):
    client.get("/about-us/")
    assert x_cache(client.get("/about-us/")) is None


# --- Invalidation --------------------------------------------------------


def test_publishing_shows_the_new_version_at_once(client, about):
    client.get("/about-us/")
    client.get("/")
    about.title = "About Birmingham Health Partners"
    about.save_revision().publish()
    response = client.get("/about-us/")
    assert x_cache(response) == "MISS"
    assert title_of(response) == "About Birmingham Health Partners"


def test_publishing_a_page_refreshes_other_pages_that_list_it(client, home_page, about):
    client.get("/about-us/")
    page = StandardPageFactory(parent=home_page, title="Careers", live=False)
    page.show_in_menus = True
    page.save_revision().publish()
    menu = soup(client.get("/about-us/")).select('nav[aria-label="Main"] a')
    assert "Careers" in [a.get_text() for a in menu]


def test_saving_a_draft_keeps_the_cached_pages(client, about):
    client.get("/about-us/")
    generation = get_generation()
    about.title = "Not published yet"
    about.save_revision()
    assert get_generation() == generation
    response = client.get("/about-us/")
    assert x_cache(response) == "HIT"
    assert title_of(response) == "About us"


def test_unpublishing_removes_the_page_at_once(client, about):
    assert client.get("/about-us/").status_code == 200
    about.unpublish()
    assert client.get("/about-us/").status_code == 404


def test_deleting_removes_the_page_at_once(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="short-lived")
    page.save_revision().publish()
    assert client.get("/short-lived/").status_code == 200
    Page.objects.get(pk=page.pk).delete()
    assert client.get("/short-lived/").status_code == 404


def test_moving_serves_the_page_at_its_new_address_at_once(client, about, notice):
    assert client.get("/notice/").status_code == 200
    notice.move(about, pos="last-child")
    # Wagtail's automatic redirect now answers the old address.
    old_address = client.get("/notice/")
    assert (old_address.status_code, old_address["Location"]) == (
        301,
        "/about-us/notice/",
    )
    assert client.get("/about-us/notice/").status_code == 200


def test_editing_a_snippet_shows_on_pages_at_once(client):
    fact = HomePage.objects.get().key_facts.first().key_fact
    client.get("/")
    fact.label = "patients reached by trials this year"
    fact.save()
    assert "patients reached by trials this year" in client.get("/").content.decode()


def test_editing_site_settings_shows_in_the_footer_at_once(client, about):
    client.get("/about-us/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "hello@bhp.example"
    settings.save()
    footer = soup(client.get("/about-us/")).find("footer")
    assert "hello@bhp.example" in footer.get_text()


def test_the_footer_fragment_is_reused_and_refreshed_for_editors(
    admin_client, django_assert_max_num_queries, about, notice
):
    admin_client.get("/about-us/")
    # An editor's page is never the cached copy, yet stays within the budget
    # of a cold public render.
    with django_assert_max_num_queries(QUERY_BUDGET) as cold:
        admin_client.get("/notice/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "0121 000 0000"
    settings.save()
    response = admin_client.get("/notice/")
    assert "0121 000 0000" in soup(response).find("footer").get_text()
    assert not any("core_sitesettings" in q["sql"] for q in cold.captured_queries)


def test_home_page_edits_reach_the_public_at_once(client):
    client.get("/")
    home = HomePage.objects.get()
    home.hero_heading = "Research that reaches every patient"
    home.save_revision().publish()
    assert "Research that reaches every patient" in client.get("/").content.decode()


# --- Fragments -------------------------------------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return " ".join(query["sql"] for query in captured.captured_queries)


@override_settings(PAGE_CACHE_SECONDS=0)
@pytest.mark.parametrize("listing", ["home", "theme", "news index"])
def test_listing_sections_are_kept_until_the_next_publish(client, listing):
    theme = ResearchThemePageFactory()
    url = {"home": "/", "theme": theme.url, "news index": "/news/"}[listing]
    queries_for(client, url)
    # Kept: the page lists news without asking the database for it.
    assert "news_newsarticlepage" not in queries_for(client, url)
    newest = NewsArticlePage.objects.order_by("-date").first().date
    article = NewsArticlePageFactory(
        date=newest + datetime.timedelta(days=1),
        title="A new screening study opens",
        themes=[theme],
        live=False,
    )
    article.save_revision().publish()
    assert "A new screening study opens" in client.get(url).content.decode()


def _kept_search(client):
    article = NewsArticlePageFactory(title="Quokka survey")
    # Kept per result, not per search: another search showing it reuses it.
    return article, "/search/?q=quokka", "/search/?q=quokka+survey"


def _kept_people(client):
    person = PersonPageFactory(title="Ada Quokka")
    return person, "/people/", "/people/"


def _kept_study(client):
    study = StudyPageFactory(title="Quokka study", sponsor="A sponsor")
    return study, study.url, study.url


def _kept_person(client):
    person = PersonPageFactory(title="Grace Quokka")
    return person, person.url, person.url


def _kept_partner(client):
    partner = PartnerPageFactory(title="Quokka Health Trust")
    return partner, partner.url, partner.url


def _kept_contact_form(client):
    page = ContactFormPage.objects.get()
    page.title = "Quokka enquiries"
    page.save_revision().publish()
    return page, page.url, page.url


def _kept_hdruk_site(client):
    site = HDRUKSitePageFactory(region="Quokka")
    return site, site.url, site.url


@override_settings(PAGE_CACHE_SECONDS=0)
@pytest.mark.parametrize(
    "make, table",
    [
        (_kept_search, "news_newsarticlepage"),
        (_kept_people, "research_personpage"),
        (_kept_study, "research_condition"),
        (_kept_person, "research_personrole"),
        (_kept_partner, "partners_organisation"),
        (_kept_hdruk_site, "partners_hdruksitemember"),
        (_kept_contact_form, "core_contactformfield"),
    ],
    ids=[
        "search results",
        "people directory",
        "study",
        "person",
        "partner",
        "HDR UK site",
        "contact form's fields",
    ],
)
def test_more_sections_are_kept_until_the_next_publish(client, make, table):
    page, first_url, second_url = make(client)
    assert "Quokka" in client.get(first_url).content.decode()
    assert table not in queries_for(client, second_url)
    page.title = "Quokka renamed"
    page.save_revision().publish()
    assert "Quokka renamed" in client.get(first_url).content.decode()


def pagination_links(client, url):
    return [a["href"] for a in soup(client.get(url)).select("nav.pagination a")]


@override_settings(PAGE_CACHE_SECONDS=0)
def test_a_news_lists_links_carry_its_filters_alone(client):
    # More than two pages of news, so the links below exist. A tracking
    # parameter is left out of them, as the page cache leaves it out of the
    # request on every visit after the first.
    NewsArticlePageFactory.create_batch(2 * ARTICLES_PER_PAGE + 1)
    tracked = pagination_links(client, "/news/?page=2&utm_source=newsletter&year=")
    assert tracked == pagination_links(client, "/news/?page=2")
    assert tracked and not any("utm_source" in link for link in tracked)


def test_a_preview_shows_the_drafts_featured_pages_not_the_kept_ones(client, about):
    client.get("/")
    home = HomePage.objects.get()
    home.featured_pages = [HomePageFeaturedPage(featured=about)]
    editor_request = RequestFactory().get("/", headers=PROXY_HEADERS)
    draft = soup(home.make_preview_request(editor_request))
    featured = draft.find(id="featured-heading").find_parent("section")
    assert [a.get_text() for a in featured.select(".card__title a")] == ["About us"]
    public = soup(client.get("/")).find(id="featured-heading").find_parent("section")
    assert "About us" not in public.get_text()


def test_a_hit_runs_no_other_middleware_and_a_cached_search_is_counted(client):
    """A hit is answered before the security, session and flood-guard
    middleware; a search still passes the flood guard first."""
    client.get("/about/")
    client.get("/search/?q=cancer")
    with (
        mock.patch.object(
            SecurityMiddleware, "process_request", autospec=True, return_value=None
        ) as security,
        mock.patch.object(
            FloodGuardMiddleware,
            "__call__",
            autospec=True,
            side_effect=lambda guard, request: guard.get_response(request),
        ) as flood_guard,
    ):
        assert client.get("/about/")["X-Cache"] == "HIT"
        assert (security.call_count, flood_guard.call_count) == (0, 0)
        assert client.get("/search/?q=cancer")["X-Cache"] == "HIT"
        assert (security.call_count, flood_guard.call_count) == (1, 1)


@override_settings(PAGE_CACHE_SECONDS=0)
@pytest.mark.parametrize("url", ["/people/", "/take-part/"])
def test_kept_filters_show_each_search_its_own_words(client, url):
    PersonPageFactory()
    StudyPageFactory()
    for word in ("quokka", "wombat", "quokka"):
        field = soup(client.get(f"{url}?q={word}")).select_one("form.filters #id_q")
        assert field["value"] == word
