from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import EmbargoLink


def embargo_preview(request, token):
    """The latest draft of an embargoed article, for whoever holds the link.

    Rendered with Wagtail's own preview machinery, so it looks exactly as it
    will when published; never indexed and never cached.
    """
    link = get_object_or_404(EmbargoLink.objects.usable(), token=token)
    page = link.page.get_latest_revision_as_object()
    if not page.is_previewable():
        raise Http404
    request.embargo_link = link
    response = page.serve_preview(request, page.default_preview_mode)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
