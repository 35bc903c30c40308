"""What search engines and social networks read on every public page."""

import json
from urllib.parse import urlparse

import pytest
from wagtail.models import Page

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.models import SiteSettings
from partners.factories import OrganisationFactory, PartnerPageFactory
from partners.models import PartnerPage
from research.factories import ResearchThemePageFactory
from tests.seo.test_sitemap_and_robots import sitemap_entries
from tests.utils import soup

pytestmark = pytest.mark.django_db


def meta(html, name):
    tag = html.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag["content"] if tag else None


def json_ld(html, kind):
    scripts = html.select('script[type="application/ld+json"]')
    found = [json.loads(script.string) for script in scripts]
    return [data for data in found if data["@type"] == kind]


def test_every_page_in_the_sitemap_has_description_canonical_and_sharing_tags(
    client,
):
    urls = sitemap_entries(client)
    pages = {page.full_url: page for page in Page.objects.live().specific()}
    assert len(urls) > 40
    for url in urls:
        response = client.get(urlparse(url).path)
        assert response.status_code == 200, url
        html = soup(response)
        page = pages[url]
        title = html.title.get_text()
        assert title.endswith("Birmingham Health Partners"), url
        assert meta(html, "description"), url
        assert html.select_one('link[rel="canonical"]')["href"] == url
        assert meta(html, "og:url") == url
        assert meta(html, "og:title") == (page.seo_title or page.title)
        assert meta(html, "og:description") == meta(html, "description")
        assert meta(html, "og:image").startswith("http://localhost/media/"), url
        assert meta(html, "og:image").endswith(".jpg"), url
        assert meta(html, "twitter:card") == "summary_large_image"


def test_the_description_is_the_search_description_else_the_summary(client):
    page = StandardPageFactory(summary="Who we are.")
    html = soup(client.get(page.url))
    assert meta(html, "description") == "Who we are."

    page.search_description = "BHP: who we are & what we do"
    page.save_revision().publish()
    html = soup(client.get(page.url))
    assert meta(html, "description") == "BHP: who we are & what we do"
    assert 'content="BHP: who we are &amp; what we do"' in html.decode()


def test_a_page_with_no_image_is_shared_with_the_sites_default_image(client):
    page = StandardPageFactory()
    assert page.get_social_image() is None
    site_settings = SiteSettings.objects.get()
    site_settings.default_social_image = ImageFactory(description="Our campus.")
    site_settings.save()
    html = soup(client.get(page.url))
    assert meta(html, "og:image:alt") == "Our campus."

    site_settings.default_social_image = None
    site_settings.save()  # as the admin does: pages showing it are refreshed
    html = soup(client.get(page.url))
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"


def test_breadcrumb_json_ld_follows_the_visible_trail(client):
    theme = ResearchThemePageFactory(slug="ageing")
    html = soup(client.get(theme.url))
    (trail,) = json_ld(html, "BreadcrumbList")
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["item"] for item in items] == [
        "http://localhost/",
        "http://localhost/research/",
        "http://localhost/research/ageing/",
    ]
    visible = [a.get_text() for a in html.select("nav.breadcrumbs a")]
    assert [item["name"] for item in items] == visible


def test_the_home_page_has_no_breadcrumbs_but_describes_the_alliance(client):
    PartnerPageFactory(
        organisation=OrganisationFactory(name="Founding Trust of Testshire"),
        role=PartnerPage.Role.FOUNDING,
    )
    PartnerPageFactory()  # not a founding member
    html = soup(client.get("/"))
    assert json_ld(html, "BreadcrumbList") == []
    (alliance,) = json_ld(html, "Organization")
    assert alliance["name"] == "Birmingham Health Partners"
    assert alliance["url"] == "http://localhost/"
    founding = PartnerPage.objects.live().filter(role=PartnerPage.Role.FOUNDING)
    assert [member["name"] for member in alliance["member"]] == [
        page.organisation.name for page in founding.order_by("path")
    ]
    assert alliance["member"][-1]["name"] == "Founding Trust of Testshire"


def test_news_articles_are_shared_as_articles_and_other_pages_as_websites(client):
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.live().first()
    html = soup(client.get(article.url))
    assert meta(html, "og:type") == "article"
    assert meta(html, "article:published_time") == article.date.isoformat()
    assert meta(soup(client.get("/research/")), "og:type") == "website"


def test_pages_outside_the_tree_have_no_canonical_address(client):
    html = soup(client.get("/search/?q=cancer"))
    assert html.select_one('link[rel="canonical"]') is None
    assert meta(html, "robots") == "noindex, follow"
