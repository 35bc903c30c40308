"""Site search, robots.txt, error pages and health probes. The error pages
and probes may not depend on the database unless that is what they check."""

import logging
import sys
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    transaction,
)
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Site

from . import navigation
from . import search as site_search
from .cache import paginator_counted_once, request_generation
from .tasks import oldest_wait_seconds

RESULTS_PER_PAGE = 10

logger = logging.getLogger(__name__)

# Seconds a client or proxy should wait before retrying during an outage.
RETRY_AFTER_SECONDS = 30
# SQLSTATEs of a lost or refused connection: class 08, the server shutting
# down or starting up, too many connections.
CONNECTION_FAILURES = ("08", "57P01", "57P02", "57P03", "53300")


def is_database_outage(exception):
    """True when the database could not be reached: a visitor gets the 503
    page. Any other database error (a missing column, a cancelled query) is
    a bug or an overload to see in the logs, and a 500."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    # Connection failures raised by the driver itself carry no SQLSTATE.
    code = getattr(exception.__cause__, "pgcode", None)
    return code is None or code.startswith(CONNECTION_FAILURES)


def database_unavailable(exception):
    logger.error("Database unavailable: %s: %s", type(exception).__name__, exception)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """The 500 page, rendered with no request context: whatever broke (the
    database, a context processor) cannot break the error page too. A lost
    database is an outage, not a bug, and gets the 503 page."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        return database_unavailable(exception)
    return HttpResponseServerError(loader.get_template("500.html").render())


class ResultTypeField(forms.ChoiceField):
    """A kind of result by its slug, or by one of its aliases."""

    def to_python(self, value):
        return site_search.slug_for(super().to_python(value))


def result_type_choices():
    return [
        ("", "All results"),
        *((slug, rt.plural) for slug, rt in site_search.result_types().items()),
    ]


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=False, label="Search this site")
    type = ResultTypeField(
        required=False,
        label="Show",
        choices=result_type_choices,
        error_messages={"invalid_choice": "Choose one of the listed kinds of page."},
    )


# Kept in the shared page cache like any page (its key holds the normalised
# query, core/cache.py); a promotion an editor adds retires it at once
# (core/signals.py), and each copy served still counts in the editors' search
# terms report.
@require_safe
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "core/search.html", {"form": form}, status=400)
    query, shortened = site_search.clean_query(form.cleaned_data["q"])
    type_slug = form.cleaned_data["type"]
    context = {"form": form, "query": query, "shortened": shortened}
    if query:
        context.update(_results(request, query, type_slug))
        context["result_type"] = site_search.result_types().get(type_slug)
        context["type_links"] = _type_links(query, type_slug)
        site = Site.find_for_request(request)
        context["browse"] = (
            navigation.main_menu(site, request_generation(request)) if site else []
        )
    response = TemplateResponse(request, "core/search.html", context)
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number == 1:
        # Turning to the next page is the same search, so it is not counted.
        site_search.record_search(query)
        response.search_term = query
    return response


def _type_links(query, current):
    return {
        "all": urlencode({"q": query}),
        "types": [
            {
                "type": result_type,
                "query": urlencode({"q": query, "type": slug}),
                "current": slug == current,
            }
            for slug, result_type in site_search.result_types().items()
        ],
    }


def _results(request, query, type_slug):
    # Promotions stand above the results of an unfiltered search, and are then
    # left out of the results on every page so no page repeats them.
    promotions = [] if type_slug else site_search.promotions_for(query)
    results = site_search.search_hits(
        query,
        type_slug=type_slug,
        exclude_ids=[item.page.pk for item in promotions if item.page],
    )
    try:
        # A savepoint, so a query the backend cannot parse leaves the
        # request's transaction usable for the error page.
        with transaction.atomic():
            paginator = paginator_counted_once(
                request, f"search:{type_slug}:{query}", results, RESULTS_PER_PAGE
            )
            page_obj = paginator.get_page(request.GET.get("page"))
            page_obj.object_list = list(page_obj.object_list)
    except (DatabaseError, ValueError):
        return {"search_failed": True}
    params = {"q": query, **({"type": type_slug} if type_slug else {})}
    return {
        "page_obj": page_obj,
        "results": page_obj.object_list,
        "promotions": promotions if page_obj.number == 1 else [],
        "pagination_query": urlencode(params),
    }


@require_safe
def robots_txt(request):
    # The sitemap lists the site's canonical addresses, so robots.txt names it
    # at the same origin (the Site record's), whichever host was asked.
    site = Site.find_for_request(request)
    base = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return TemplateResponse(
        request,
        "robots.txt",
        {
            "sitemap_url": base + reverse("sitemap"),
            "admin_path": f"/{settings.WAGTAIL_ADMIN_PATH}",
        },
        content_type="text/plain; charset=utf-8",
    )


@never_cache
def healthz(request):
    """Liveness: the process answers. Touches nothing else, so a database
    outage does not get healthy workers restarted."""
    return HttpResponse("ok", content_type="text/plain")


def _database_ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ready():
    # The cache fails open (core.cache), so a lost Redis shows up as a value
    # that does not come back rather than as an exception.
    key = "core:readyz"
    cache.set(key, "1", 10)
    return cache.get(key) == "1"


def _task_queue_wait():
    """Seconds the longest-waiting due task has waited, or None when the
    queue cannot be read."""
    try:
        return round(oldest_wait_seconds(), 1)
    except DatabaseError:
        return None


@never_cache
def readyz(request):
    """Readiness: the database and the cache answer, and the task queue is
    being drained (no due task has waited over TASKS_MAX_WAIT_SECONDS: a
    worker is down or overwhelmed). The body says which failed, never why:
    connection strings and errors stay in the log."""
    database = _database_ready()
    wait = _task_queue_wait() if database else None
    checks = {
        "database": database,
        "cache": _cache_ready(),
        "tasks": wait is not None and wait <= settings.TASKS_MAX_WAIT_SECONDS,
    }
    ready = all(checks.values())
    if not ready:
        logger.error(
            "Not ready: %s", ", ".join(k for k, ok in checks.items() if not ok)
        )
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            **body,
            "oldest_task_wait_seconds": wait,
        },
        status=200 if ready else 503,
    )
