"""The whole journey, at the Django level: a study imported from the
registry is written up and submitted by an editor, approved by a Moderator,
found by a visitor through a condition's synonym, and the interest the
visitor registers is read by the study team, never by the Comms team."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from research.factories import ConditionFactory, StudyIndexPageFactory
from research.models import InterestRegistration, StudyPage
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "fixtures" / "ctgov_page1.json"


def signed_in(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, password="a long pw 42")
    user.groups.set(Group.objects.filter(name__in=groups))
    client = ProxyClient()
    client.force_login(user)
    return user, client


def test_from_registry_to_the_study_team(django_user_model):
    index = StudyIndexPageFactory()
    # Only this journey's study: the demo has some about pregnancy loss too.
    StudyPage.objects.child_of(index).update(live=False)
    loss = ConditionFactory(name="Pregnancy loss", synonyms="miscarriage")
    team = Group.objects.create(name="Study team: pregnancy loss")
    team.permissions.add(Permission.objects.get(codename="access_admin"))
    editor, _ = signed_in(django_user_model, "editor", "Editors")
    moderator, moderator_client = signed_in(
        django_user_model, "moderator", "Moderators"
    )
    _, team_client = signed_in(django_user_model, "teamuser", team.name)
    _, comms_client = signed_in(django_user_model, "comms", "Comms team")

    # The nightly import brings the study in as a draft.
    call_command("import_studies", "--file", str(FIXTURE), stdout=io.StringIO())
    study = StudyPage.objects.get(nct_id="NCT99999902")
    assert not study.live

    # An editor writes it up in plain English and submits it for sign-off.
    draft = study.get_latest_revision_as_object()
    draft.title = "How babies' immune systems answer a booster"
    draft.plain_summary = "We want to see how a booster helps babies fight germs."
    draft.status = "recruiting"
    draft.conditions = [loss]
    draft.team_group = team
    draft.team_email = "booster-team@bhp.example"
    revision = draft.save_revision(user=editor)
    study.get_workflow().start(study, editor)
    study.refresh_from_db()
    assert not study.live
    assert client_finds(index, "miscarriage") == []

    # A Moderator approves it in the admin: it goes live.
    task_state = study.current_workflow_task_state
    response = moderator_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[study.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    study.refresh_from_db()
    assert study.live
    assert study.live_revision_id == revision.pk

    # A visitor searching for "miscarriage" finds it and registers interest.
    assert client_finds(index, "miscarriage") == [study.title]
    visitor = ProxyClient()
    response = visitor.post(
        study.url,
        {"name": "Sam Visitor", "contact": "0121 414 3344", "consent": "on"},
    )
    assert "your interest is registered" in soup(response).h1.get_text()
    assert mail.outbox[-1].to == ["booster-team@bhp.example"]

    # The study team reads it in the admin; the Comms team cannot.
    listing = reverse(InterestRegistration.snippet_viewset.get_url_name("list"))
    assert "Sam Visitor" in team_client.get(listing).text
    refused = comms_client.get(listing)
    assert refused.status_code in (302, 403)
    assert "Sam Visitor" not in refused.text


def client_finds(index, words):
    html = soup(ProxyClient().get(index.url, {"q": words}))
    return [a.get_text() for a in html.select("main .card__title a")]
