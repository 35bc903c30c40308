"""The finder at /take-part/: a GET form of filters and keywords, recruiting
studies by default, results that say how many match and what to do next,
and a cost that does not grow with the number of studies."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from bhp_portal.core.models import HomePage
from partners.factories import OrganisationFactory
from research.factories import (
    ConditionFactory,
    ResearchThemePageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
)
from research.models import StudyIndexPage, StudyPage, StudyStatus
from tests.utils import QUERY_BUDGET, cold_query_count, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    index = StudyIndexPageFactory()
    # Only this test's studies: the demo's would be counted too.
    StudyPage.objects.child_of(index).update(live=False)
    return index


def titles(response):
    return [a.get_text() for a in soup(response).select("main .card__title a")]


def count_line(response):
    return soup(response).select_one("#results-heading").get_text(" ", strip=True)


def test_tree_rules():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(StudyIndexPage, {HomePage})
    case.assertAllowedSubpageTypes(StudyIndexPage, {StudyPage})
    case.assertAllowedParentPageTypes(StudyPage, {StudyIndexPage})
    assert StudyIndexPage.max_count_per_parent == 1


def test_recruiting_studies_are_shown_by_default(client, index):
    StudyPageFactory(parent=index, title="Open study")
    StudyPageFactory(parent=index, title="Closed study", status=StudyStatus.CLOSED)
    StudyPageFactory(
        parent=index, title="Soon study", status=StudyStatus.NOT_YET_RECRUITING
    )
    response = client.get(index.url)
    assert titles(response) == ["Open study"]
    assert count_line(response) == "1 study matches among those recruiting now"
    assert "register your interest" in soup(response).select_one("main").get_text()

    everything = client.get(f"{index.url}?status=all")
    assert titles(everything) == ["Closed study", "Open study", "Soon study"]
    assert count_line(everything) == "3 studies match"
    soon = client.get(f"{index.url}?status=not_yet_recruiting")
    assert titles(soon) == ["Soon study"]


def test_the_form_is_a_get_form_that_works_without_javascript(client, index):
    html = soup(client.get(index.url))
    form = html.select_one("main form.filters")
    assert form["method"] == "get"
    names = {control["name"] for control in form.select("input, select")}
    assert names == {"q", "condition", "theme", "age", "hospital", "healthy", "status"}
    for control in form.select("input, select"):
        assert form.select_one(f'label[for="{control["id"]}"]')
    assert not html.select("main script")


def test_a_keyword_finds_a_study_by_a_conditions_synonym(client, index):
    loss = ConditionFactory(name="Pregnancy loss", synonyms="miscarriage\nearly loss")
    StudyPageFactory(parent=index, title="Care after a loss", conditions=[loss])
    StudyPageFactory(parent=index, title="A heart study")
    response = client.get(f"{index.url}?q=Miscarriage")
    assert titles(response) == ["Care after a loss"]
    assert titles(client.get(f"{index.url}?q=heart+study")) == ["A heart study"]
    assert titles(client.get(f"{index.url}?q=nothing+like+it")) == []


def test_filters_by_condition_theme_hospital_age_and_healthy_volunteers(client, index):
    lupus = ConditionFactory(name="Lupus")
    theme = ResearchThemePageFactory(title="Immunology")
    qe = OrganisationFactory(name="Queen Elizabeth Hospital Birmingham")
    StudyPageFactory(
        parent=index,
        title="Lupus adults",
        conditions=[lupus],
        themes=[theme],
        sites=[qe],
        minimum_age=18,
        healthy_volunteers=True,
    )
    StudyPageFactory(parent=index, title="Children only", maximum_age=17)
    StudyPageFactory(parent=index, title="Over 65s", minimum_age=65)

    def found(query):
        return titles(client.get(f"{index.url}?{query}"))

    assert found(f"condition={lupus.slug}") == ["Lupus adults"]
    assert found(f"theme={theme.slug}") == ["Lupus adults"]
    assert found(f"hospital={qe.slug}") == ["Lupus adults"]
    assert found("healthy=yes") == ["Lupus adults"]
    assert found("age=children") == ["Children only"]
    assert found("age=adults") == ["Lupus adults"]
    assert found("age=older") == ["Lupus adults", "Over 65s"]
    # The filtered address can be shared: the form shows what was chosen.
    html = soup(client.get(f"{index.url}?condition={lupus.slug}&age=adults"))
    assert html.select_one('select[name="condition"] option[selected]')["value"] == (
        lupus.slug
    )
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_nothing_matching_says_what_to_try_next(client, index):
    StudyPageFactory(parent=index, title="Open study")
    response = client.get(f"{index.url}?q=zebra")
    assert count_line(response) == "No studies match among those recruiting now"
    text = soup(response).select_one("main section").get_text(" ", strip=True)
    assert "Try fewer filters" in text
    links = [a["href"] for a in soup(response).select("main section a")]
    assert "?q=zebra&status=all" in links


@pytest.mark.parametrize(
    "query", ["condition=no-such-thing", "age=ancient", "status=lost", "healthy=no"]
)
def test_a_filter_naming_nothing_is_a_404_with_the_error_shown(client, index, query):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 404
    assert soup(response).select_one(".error-summary")


def test_a_page_number_that_is_not_a_number_is_a_404(client, index):
    assert client.get(f"{index.url}?page=two").status_code == 404


def test_the_finders_cost_does_not_grow_with_the_number_of_studies(client, index):
    condition = ConditionFactory(name="Asthma")
    theme = ResearchThemePageFactory(title="Breathing")
    StudyPageFactory.create_batch(
        2, parent=index, conditions=[condition], themes=[theme]
    )
    url = f"{index.url}?theme={theme.slug}&age=adults"
    few = cold_query_count(client, url)
    StudyPageFactory.create_batch(
        10, parent=index, conditions=[condition], themes=[theme]
    )
    assert cold_query_count(client, url) == few <= QUERY_BUDGET


def test_a_theme_lists_its_recruiting_studies(client, index):
    theme = ResearchThemePageFactory(title="Maternity care research")
    StudyPageFactory(parent=index, title="Open maternal study", themes=[theme])
    StudyPageFactory(
        parent=index,
        title="Finished maternal study",
        themes=[theme],
        status=StudyStatus.COMPLETED,
    )
    html = soup(client.get(theme.url))
    section = html.select_one("#studies-heading").parent
    assert [a.get_text() for a in section.select("a")] == ["Open maternal study"]


def test_a_partner_lists_the_studies_recruiting_with_it(client, index):
    from partners.factories import PartnerPageFactory

    partner = PartnerPageFactory()
    StudyPageFactory(parent=index, title="Run by them", partners=[partner.organisation])
    StudyPageFactory(parent=index, title="Hosted there", sites=[partner.organisation])
    StudyPageFactory(parent=index, title="Elsewhere")
    html = soup(client.get(partner.url))
    section = html.select_one("#studies-heading").parent
    assert [a.get_text() for a in section.select("a")] == [
        "Hosted there",
        "Run by them",
    ]
