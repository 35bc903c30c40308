"""The task queue in PostgreSQL and its worker: uploads, mail and waiting
tasks, as production runs them (the rest of the suite runs tasks inline)."""

import subprocess
import sys
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model

from bhp_portal.core import tasks
from bhp_portal.core.factories import phone_photo
from bhp_portal.core.images import ALL_FILTER_SPECS
from bhp_portal.core.models import HomePage
from tests.core.test_contact_form import VALID
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def task_queue(settings):
    """Tasks go to the queue in the database, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.IMAGE_RENDITIONS_ON_SAVE = True


@pytest.fixture
def run_worker(monkeypatch):
    """Drains the queue as `manage.py run_worker` does. The worker recycles
    database connections between tasks, which would end the test's own
    transaction; inside a test that step does nothing."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command(
            "run_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0
        )

    return run


def queued(task_name):
    return DBTaskResult.objects.filter(task_path__endswith=task_name)


def image_urls(response):
    """Every image address a page sends: img src and srcset, source srcset."""
    html = soup(response)
    urls = [img["src"] for img in html.select("main img")]
    for tag in html.select("main img[srcset], main source[srcset]"):
        urls += [part.split()[0] for part in tag["srcset"].split(",")]
    return urls


def assert_every_image_exists(response):
    urls = image_urls(response)
    assert urls
    for url in urls:
        path = urlparse(url).path.removeprefix("/media/")
        assert default_storage.exists(path), url


@pytest.mark.usefixtures("task_queue")
def test_a_phone_photo_upload_answers_without_renditions_and_pages_show_it_throughout(
    admin_client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/images/add/",
            {"title": "Clinic opening", "file": phone_photo(), "description": "A"},
        )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Clinic opening")
    assert (image.width, image.height) == (4032, 3024)
    assert not image.renditions.exists()  # none made inside the request
    assert queued("generate_renditions").get().status == "READY"

    home = HomePage.objects.get()
    home.hero_image = image
    home.save_revision().publish()
    # Before the worker has run, the page makes what it shows on demand.
    before = admin_client.get("/")  # signed in: past the page cache
    assert before.status_code == 200
    assert_every_image_exists(before)

    run_worker()
    assert queued("generate_renditions").get().status == "SUCCESSFUL"
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(
        ALL_FILTER_SPECS
    )
    after = admin_client.get("/")
    assert after.status_code == 200
    assert_every_image_exists(after)


class RefusingMailServer:
    """A mail server that is down until `RefusingMailServer.down` is cleared."""

    down = True

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self.working = EmailBackend(*args, **kwargs)

    def send_messages(self, messages):
        if RefusingMailServer.down:
            raise ConnectionRefusedError("mail server down")
        return self.working.send_messages(messages)


@pytest.mark.usefixtures("task_queue")
def test_an_enquiry_is_stored_at_once_and_emailed_once_the_mail_server_is_back(
    client, settings, run_worker, contact_page, enquiries_desk
):
    settings.EMAIL_BACKEND = "tests.core.test_task_queue.RefusingMailServer"
    RefusingMailServer.down = True

    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Thank you" in soup(response).h1.get_text()
    assert FormSubmission.objects.filter(page=contact_page).count() == 1
    assert queued("send_email").get().status == "READY"

    run_worker()  # the mail server refuses: the attempt fails, a retry waits
    first, retry = queued("send_email").order_by("enqueued_at")
    assert first.status == "FAILED"
    assert first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(seconds=20)
    assert not mail.outbox

    RefusingMailServer.down = False
    run_worker()
    assert not mail.outbox  # the retry is not due yet
    retry.run_after = timezone.now()  # its back-off has passed
    retry.save(update_fields=["run_after"])
    run_worker()
    run_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [enquiries_desk]
    assert "Could we interview someone" in mail.outbox[0].body
    assert queued("send_email").filter(status="SUCCESSFUL").count() == 1


@pytest.mark.usefixtures("task_queue")
def test_a_task_that_keeps_failing_is_kept_failed_with_its_error_after_the_last_try(
    settings, run_worker
):
    settings.EMAIL_BACKEND = "tests.core.test_task_queue.RefusingMailServer"
    RefusingMailServer.down = True
    last = len(tasks.RETRY_DELAYS) + 1
    tasks.send_email.enqueue("Subject", "Body", ["a@example.org"], attempt=last)
    run_worker()
    result = queued("send_email").get()
    assert result.status == "FAILED"
    assert "mail server down" in result.traceback


@pytest.mark.usefixtures("task_queue")
def test_readyz_fails_when_a_task_has_waited_longer_than_the_limit(client, settings):
    settings.TASKS_MAX_WAIT_SECONDS = 600
    tasks.send_email.enqueue("Subject", "Body", ["a@example.org"])
    fresh = client.get("/readyz")
    assert fresh.status_code == 200
    assert fresh.json()["tasks"] == "ok"

    queued("send_email").update(enqueued_at=timezone.now() - timedelta(seconds=700))
    stale = client.get("/readyz")
    assert stale.status_code == 503
    assert stale.json()["tasks"] == "unavailable"
    assert stale.json()["oldest_task_wait_seconds"] >= 700


@pytest.mark.usefixtures("task_queue")
def test_a_retry_waiting_out_its_back_off_does_not_count_as_waiting(client):
    later = timezone.now() + timedelta(seconds=300)
    tasks.send_email.using(run_after=later).enqueue("S", "B", ["a@example.org"])
    queued("send_email").update(enqueued_at=timezone.now() - timedelta(days=1))
    assert client.get("/readyz").json()["oldest_task_wait_seconds"] == 0.0


@pytest.mark.usefixtures("task_queue")
def test_a_task_left_running_by_a_worker_that_died_is_run_by_the_next(run_worker):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    tasks.send_email.enqueue("Subject", "Body", ["a@example.org"])
    result = queued("send_email").get()
    result.claim(f"{tasks.worker_id().rpartition(':')[0]}:{dead.stdout.strip()}")
    alive = queued("send_email").get()
    assert alive.status == "RUNNING"

    run_worker()
    assert queued("send_email").get().status == "SUCCESSFUL"
    assert len(mail.outbox) == 1


@pytest.mark.usefixtures("task_queue")
def test_a_task_running_in_a_live_worker_is_left_alone(run_worker):
    tasks.send_email.enqueue("Subject", "Body", ["a@example.org"])
    queued("send_email").get().claim(tasks.worker_id())  # this process: alive
    run_worker()
    assert queued("send_email").get().status == "RUNNING"
    assert not mail.outbox


@pytest.mark.usefixtures("task_queue")
def test_administrators_read_failed_tasks_with_their_error_and_editors_cannot(
    admin_client, settings, run_worker
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tests.utils import ProxyClient

    settings.EMAIL_BACKEND = "tests.core.test_task_queue.RefusingMailServer"
    RefusingMailServer.down = True
    tasks.send_email.enqueue("S", "B", ["a@example.org"], attempt=5)
    run_worker()
    failed = queued("send_email").get()

    listing = admin_client.get("/admin/task_results/?status=FAILED")
    assert listing.status_code == 200
    assert "send_email" in listing.text
    detail = admin_client.get(f"/admin/task_results/inspect/{failed.pk}/")
    assert detail.status_code == 200
    assert "ConnectionRefusedError" in detail.text
    assert "mail server down" in detail.text
    assert "Task queue" in admin_client.get("/admin/").text

    editor = get_user_model().objects.create_user("eddie", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    editor_client = ProxyClient()
    editor_client.force_login(editor)
    assert "Task queue" not in editor_client.get("/admin/").text
    for path in ("/admin/task_results/", f"/admin/task_results/inspect/{failed.pk}/"):
        refused = editor_client.get(path)
        assert refused.status_code in (302, 403)
        assert "mail server down" not in refused.text
    # Read-only even for administrators: the worker alone changes results.
    assert admin_client.get(f"/admin/task_results/edit/{failed.pk}/").status_code in (
        302,
        403,
    )
