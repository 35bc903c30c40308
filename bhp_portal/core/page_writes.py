"""One admin write to a page at a time.

Wagtail's page views read the page and its workflow state, then act on what
they read. Two submissions at once (a double click on Approve, a second tab
resubmitting) both act on the same state, and the later one fails half-way
with a 500, or creates a second page on the same tree position. Here each
admin POST about a page holds a row lock on that page (the parent, when a page
is added) for the whole request: the second submission waits, then sees what
the first did, and Wagtail answers it as it would any out-of-date form.
"""

from django.db import transaction
from wagtail.models import Page

from .middleware import admin_prefix

# The URL arguments that name the page an admin view writes to.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id")


class SerialisePageWritesMiddleware:
    """Last in MIDDLEWARE: it runs the view itself, inside the lock."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        page_id = next(
            (view_kwargs[name] for name in PAGE_ARGUMENTS if name in view_kwargs),
            None,
        )
        if (
            request.method != "POST"
            or page_id is None
            or not request.path_info.startswith(admin_prefix())
        ):
            return None
        with transaction.atomic():
            # A row lock, held until the view's work is committed.
            list(Page.objects.select_for_update().filter(pk=page_id).values("pk"))
            return view_func(request, *view_args, **view_kwargs)
