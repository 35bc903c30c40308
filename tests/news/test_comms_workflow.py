"""The comms team's rights, the News sign-off workflow, scheduled publishing
and embargo links, driven through the real admin where users act."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from news.factories import (
    EmbargoLinkFactory,
    EventIndexPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from news.models import EmbargoLink, EventIndexPage, NewsArticlePage, NewsIndexPage
from research.models import ResearchThemePage
from tests.utils import ProxyClient, news_article_form, soup


def logged_in(user):
    client = ProxyClient()
    client.force_login(user)
    return client


def add_url(index):
    return f"/admin/pages/add/news/newsarticlepage/{index.pk}/"


@pytest.mark.django_db
def test_groups_and_workflow_exist_and_guard_the_news_index(news_index):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Comms team"} <= names
    workflow = news_index.get_workflow()
    assert workflow.name == "News sign-off"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "model"),
    [(NewsIndexPageFactory, NewsIndexPage), (EventIndexPageFactory, EventIndexPage)],
)
def test_a_new_news_or_events_index_is_put_under_sign_off(factory, model):
    existing = factory()
    home = existing.get_parent()
    existing.delete()
    index = home.add_child(instance=model(title="Section", slug=existing.slug))
    assert index.get_workflow().name == "News sign-off"
    comms = Group.objects.get(name="Comms team")
    assert set(
        comms.page_permissions.filter(page=index).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page"}


@pytest.mark.django_db
def test_comms_member_can_draft_news_but_not_publish_it(comms_user, news_index):
    client = logged_in(comms_user)
    assert client.get(add_url(news_index)).status_code == 200
    response = client.post(
        add_url(news_index), news_article_form("Draft story", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = NewsArticlePage.objects.get(slug="draft-story")
    assert not page.live
    assert page.owner == comms_user
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_comms_member_cannot_edit_outside_the_news_section(comms_user, theme):
    client = logged_in(comms_user)
    response = client.get(f"/admin/pages/{theme.pk}/edit/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"
    home = Page.objects.get(slug="home")
    response = client.get(f"/admin/pages/add/core/standardpage/{home.pk}/")
    assert response.status_code in (302, 403)
    theme.refresh_from_db()
    assert ResearchThemePage.objects.filter(pk=theme.pk, title="Test Theme").exists()


@pytest.mark.django_db
def test_moderator_can_publish_news(moderator, news_index):
    client = logged_in(moderator)
    client.post(
        add_url(news_index),
        news_article_form("Moderated story", **{"action-publish": "1"}),
    )
    assert NewsArticlePage.objects.get(slug="moderated-story").live


def submit_for_sign_off(comms_user, news_index, title):
    client = logged_in(comms_user)
    response = client.post(
        add_url(news_index), news_article_form(title, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    page = NewsArticlePage.objects.get(title=title)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == comms_user
    assert not page.live
    return page, state


@pytest.mark.django_db
def test_sign_off_approval_publishes_and_tells_the_submitter(
    comms_user, moderator, news_index
):
    page, state = submit_for_sign_off(comms_user, news_index, "Signed off story")
    mail.outbox.clear()
    client = logged_in(moderator)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Looks good."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live
    assert state.status == WorkflowState.STATUS_APPROVED
    to_submitter = [m for m in mail.outbox if m.to == [comms_user.email]]
    assert to_submitter
    assert "approved" in to_submitter[0].subject.lower()


@pytest.mark.django_db
def test_request_changes_returns_the_article_with_a_comment(
    comms_user, moderator, news_index
):
    page, state = submit_for_sign_off(comms_user, news_index, "Needs work story")
    mail.outbox.clear()
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "reject", comment="Please add a quote from UHB."
    )
    page.refresh_from_db()
    state.refresh_from_db()
    assert not page.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    message = next(m for m in mail.outbox if m.to == [comms_user.email])
    assert "Please add a quote from UHB." in message.body


@pytest.mark.django_db
def test_scheduled_article_goes_live_when_publish_scheduled_runs(news_index):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    page = NewsArticlePageFactory(parent=news_index, live=False, go_live_at=go_live)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_expired_article_is_unpublished_by_publish_scheduled(news_index):
    page = NewsArticlePageFactory(
        parent=news_index, expire_at=timezone.now() + datetime.timedelta(days=1)
    )
    with mock.patch(
        "django.utils.timezone.now",
        return_value=timezone.now() + datetime.timedelta(days=2),
    ):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired


@pytest.fixture
def embargoed(news_index):
    # 09:00 UTC in July is 10:00 in the UK.
    go_live = datetime.datetime(2030, 7, 1, 9, 0, tzinfo=datetime.UTC)
    page = NewsArticlePageFactory(
        parent=news_index,
        title="Embargoed release",
        live=False,
        article_type="press-release",
        go_live_at=go_live,
    )
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_embargo_link_shows_the_draft_to_a_journalist_unindexed(client, embargoed):
    link = EmbargoLinkFactory(page=embargoed)
    assert client.get(embargoed.url).status_code == 404
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    html = soup(response)
    assert html.h1.get_text() == "Embargoed release"
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    banner = html.select_one(".embargo-banner").get_text(" ", strip=True)
    assert "10:00 UK time on Monday 1 July 2030" in banner


@pytest.mark.django_db
def test_embargo_link_stops_working_when_revoked_expired_or_published(
    client, embargoed
):
    link = EmbargoLinkFactory(page=embargoed)
    url = link.get_absolute_url()
    assert client.get(url).status_code == 200
    link.revoked = True
    link.save()
    assert client.get(url).status_code == 404

    expired = EmbargoLinkFactory(
        page=embargoed, expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(expired.get_absolute_url()).status_code == 404

    fresh = EmbargoLinkFactory(page=embargoed)
    embargoed.go_live_at = None
    embargoed.save_revision().publish()
    assert client.get(fresh.get_absolute_url()).status_code == 404
    assert client.get("/embargo/not-a-real-token/").status_code == 404


@pytest.mark.django_db
def test_comms_member_creates_and_revokes_embargo_links_in_the_admin(
    comms_user, embargoed
):
    client = logged_in(comms_user)
    response = client.post(
        "/admin/snippets/news/embargolink/add/",
        {
            "page": embargoed.pk,
            "recipient": "Health desk",
            "expires_at": "2030-07-01 10:00",
        },
    )
    assert response.status_code == 302
    link = EmbargoLink.objects.get(recipient="Health desk")
    assert link.created_by == comms_user
    assert len(link.token) >= 40
    listing = client.get("/admin/snippets/news/embargolink/")
    assert link.full_url in listing.content.decode()
    client.post(
        f"/admin/snippets/news/embargolink/edit/{link.pk}/",
        {
            "page": embargoed.pk,
            "recipient": "Health desk",
            "expires_at": "2030-07-01 10:00",
            "revoked": "on",
        },
    )
    link.refresh_from_db()
    assert link.revoked
