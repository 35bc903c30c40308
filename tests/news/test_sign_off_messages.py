"""After a sign-off decision in the page editor, the moderator is told what
it did, not only that the page "has been updated"."""

import datetime
import json

import pytest
from django.utils import timezone

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from tests.utils import ProxyClient, news_article_form, soup

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = ProxyClient()
    client.force_login(user)
    return client


def messages_shown(response):
    return [
        li.get_text(" ", strip=True) for li in soup(response).select(".messages li")
    ]


def submitted(comms_user, news_index, title, **fields):
    client = logged_in(comms_user)
    form = news_article_form(title, **{"action-submit": "1"}, **fields)
    add = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    assert client.post(add, form).status_code == 302
    return NewsArticlePage.objects.get(title=title)


def decide(moderator, page, action, **fields):
    """The moderator's decision from the editor; the messages then shown."""
    form = news_article_form(
        page.title,
        slug=page.slug,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": "Seen."}),
        },
        **fields,
    )
    response = logged_in(moderator).post(
        f"/admin/pages/{page.pk}/edit/", form, follow=True
    )
    assert response.status_code == 200
    return messages_shown(response)


def test_approve_and_publish_says_it_is_live(comms_user, moderator, news_index):
    page = submitted(comms_user, news_index, "Trial results out")
    shown = decide(moderator, page, "approve")
    assert "Published “Trial results out”: the approved version is now live." in shown
    assert not any("has been updated" in text for text in shown)
    page.refresh_from_db()
    assert page.live


def test_request_changes_names_who_gets_it_back(comms_user, moderator, news_index):
    comms_user.first_name, comms_user.last_name = "Carla", "Jones"
    comms_user.save()
    page = submitted(comms_user, news_index, "Needs a quote")
    shown = decide(moderator, page, "reject")
    assert any(
        text.startswith("Changes requested from Carla Jones: “Needs a quote”")
        for text in shown
    )
    page.refresh_from_db()
    assert not page.live


def test_approving_a_scheduled_article_says_when_it_goes_live(
    comms_user, moderator, news_index
):
    go_live = timezone.localtime() + datetime.timedelta(days=3)
    go_live = go_live.replace(second=0, microsecond=0)
    when = {"go_live_at": go_live.strftime("%Y-%m-%d %H:%M")}
    page = submitted(comms_user, news_index, "Embargoed results", **when)
    shown = decide(moderator, page, "approve", **when)
    expected = go_live.strftime("%-d %B %Y, %H:%M")
    assert any(
        text == f"Approved “Embargoed results”: it is scheduled to go live on "
        f"{expected}."
        for text in shown
    ), shown
    page.refresh_from_db()
    assert not page.live


def test_a_plain_save_keeps_wagtails_message(comms_user, news_index):
    page = NewsArticlePageFactory(parent=news_index, title="Just saving", live=False)
    form = news_article_form(page.title, slug=page.slug)
    response = logged_in(comms_user).post(
        f"/admin/pages/{page.pk}/edit/", form, follow=True
    )
    shown = messages_shown(response)
    assert any("has been updated" in text for text in shown)
