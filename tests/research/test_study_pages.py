"""A study's page: who can take part, registry links, JSON-LD, the reading
age check, and the register-interest form (stored, emailed through the task
queue, rate-limited, and readable only by the study's team)."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from research.content_checks import READING_AGE_RULE, StudyContentChecker
from research.factories import ConditionFactory, StudyPageFactory
from research.interest import INTEREST_LIMIT
from research.models import InterestRegistration, StudyPage, StudyStatus, StudyType
from research.readability import reading_age
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db

VALID = {"name": "Sam Visitor", "contact": "sam@example.org", "consent": "on"}


@pytest.fixture
def team(db):
    group = Group.objects.create(name="Study team: lupus")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@pytest.fixture
def study(team):
    return StudyPageFactory(
        title="A lupus diary study",
        team_group=team,
        team_email="lupus-team@bhp.example",
        conditions=[ConditionFactory(name="Chilblain lupus", synonyms="perniosis")],
        interest_consent="I agree the lupus team may contact me.",
        interest_next_steps="The team will call you within two weeks.",
    )


def json_ld(response):
    scripts = soup(response).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def test_a_study_shows_who_can_take_part_and_its_registry_links(client):
    page = StudyPageFactory(
        minimum_age=18,
        maximum_age=65,
        who_can_take_part="You are 18 or over\nYou have asthma",
        nct_id="NCT01234567",
        isrctn="ISRCTN12345678",
        registry_title="A randomised trial of something",
    )
    html = soup(client.get(page.url))
    facts = html.select_one("#who-heading").parent.get_text(" ", strip=True)
    assert "Age 18 to 65" in facts
    assert [li.get_text() for li in html.select("#who-heading ~ ul li")] == [
        "You are 18 or over",
        "You have asthma",
    ]
    links = {a.get_text(): a["href"] for a in html.select("#registry-heading ~ ul a")}
    assert links == {
        "NCT01234567": "https://clinicaltrials.gov/study/NCT01234567",
        "ISRCTN12345678": "https://www.isrctn.com/ISRCTN12345678",
    }
    assert "A randomised trial of something" in html.select_one("details").get_text()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nct_id", "NCT123"),
        ("isrctn", "12345678"),
        ("iras_id", "IRAS-1"),
        ("cpms_id", "1234567"),
    ],
)
def test_registry_identifiers_are_format_checked(field, value):
    page = StudyPageFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_json_ld_describes_the_trial(client, study):
    data = json_ld(client.get(study.url))[-1]
    assert data["@type"] == "MedicalTrial"
    assert data["status"] == "https://schema.org/Recruiting"
    assert data["healthCondition"] == [
        {"@type": "MedicalCondition", "name": "Chilblain lupus"}
    ]
    study.study_type = StudyType.OBSERVATIONAL
    study.status = StudyStatus.COMPLETED
    study.save_revision().publish()
    data = json_ld(client.get(study.url))[-1]
    assert data["@type"] == "MedicalObservationalStudy"
    assert data["status"] == "https://schema.org/Completed"


def test_without_a_public_address_visitors_are_sent_to_the_form(client, study):
    text = soup(client.get(study.url)).select_one("#contact-heading").parent.text
    assert "through the register-interest form" in text
    assert "@" not in text


def test_registering_interest_stores_it_and_emails_the_team(client, study):
    response = client.post(study.url, VALID)
    assert response.status_code == 200
    html = soup(response)
    assert "your interest is registered" in html.h1.get_text()
    assert "The team will call you within two weeks." in html.select_one("main").text
    registration = InterestRegistration.objects.get()
    assert (registration.study_id, registration.name) == (study.pk, "Sam Visitor")
    assert registration.consent == "I agree the lupus team may contact me."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lupus-team@bhp.example"]
    assert "sam@example.org" in mail.outbox[0].body


def test_a_phone_number_is_a_contact_too(client, study):
    client.post(study.url, {**VALID, "contact": "0121 414 3344"})
    assert InterestRegistration.objects.get().contact == "0121 414 3344"


def test_a_form_with_errors_says_so_and_stores_nothing(client, study):
    response = client.post(study.url, {"name": "", "contact": "not sure"})
    html = soup(response)
    assert html.title.get_text().startswith("Error:")
    errors = [a.get_text() for a in html.select(".error-summary a")]
    assert errors == [
        "Enter your name",
        "Enter an email address like name@example.org, or a phone number like "
        "0121 414 3344",
        "Tick the box to agree, so the team may contact you",
    ]
    assert html.select_one("#id_consent")["aria-invalid"] == "true"
    assert not InterestRegistration.objects.exists()
    assert not mail.outbox


def test_the_honeypot_drops_a_bots_registration(client, study):
    response = client.post(study.url, {**VALID, "website_address": "spam"})
    assert response.status_code == 200
    assert not InterestRegistration.objects.exists()


def test_a_study_not_recruiting_has_no_form_and_takes_no_registrations(client):
    page = StudyPageFactory(status=StudyStatus.CLOSED)
    assert not soup(client.get(page.url)).select("main form")
    client.post(page.url, VALID)
    assert not InterestRegistration.objects.exists()


def test_registrations_are_rate_limited(client, study):
    for _ in range(INTEREST_LIMIT):
        assert client.post(study.url, VALID).status_code == 200
    response = client.post(study.url, VALID)
    assert response.status_code == 429
    assert "Please wait" in soup(response).select_one(".error-summary").text
    assert InterestRegistration.objects.count() == INTEREST_LIMIT


# Who reads the registrations --------------------------------------------------


@pytest.fixture
def registration(study):
    return InterestRegistration.objects.create(
        study=study, name="Sam Visitor", contact="sam@example.org", consent="Yes"
    )


@pytest.fixture
def other_registration(db):
    other = StudyPageFactory(team_group=Group.objects.create(name="Other team"))
    return InterestRegistration.objects.create(
        study=other, name="Pat Other", contact="pat@example.org", consent="Yes"
    )


def staff(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, password="a long pw 42")
    user.groups.set(Group.objects.filter(name__in=groups))
    client = ProxyClient()
    client.force_login(user)
    return client


def listing_url():
    return reverse(InterestRegistration.snippet_viewset.get_url_name("list"))


def inspect_url(registration):
    return reverse(
        InterestRegistration.snippet_viewset.get_url_name("inspect"),
        args=[registration.pk],
    )


def test_the_study_team_reads_its_own_registrations_only(
    django_user_model, team, registration, other_registration
):
    client = staff(django_user_model, "teamuser", team.name)
    response = client.get(listing_url())
    assert response.status_code == 200
    assert "Sam Visitor" in response.text
    assert "Pat Other" not in response.text
    assert client.get(inspect_url(registration)).status_code == 200
    assert client.get(inspect_url(other_registration)).status_code == 404


@pytest.mark.parametrize("group", ["Comms team", "Editors", "Moderators"])
def test_other_staff_are_refused(django_user_model, registration, group):
    client = staff(django_user_model, "someone", group)
    listing = client.get(listing_url())
    assert listing.status_code in (302, 403)
    # Another team's registration is not there at all for them.
    inspect = client.get(inspect_url(registration))
    assert inspect.status_code == 404
    for response in (listing, inspect):
        assert "Sam Visitor" not in response.text


def test_administrators_read_every_registration(
    admin_client, registration, other_registration
):
    response = admin_client.get(listing_url())
    assert "Sam Visitor" in response.text
    assert "Pat Other" in response.text


# The reading-age check -------------------------------------------------------


def test_reading_age_of_plain_and_specialist_text():
    assert (
        reading_age("We want to find out if a new medicine helps. It is a pill.") <= 8
    )
    assert (
        reading_age(
            "This multicentre randomised controlled trial evaluates the efficacy "
            "of prophylactic progesterone supplementation in women with recurrent "
            "miscarriage and antiphospholipid antibodies."
        )
        > 12
    )
    assert reading_age("") is None


def checker(page, request_factory):
    request = request_factory.get("/")
    checker = StudyContentChecker(page, in_editor=True)
    checks = {c["id"]: c for c in checker.get_axe_custom_checks(request)}
    passed = checks[f"{READING_AGE_RULE}-ok"]["options"]["matcher"]["nodeName"] == "h1"
    message = checker.get_axe_messages(request)[READING_AGE_RULE]["error_name"]
    return passed, message


def test_the_check_warns_when_the_summary_reads_above_12(rf):
    page = StudyPage(
        title="Hard",
        plain_summary="This multicentre randomised controlled trial evaluates "
        "prophylactic progesterone supplementation.",
    )
    passed, message = checker(page, rf)
    assert not passed
    age = reading_age(page.plain_summary)
    assert message == f"Plain-English summary reads at age {age}"

    page.plain_summary = "We want to see if a new pill helps. You take it each day."
    assert checker(page, rf)[0]


def test_the_study_check_replaces_cores_in_the_editor(admin_client, study):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[study.pk]))
    assert response.status_code == 200
    assert READING_AGE_RULE in response.text


# Search and the API ------------------------------------------------------------


def test_site_search_finds_a_study_by_a_conditions_synonym(study):
    from bhp_portal.core.search import search_hits

    study.save_revision().publish()  # as an editor's publish indexes it
    found = [hit.page_id for hit in search_hits("perniosis", type_slug="studies")]
    assert found == [study.pk]


def test_the_api_gives_public_fields_only(client, study):
    response = client.get(
        f"/api/v2/pages/{study.pk}/",
    )
    data = response.json()
    assert data["status"] == "recruiting"
    assert data["condition_names"] == ["Chilblain lupus"]
    for private in ("team_email", "team_group", "interest_consent"):
        assert private not in data
