from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import two_factor
from .content_checks import BHPContentChecker
from .dashboard import add_panels
from .models import KeyFact
from .reports import KeyFactsDueForReviewView
from .workflow_messages import replace_update_message


class KeyFactViewSet(SnippetViewSet):
    model = KeyFact
    icon = "table"
    menu_label = "Key facts"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["__str__", "source_name", "as_of", "review_by"]
    list_filter = ["source_name", "review_by"]
    search_fields = ["label", "figure", "source_name"]


register_snippet(KeyFactViewSet)


class KeyFactReportMenuItem(MenuItem):
    def is_shown(self, request):
        return KeyFactsDueForReviewView.permission_policy.user_has_any_permission(
            request.user, ["change"]
        )


@hooks.register("register_admin_urls")
def register_key_fact_report_urls():
    return [
        path(
            "reports/key-facts-due-for-review/",
            KeyFactsDueForReviewView.as_view(),
            name="key_facts_due_for_review",
        ),
        path(
            "reports/key-facts-due-for-review/results/",
            KeyFactsDueForReviewView.as_view(results_only=True),
            name="key_facts_due_for_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_key_fact_report_menu_item():
    return KeyFactReportMenuItem(
        "Key facts due for review",
        reverse("key_facts_due_for_review"),
        name="key-facts-due-for-review",
        icon_name="table",
        order=1300,
    )


hooks.register("construct_homepage_panels", add_panels)
hooks.register("after_edit_page", replace_update_message)


@hooks.register("insert_global_admin_css")
def admin_branding_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_wagtail_userbar")
def use_bhp_content_checks(request, items, page):
    """Swap Wagtail's content checker for ours, in the userbar and in the
    editor's Checks panel alike."""
    items[:] = [
        BHPContentChecker(page, in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.urlpatterns


@hooks.register("register_admin_viewset")
def register_task_results():
    from .task_results import TaskResultViewSet

    return TaskResultViewSet("task_results")


# Contact enquiries are visitors' personal data: only the people who answer
# them (the Enquiries group) and administrators read them in the admin, not
# everyone who may edit the contact page (docs/security.md).
ENQUIRIES_GROUP = "Enquiries"


@hooks.register("filter_form_submissions_for_user")
def enquiries_only_for_those_who_answer_them(user, editable_forms):
    from wagtail.contrib.forms.utils import get_form_types
    from wagtail.models import Page

    if user.is_superuser or user.groups.filter(name=ENQUIRIES_GROUP).exists():
        return Page.objects.filter(content_type__in=get_form_types())
    return editable_forms.none()
