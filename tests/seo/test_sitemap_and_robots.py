import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("s:url", SITEMAP_NS)
    }


@pytest.mark.django_db
def test_sitemap_lists_every_live_public_page_with_lastmod(client):
    entries = sitemap_entries(client)
    expected = {
        page.full_url: page.last_published_at.date().isoformat()
        for page in Page.objects.live().public().filter(depth__gt=1)
    }
    assert entries == expected
    assert "http://localhost/about/" in entries


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
