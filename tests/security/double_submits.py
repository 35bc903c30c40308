"""Two submissions of the same admin action at once, against a committed
database (run in `manage.py shell` by test_double_submits.py): each scenario
prints its two status codes and what the database holds after.

The later submission is held inside the view for a moment after it has read
the page, so without a lock the earlier one always finishes in between: the
race is made certain, not left to chance.
"""

import json
import sys
import threading
import time

from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text

from news.models import NewsArticlePage, NewsIndexPage
from tests.utils import PROXY_HEADERS, news_article_form

HELD = "held"
PASSWORD = "double-submit-test-password"  # noqa: S105 (throwaway database)


def hold_the_later_submission(view_class):
    form_valid = view_class.form_valid

    def held(self, form):
        if threading.current_thread().name == HELD:
            time.sleep(1.5)
        return form_valid(self, form)

    view_class.form_valid = held


def user(name, group):
    person = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
    person.groups.add(Group.objects.get(name=group))
    return person


def twice(person, url, data):
    """POSTs `data` to `url` twice at once; the status codes, held one last."""
    codes = {}

    def post():
        client = Client(headers=PROXY_HEADERS, raise_request_exception=False)
        client.force_login(person)
        codes[threading.current_thread().name] = client.post(url, data).status_code
        connection.close()

    held = threading.Thread(target=post, name=HELD)
    held.start()
    time.sleep(0.5)
    other = threading.Thread(target=post, name="other")
    other.start()
    held.join()
    other.join()
    return [codes["other"], codes[HELD]]


def edit_form(page, **action):
    return news_article_form(page.title, slug=page.slug, **action)


def state_of(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")


def main():
    hold_the_later_submission(EditView)
    hold_the_later_submission(CreateView)
    comms, moderator = user("comms", "Comms team"), user("moderator", "Moderators")
    index = NewsIndexPage.objects.get()
    add = f"/admin/pages/add/news/newsarticlepage/{index.pk}/"
    results = {}

    title = "Double-clicked draft"
    body = "Text the editor must not lose."
    draft = news_article_form(title, notes_to_editors=rich_text(body))
    results["save_new_draft"] = {
        "codes": twice(comms, add, draft),
        "pages": NewsArticlePage.objects.filter(title=title).count(),
        "text_kept": body
        in str(NewsArticlePage.objects.get(title=title).notes_to_editors),
    }

    def submitted(title):
        client = Client(headers=PROXY_HEADERS)
        client.force_login(comms)
        form = news_article_form(title, **{"action-submit": "1"})
        assert client.post(add, form).status_code == 302
        return NewsArticlePage.objects.get(title=title)

    for action in ("approve", "reject"):
        page = submitted(f"Story to {action}")
        form = edit_form(
            page,
            **{
                "action-workflow-action": "true",
                "workflow-action-name": action,
                "workflow-action-extra-data": json.dumps({"comment": "Seen."}),
            },
        )
        codes = twice(moderator, f"/admin/pages/{page.pk}/edit/", form)
        state = state_of(page)
        page.refresh_from_db()
        results[action] = {
            "codes": codes,
            "status": state.status,
            "live": page.live,
            "decisions": state.task_states.exclude(status="in_progress").count(),
        }

    page = NewsArticlePage.objects.get(title="Story to reject")
    resubmit = edit_form(page, **{"action-submit": "1"})
    codes = twice(comms, f"/admin/pages/{page.pk}/edit/", resubmit)
    results["resubmit"] = {
        "codes": codes,
        "status": state_of(page).status,
        "workflows": WorkflowState.objects.filter(object_id=str(page.pk)).count(),
    }
    sys.stdout.write(json.dumps(results))
