"""The admin looks like BHP's: its name and logo where Wagtail shows its own."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.utils import soup


def test_site_name_is_bhp():
    assert settings.WAGTAIL_SITE_NAME == "Birmingham Health Partners"


@pytest.mark.django_db
def test_login_page_carries_bhp_name_and_logo(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Sign in to Birmingham Health Partners"
    assert (
        html.title.get_text(strip=True) == "Sign in - Birmingham Health Partners admin"
    )
    logo = html.select_one(".login-logo img")
    assert "bhp-logo" in logo["src"]
    assert "Birmingham Health Partners" in html.select_one(".login-logo").get_text()
    assert "favicon" in html.select_one('link[rel="icon"]')["href"]
    assert not html.select("svg.icon-wagtail")


@pytest.mark.django_db
def test_admin_sidebar_and_tab_carry_bhp_name_and_logo(admin_client):
    html = soup(admin_client.get("/admin/"))

    assert html.title.get_text(strip=True).endswith("Birmingham Health Partners admin")
    # Wagtail's sidebar copies this template's content in place of its bird.
    template = html.select_one("template[data-wagtail-sidebar-branding-logo]")
    logo = BeautifulSoup(template.decode_contents(), "html.parser").img
    assert "bhp-logo" in logo["src"]
    assert logo["alt"] == "Birmingham Health Partners"
    assert "css/admin" in html.select_one('link[href*="css/admin"]')["href"]
