"""Background work on the task queue (Django's tasks framework, stored in
PostgreSQL by django-tasks-db and drained by `manage.py run_worker`).

The queue itself has no retries and no notion of a worker that died, so this
module adds both: `retried_task` queues a failed task again after a back-off,
and `requeue_abandoned` puts back the tasks of a worker that stopped without
finishing them. Every attempt's outcome stays in the queue's table, which
administrators read in Django's admin at /django-admin/ (Tasks > Task results).
"""

import functools
import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db.models import Case, F, Min, When
from django.utils import timezone
from django_tasks import task
from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)

# Seconds before the second, third, ... attempt; after the last, the failure
# stays in the queue's table with its error.
RETRY_DELAYS = (30, 120, 600, 1800)


def retried_task(func):
    """A task that is queued again, with the next back-off in RETRY_DELAYS,
    when it raises. Each attempt that fails is kept, failed, with its error."""

    @functools.wraps(func)
    def run(*args, attempt=1, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            _retry(queued, args, kwargs, attempt)
            raise

    queued = task()(run)
    return queued


def _retry(queued, args, kwargs, attempt):
    if attempt > len(RETRY_DELAYS) or not queued.get_backend().supports_defer:
        logger.error("Task %s failed for good after %d attempts", queued.name, attempt)
        return
    delay = RETRY_DELAYS[attempt - 1]
    queued.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        *args, attempt=attempt + 1, **kwargs
    )
    logger.warning(
        "Task %s failed; attempt %d in %d s", queued.name, attempt + 1, delay
    )


@retried_task
def send_email(subject, message, recipients, from_email=None):
    """Sends one e-mail; a mail server that refuses it gets asked again."""
    send_mail(subject, message, recipients, from_email)


def worker_id():
    """Host and process, so a worker's successor on the same host can tell
    which running tasks belonged to a process that has gone."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


def _is_gone(worker):
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname()[:40] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def requeue_abandoned():
    """Puts back in the queue the tasks left running by a worker that stopped
    without finishing them: one of this host's that no longer runs, or any
    that has run longer than TASKS_ABANDONED_SECONDS (its host is gone).
    Returns how many."""
    from django_tasks_db.models import DBTaskResult

    limit = timezone.now() - timedelta(seconds=settings.TASKS_ABANDONED_SECONDS)
    running = DBTaskResult.objects.filter(status="RUNNING")
    abandoned = [
        result.pk
        for result in running
        if result.started_at < limit or _is_gone((result.worker_ids or [""])[-1])
    ]
    return running.filter(pk__in=abandoned).update(status="READY", started_at=None)


def oldest_wait_seconds():
    """How long the task that has waited longest for a worker has waited (0
    when none waits), counted from when it fell due: a retry waits out its
    back-off first."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    waiting = DBTaskResult.objects.ready().annotate(
        due=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=F("run_after"),
        )
    )
    oldest = waiting.aggregate(oldest=Min("due"))["oldest"]
    return max((now - oldest).total_seconds(), 0.0) if oldest else 0.0
