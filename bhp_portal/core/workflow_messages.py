"""Say what a sign-off decision did. After "Approve and publish" or "Request
changes" in the page editor, Wagtail only says "Page '…' has been updated",
which leaves the moderator guessing whether the page is now public."""

from django.contrib import messages
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "the author"


def outcome(page, action):
    """The message for `action` ("approve" or "reject") just taken on
    `page`, or None for any other action."""
    state = page.workflow_states.order_by("-created_at").first()
    title = page.get_admin_display_title()
    if state is None:
        return None
    if action == "reject":
        return (
            f"Changes requested from {_name(state.requested_by)}: “{title}” goes "
            "back to them, with your comment, and nothing was published."
        )
    if action != "approve":
        return None
    if state.status == state.STATUS_IN_PROGRESS:
        task = state.current_task_state.task
        return f"Approved “{title}”. It now awaits the next step: {task.name}."
    page.refresh_from_db(fields=["live", "go_live_at", "has_unpublished_changes"])
    if page.go_live_at and page.go_live_at > timezone.now():
        when = format_date(timezone.localtime(page.go_live_at), "j F Y, H:i")
        return f"Approved “{title}”: it is scheduled to go live on {when}."
    return f"Published “{title}”: the approved version is now live."


def replace_update_message(request, page):
    """after_edit_page: put the decision's outcome in place of Wagtail's
    generic message, keeping any other message queued for the user."""
    if "action-workflow-action" not in request.POST:
        return
    text = outcome(page, request.POST.get("workflow-action-name"))
    if text is None:
        return
    generic = admin_messages.render(
        _("Page '%(page_title)s' has been updated.")
        % {"page_title": page.get_admin_display_title()},
        None,
    )
    # Reading the storage empties its queue; what is added again is kept.
    queued = list(messages.get_messages(request))
    for message in queued:
        if message.message != generic:
            messages.add_message(
                request, message.level, message.message, message.extra_tags
            )
    admin_messages.success(request, text)
