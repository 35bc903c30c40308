import datetime

import pytest

from partners.factories import OrganisationFactory
from research.factories import ResearchThemePageFactory
from research.models import ResearchIndexPage, ResearchThemePage
from tests.utils import QUERY_BUDGET, cold_query_count, soup

DEMO_THEMES = [
    "Immunology and Inflammation",
    "Cancer",
    "Clinical Trials",
    "Maternal Health",
    "Rare Diseases",
    "Health Inequalities",
    "Mental Health",
    "Patient Safety",
    "Applied Health Research",
    "Health Data Science",
    "Translational Medicine",
    "Clinical Informatics",
]


def card_titles(html):
    return [a.get_text() for a in html.select(".card__title a")]


@pytest.mark.django_db
def test_research_index_lists_every_theme_in_tree_order(client):
    response = client.get("/research/")
    assert response.status_code == 200
    html = soup(response)
    assert len(html.select("h1")) == 1
    assert card_titles(html) == DEMO_THEMES
    assert all(img["alt"] == "" for img in html.select(".card img"))


@pytest.mark.django_db
def test_editors_reorder_themes_by_moving_them(client):
    index = ResearchIndexPage.objects.get()
    cancer = ResearchThemePage.objects.get(slug="cancer")
    cancer.move(index.get_first_child(), pos="left")
    assert card_titles(soup(client.get("/research/")))[0] == "Cancer"


@pytest.mark.django_db
def test_index_hides_drafts_and_private_themes(client):
    ResearchThemePageFactory(title="Draft theme", live=False)
    assert "Draft theme" not in card_titles(soup(client.get("/research/")))


@pytest.mark.django_db
def test_every_demo_theme_links_to_a_partner(client):
    for theme in ResearchThemePage.objects.live():
        html = soup(client.get(theme.url))
        links = html.select('section[aria-labelledby="partners-heading"] a')
        assert links, theme.title
        assert any(a["href"].startswith("/partners/") for a in links), theme.title


@pytest.mark.django_db
def test_theme_shows_its_facts_units_and_related_themes(client):
    html = soup(client.get("/research/rare-diseases/"))
    assert html.h1.get_text() == "Rare Diseases"
    figures = [p.get_text(" ", strip=True) for p in html.select(".key-fact__figure")]
    assert "1 in 17" in figures
    assert all(
        s.get_text().startswith("Source:") for s in html.select(".key-fact__source")
    )
    units = [h.get_text(strip=True) for h in html.select(".unit__name")]
    assert "West Midlands Regional Genetics Service" in units
    partners = html.select_one('section[aria-labelledby="partners-heading"]')
    assert "Birmingham Women's Hospital" in partners.get_text()
    related = html.select_one('section[aria-labelledby="related-heading"]')
    assert card_titles(related) == ["Cancer", "Maternal Health"]


@pytest.mark.django_db
def test_theme_shows_its_latest_live_news_newest_first(client, make_news_article):
    theme = ResearchThemePage.objects.get(slug="mental-health")
    other = ResearchThemePage.objects.get(slug="cancer")
    day = datetime.date(2026, 1, 1)
    for n in range(4):
        make_news_article(f"Mind story {n}", day + datetime.timedelta(days=n), [theme])
    make_news_article(
        "Unpublished story", day + datetime.timedelta(days=9), [theme], live=False
    )
    make_news_article("Cancer story", day + datetime.timedelta(days=9), [other])

    html = soup(client.get(theme.url))
    news = html.select_one('section[aria-labelledby="news-heading"]')
    assert card_titles(news) == ["Mind story 3", "Mind story 2", "Mind story 1"]
    assert news.select_one(".card__meta").get_text() == "4 January 2026"


@pytest.mark.django_db
def test_theme_queries_do_not_grow_with_partners_news_or_related(
    client, make_news_article
):
    def theme_with(n, slug):
        theme = ResearchThemePageFactory(
            slug=slug,
            partner_links=ResearchThemePageFactory.partners_for(
                OrganisationFactory() for _ in range(n)
            ),
        )
        for i in range(n):
            make_news_article(f"{slug} {i}", datetime.date(2026, 2, 1), [theme])
        return theme

    small = theme_with(2, "small")
    large = theme_with(20, "large")
    count = cold_query_count(client, small.url)
    assert count <= QUERY_BUDGET
    assert cold_query_count(client, large.url) == count


@pytest.mark.django_db
def test_index_queries_do_not_grow_with_themes(client):
    before = cold_query_count(client, "/research/")
    assert before <= QUERY_BUDGET
    for _ in range(10):
        ResearchThemePageFactory()
    assert cold_query_count(client, "/research/") == before


@pytest.mark.django_db
def test_theme_names_its_lead_contact(client):
    html = soup(client.get("/research/health-data-science/"))
    contacts = html.select_one('section[aria-labelledby="contacts-heading"]')
    assert "Professor Simon Ball" in contacts.select_one(".contact__name").get_text()
    units = html.select_one('section[aria-labelledby="units-heading"]')
    assert (
        units.select_one('a[href="/hdr-uk/midlands/"]').get_text() == "HDR UK Midlands"
    )
