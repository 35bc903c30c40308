from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KeyFact
from .reports import KeyFactsDueForReviewView


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
