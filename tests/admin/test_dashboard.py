"""The dashboard shows each role what needs their attention, and nothing of
other people's work that is not theirs to act on."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Revision

from bhp_portal.core.factories import KeyFactFactory, StandardPageFactory
from news.factories import NewsArticlePageFactory
from tests.utils import soup

DASHBOARD = "/admin/"


def panel_rows(response, panel_id):
    """Titles listed in one dashboard panel, or None when it is not shown."""
    section = soup(response).select_one(f"#{panel_id}-section")
    if section is None:
        return None
    return [cell.get_text(" ", strip=True) for cell in section.select("td.title")]


def draft(parent, title, user):
    """A page that has never been published, last saved by `user`."""
    page = StandardPageFactory.build(title=title, live=False, owner=user)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    return page


@pytest.fixture
def editor(make_user):
    return make_user("eddie", "Editors")


@pytest.fixture
def other_editor(make_user):
    return make_user("olive", "Editors")


@pytest.fixture
def moderator(make_user):
    return make_user("mona", "Moderators")


@pytest.mark.django_db
def test_drafts_panel_lists_only_the_users_own_drafts(
    home_page, editor, other_editor, client_for
):
    draft(home_page, "Eddie's unfinished page", editor)
    draft(home_page, "Olive's unfinished page", other_editor)

    response = client_for(editor).get(DASHBOARD)

    assert response.status_code == 200
    assert panel_rows(response, "bhp-drafts") == ["Eddie's unfinished page"]
    assert panel_rows(client_for(other_editor).get(DASHBOARD), "bhp-drafts") == [
        "Olive's unfinished page"
    ]


@pytest.mark.django_db
def test_published_pages_leave_the_drafts_panel(home_page, editor, client_for):
    page = draft(home_page, "Now public", editor)
    page.get_latest_revision().publish()

    response = client_for(editor).get(DASHBOARD)

    assert panel_rows(response, "bhp-drafts") is None


@pytest.mark.django_db
def test_page_submitted_for_sign_off_awaits_the_moderator_not_the_author(
    home_page, editor, other_editor, moderator, client_for
):
    page = draft(home_page, "Awaiting sign-off", editor)
    page.get_workflow().start(page, editor)

    author = client_for(editor).get(DASHBOARD)
    assert panel_rows(author, "objects-in-workflow") == ["Awaiting sign-off"]
    assert panel_rows(author, "bhp-drafts") is None
    assert panel_rows(author, "awaiting-review") is None

    reviewer = client_for(moderator).get(DASHBOARD)
    assert "Awaiting sign-off" in panel_rows(reviewer, "awaiting-review")[0]

    bystander = client_for(other_editor).get(DASHBOARD)
    assert panel_rows(bystander, "awaiting-review") is None
    assert panel_rows(bystander, "objects-in-workflow") is None


@pytest.mark.django_db
def test_scheduled_panel_shows_everyone_what_goes_live_and_when(
    home_page, editor, moderator, client_for
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    page = draft(home_page, "Embargoed announcement", editor)
    page.go_live_at = go_live
    page.save_revision(user=moderator).publish(user=moderator)
    page.refresh_from_db()
    assert not page.live

    for user in (editor, moderator):
        response = client_for(user).get(DASHBOARD)
        section = soup(response).select_one("#bhp-scheduled-section")
        row = section.select_one("tbody tr")
        assert row.select_one("td.title").get_text(strip=True) == (
            "Embargoed announcement"
        )
        assert "Goes live" in row.get_text()
        assert row.select_one("time")["datetime"] == (
            timezone.localtime(go_live).isoformat()
        )
        # The moderator published it with a go-live time, so scheduled it.
        assert row.select("td")[-1].get_text(strip=True) == "Mona"
        # Scheduled pages are not drafts waiting for their author.
        assert panel_rows(response, "bhp-drafts") is None


@pytest.mark.django_db
def test_scheduled_panel_says_when_nothing_is_scheduled(editor, client_for):
    # The demo content schedules an embargoed press release; unschedule it.
    Revision.objects.update(approved_go_live_at=None)
    section = soup(client_for(editor).get(DASHBOARD)).select_one(
        "#bhp-scheduled-section"
    )
    assert "Nothing is scheduled" in section.get_text()


@pytest.mark.django_db
def test_key_facts_past_review_date_are_listed(editor, make_user, client_for):
    today = timezone.localdate()
    stale = KeyFactFactory(label="beds checked last year", review_by=today)
    KeyFactFactory(label="beds checked next year", review_by=today.replace(year=2099))

    rows = panel_rows(client_for(editor).get(DASHBOARD), "bhp-key-facts-due")
    assert any("beds checked last year" in row for row in rows)
    assert not any("beds checked next year" in row for row in rows)

    # The panel is for those who may change key facts (Editors, Moderators):
    # the Comms team cannot act on it, so is not shown it.
    edit_url = f"/admin/snippets/core/keyfact/edit/{stale.pk}/"
    report_url = "/admin/reports/key-facts-due-for-review/"
    comms = client_for(make_user("carla", "Comms team")).get(DASHBOARD)
    assert panel_rows(comms, "bhp-key-facts-due") is None
    assert panel_rows(comms, "bhp-scheduled") is not None
    editor_html = soup(client_for(editor).get(DASHBOARD))
    assert editor_html.select(f'#bhp-key-facts-due-section a[href="{edit_url}"]')
    assert editor_html.select(f'#bhp-key-facts-due-section a[href="{report_url}"]')


@pytest.mark.django_db
def test_dashboard_queries_do_not_grow_with_the_number_of_drafts(
    home_page, editor, client_for
):
    client = client_for(editor)
    draft(home_page, "First draft", editor)
    client.get(DASHBOARD)  # warm per-process caches (content types, sites)
    with CaptureQueriesContext(connection) as one:
        client.get(DASHBOARD)
    for n in range(5):
        draft(home_page, f"More work {n}", editor)
    with CaptureQueriesContext(connection) as six:
        response = client.get(DASHBOARD)

    assert len(panel_rows(response, "bhp-drafts")) == 6
    assert len(six) == len(one)


@pytest.mark.django_db
def test_scheduled_by_is_the_approver_of_a_signed_off_article(
    news_index, make_user, moderator, client_for
):
    author = make_user("carla", "Comms team")
    go_live = timezone.now() + datetime.timedelta(days=1)
    article = NewsArticlePageFactory(
        parent=news_index, title="Signed off for tomorrow", live=False
    )
    article.go_live_at = go_live
    article.save_revision(user=author)
    workflow_state = article.get_workflow().start(article, author)
    workflow_state.current_task_state.task.specific.on_action(
        workflow_state.current_task_state, moderator, "approve"
    )

    response = client_for(moderator).get(DASHBOARD)
    section = soup(response).select_one("#bhp-scheduled-section")
    row = next(
        tr
        for tr in section.select("tbody tr")
        if "Signed off for tomorrow" in tr.get_text()
    )
    assert row.select("td")[-1].get_text(strip=True) == "Mona"


@pytest.mark.django_db
def test_a_change_made_by_a_script_says_so(client_for, editor):
    # The demo loader schedules its embargoed press release with no user.
    section = soup(client_for(editor).get(DASHBOARD)).select_one(
        "#bhp-scheduled-section"
    )
    rows = section.select("tbody tr")
    cells = [row.select("td")[-1].get_text(strip=True) for row in rows]
    assert cells and all(cells)
    assert "Not recorded (a script)" in cells
