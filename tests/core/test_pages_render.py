import pytest

from tests.utils import soup

STANDARD_PAGES = [
    ("/about/", "About BHP"),
    ("/about/governance/", "Governance"),
    ("/institute-of-translational-medicine/", "Institute of Translational Medicine"),
    ("/accessibility/", "Accessibility statement"),
    ("/privacy/", "Privacy notice"),
    ("/contact/", "Contact us"),
]


def assert_site_shell(html):
    assert html.html["lang"] == "en-GB"
    skip = html.select_one("a.skip-link")
    assert skip["href"] == "#main-content"
    assert html.select_one("main#main-content")
    nav = html.select_one('nav[aria-label="Main"]')
    assert [a.get_text() for a in nav.select("a")][:3] == [
        "About BHP",
        "Institute of Translational Medicine",
        "Contact us",
    ]
    footer = html.select_one("footer")
    assert "Edgbaston" in footer.get_text()
    assert footer.select_one('a[href="mailto:enquiries@bhp.example"]')
    assert "Accessibility statement" in footer.get_text()
    assert len(html.select("h1")) == 1


@pytest.mark.django_db
def test_home_page_names_bhp_and_shows_its_key_facts(client):
    response = client.get("/")
    assert response.status_code == 200
    html = soup(response)
    assert_site_shell(html)
    assert "Birmingham Health Partners" in html.title.get_text()
    assert html.h1.get_text() == "Turning Birmingham's research into better care"
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert figures == ["5.5 million", "800,000", "1,400", "100 beds"]
    assert html.select_one(".key-fact__source").get_text().startswith("Source:")
    assert not html.select('nav[aria-label="Breadcrumb"]')


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "title"), STANDARD_PAGES)
def test_standard_pages_render_in_the_site_shell(client, path, title):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    assert_site_shell(html)
    assert html.h1.get_text() == title
    crumbs = html.select('nav[aria-label="Breadcrumb"] a')
    assert crumbs[0].get_text() == "Home"
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[-1].get_text() == title


@pytest.mark.django_db
def test_menu_marks_the_current_section(client):
    html = soup(client.get("/about/governance/"))
    current = html.select_one('nav[aria-label="Main"] a[aria-current]')
    assert current.get_text() == "About BHP"
    assert current["aria-current"] == "true"


@pytest.mark.django_db
def test_responsive_hero_image_offers_webp(client):
    html = soup(client.get("/"))
    sources = html.select(".hero picture source")
    assert any(s["type"] == "image/webp" for s in sources)
    img = html.select_one(".hero picture img")
    assert img["width"] and img["height"]


@pytest.mark.django_db
def test_page_titles_name_the_site_once(client):
    assert soup(client.get("/")).title.get_text() == "Birmingham Health Partners"
    assert (
        soup(client.get("/about/")).title.get_text()
        == "About BHP | Birmingham Health Partners"
    )
