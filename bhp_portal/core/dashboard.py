"""Dashboard panels that tell each editor what needs their attention.

Wagtail's own panels already list what awaits the user's review ("Awaiting
your review") and the user's pages in a workflow, i.e. articles awaiting
sign-off. These add what it lacks: the user's drafts, what is scheduled to go
live or offline, and key facts due for review.
"""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from wagtail.admin.ui.components import Component
from wagtail.models import (
    Page,
    PageLogEntry,
    Revision,
    WorkflowState,
    get_default_page_content_type,
)

from .models import KeyFact

PANEL_LIMIT = 10
# Changes made by a script, such as the demo loader, have no user.
NOT_RECORDED = "Not recorded (a script)"


def _when(value, fmt="j F Y, H:i"):
    """A table cell for a date or time, machine-readable in <time>."""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return {"datetime": value.isoformat(), "text": format_date(value, fmt)}


def _last_user_by(key, **filters):
    """{key value: user} from the page log entries matching `filters`, the
    latest entry's user where there are several."""
    entries = (
        PageLogEntry.objects.filter(**filters)
        .select_related("user")
        .order_by("timestamp")
    )
    return {getattr(entry, key): entry.user for entry in entries}


def _edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class TablePanel(Component):
    """A dashboard panel holding one table; hidden when it has no rows,
    unless it says something useful when empty."""

    template_name = "core/dashboard/table_panel.html"
    panel_id = ""
    heading = ""
    columns = []
    empty_text = ""

    def get_rows(self, user):
        """Each row: {"title", "url" (optional), "cells"}."""
        raise NotImplementedError

    def is_shown_to(self, user):
        """Whether the panel is for this user: only what they can act on."""
        return True

    def get_intro(self, rows, user):
        return ""

    def get_more_link(self, rows, user):
        """(url, text) of a fuller listing, or None."""
        return None

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        rows = self.get_rows(user)
        return {
            "panel_id": self.panel_id,
            "heading": self.heading,
            "columns": self.columns,
            "rows": rows,
            "intro": self.get_intro(rows, user),
            "more_link": self.get_more_link(rows, user) if rows else None,
            "empty_text": self.empty_text,
        }


class DraftsPanel(TablePanel):
    """Pages the user owns or last edited whose changes are not yet public,
    leaving out those in a workflow or already scheduled."""

    name = "bhp_drafts"
    order = 205
    panel_id = "bhp-drafts"
    heading = "Your drafts"
    columns = ["Type", "Status", "Last edited"]

    def get_intro(self, rows, user):
        return (
            "Pages you own or last edited with changes not yet published. "
            "Submit them for sign-off, or publish them, when they are ready."
        )

    def get_rows(self, user):
        in_workflow = Exists(
            WorkflowState.objects.active().filter(
                base_content_type=get_default_page_content_type(),
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
            )
        )
        pages = (
            Page.objects.filter(
                Q(owner=user) | Q(latest_revision__user=user),
                has_unpublished_changes=True,
            )
            .annotate(_in_workflow=in_workflow)
            .annotate_approved_schedule()
            .filter(_in_workflow=False, _approved_schedule=False)
            # The status string asks each page about its workflow.
            .prefetch_workflow_states()
            .order_by("-latest_revision_created_at")[:PANEL_LIMIT]
        )
        return [
            {
                "title": page.get_admin_display_title(),
                "url": _edit_page_url(page),
                "cells": [
                    page.page_type_display_name,
                    page.status_string.capitalize(),
                    _when(page.latest_revision_created_at),
                ],
            }
            for page in pages
        ]


class ScheduledPanel(TablePanel):
    """Every page change approved to go live later, and live pages set to
    go offline, soonest first."""

    name = "bhp_scheduled"
    order = 230
    panel_id = "bhp-scheduled"
    heading = "Scheduled"
    columns = ["Type", "What happens", "When", "Scheduled by"]
    empty_text = "Nothing is scheduled to go live or offline."

    def get_rows(self, user):
        revisions = list(
            Revision.objects.page_revisions()
            .filter(approved_go_live_at__isnull=False)
            .order_by("approved_go_live_at")[:PANEL_LIMIT]
        )
        pages = Page.objects.in_bulk(
            [int(revision.object_id) for revision in revisions]
        )
        # Whoever published with a future go-live time, which in a workflow
        # is the approver, not the author of the revision.
        schedulers = _last_user_by(
            "revision_id", action="wagtail.publish.schedule", revision__in=revisions
        )
        events = [
            (
                revision.approved_go_live_at,
                pages[int(revision.object_id)],
                revision.object_str,
                "Goes live",
                schedulers.get(revision.pk),
            )
            for revision in revisions
            if int(revision.object_id) in pages
        ]
        expiring = list(
            Page.objects.live()
            .filter(expire_at__gt=timezone.now())
            .order_by("expire_at")[:PANEL_LIMIT]
        )
        # The expiry date goes live with a publish: its publisher set it.
        publishers = _last_user_by(
            "page_id", action="wagtail.publish", page__in=expiring
        )
        events += [
            (page.expire_at, page, page.title, "Goes offline", publishers.get(page.pk))
            for page in expiring
        ]
        events.sort(key=lambda event: event[0])
        return [
            {
                "title": title,
                "url": _edit_page_url(page),
                "cells": [
                    page.page_type_display_name,
                    action,
                    _when(when),
                    (by.get_full_name() or by.get_username()) if by else NOT_RECORDED,
                ],
            }
            for when, page, title, action, by in events[:PANEL_LIMIT]
        ]


class KeyFactsDuePanel(TablePanel):
    """Figures whose review-by date has come, so none goes stale unseen."""

    name = "bhp_key_facts_due"
    order = 240
    panel_id = "bhp-key-facts-due"
    heading = "Key facts due for review"
    columns = ["Source", "Owner", "Review by"]

    def get_intro(self, rows, user):
        if not rows:
            return ""
        count = KeyFact.objects.due_for_review().count()
        figures = "figure has" if count == 1 else "figures have"
        return (
            f"{count} {figures} reached the review-by date. Check each against "
            "its source, then update the figure, its date and the next "
            "review-by date."
        )

    def is_shown_to(self, user):
        return user.has_perm("core.change_keyfact")

    def get_more_link(self, rows, user):
        return (reverse("key_facts_due_for_review"), "All key facts due for review")

    def get_rows(self, user):
        facts = KeyFact.objects.due_for_review().order_by("review_by")
        return [
            {
                "title": str(fact),
                "url": reverse("wagtailsnippets_core_keyfact:edit", args=[fact.pk]),
                "cells": [fact.source_name, fact.owner, _when(fact.review_by, "j F Y")],
            }
            for fact in facts[:PANEL_LIMIT]
        ]


def add_panels(request, panels):
    panels.extend(
        panel
        for panel in (DraftsPanel(), ScheduledPanel(), KeyFactsDuePanel())
        if panel.is_shown_to(request.user)
    )
