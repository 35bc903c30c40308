"""Admin report of key facts whose review-by date has passed."""

import datetime

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import KeyFact


class KeyFactsDueForReviewView(ReportView):
    page_title = "Key facts due for review"
    header_icon = "table"
    index_url_name = "key_facts_due_for_review"
    index_results_url_name = "key_facts_due_for_review_results"
    permission_policy = ModelPermissionPolicy(KeyFact)
    any_permission_required = ["change"]
    columns = [
        TitleColumn(
            "label",
            label="Key fact",
            url_name="wagtailsnippets_core_keyfact:edit",
        ),
        Column("display_figure", label="Figure"),
        Column("source_name", label="Source"),
        Column("owner", label="Owner"),
        DateColumn("as_of", label="As of"),
        DateColumn("review_by", label="Review by"),
    ]
    list_export = ["label", "figure", "unit", "source_name", "owner", "review_by"]
    export_headings = {"source_name": "Source", "review_by": "Review by"}

    def get_queryset(self):
        return KeyFact.objects.due_for_review().order_by("review_by", "label")

    def get_filename(self):
        return f"key-facts-due-for-review-{datetime.date.today():%Y-%m-%d}"
