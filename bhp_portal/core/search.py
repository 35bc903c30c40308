"""Site search: one relevance-ordered query over every live, public page.

Page types say which result type they are with a `search_result_type` class
attribute (a key of RESULT_TYPES; "pages" when absent), so core needs no
import of the content apps to filter by type.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

MAX_QUERY_LENGTH = 200
# New terms a day that Reports > Search terms records (security round two).
NEW_SEARCH_TERMS_PER_DAY = 1000


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    plural: str


RESULT_TYPES = {
    rt.key: rt
    for rt in (
        ResultType("themes", "Research theme", "Research themes"),
        ResultType("partners", "Partner", "Partners"),
        ResultType("sites", "HDR UK site", "HDR UK sites"),
        ResultType("news", "News", "News"),
        ResultType("pages", "Page", "Other pages"),
    )
}
DEFAULT_RESULT_TYPE = "pages"
# Section names people type into the address bar: /research/ holds the themes.
RESULT_TYPE_ALIASES = {"research": "themes", "hdr-uk": "sites"}


def result_type_of(page):
    return RESULT_TYPES[getattr(page, "search_result_type", DEFAULT_RESULT_TYPE)]


def clean_query(raw):
    """The query without surrounding space, at most MAX_QUERY_LENGTH long, and
    whether it was shortened. (The form has already refused NUL characters,
    which PostgreSQL cannot store or search for.)"""
    query = raw.strip()
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def content_types_for(type_key):
    models = [
        model
        for model in get_page_models()
        if getattr(model, "search_result_type", DEFAULT_RESULT_TYPE) == type_key
    ]
    return list(ContentType.objects.get_for_models(*models).values())


def search_pages(query, type_key=None, exclude_ids=()):
    """Search results (lazy, sliceable, countable) of live, public pages, most
    relevant first, as specific page objects.

    The type filter and exclusions are part of the one backend query, so the
    database orders and paginates the results: searching each type apart and
    merging would lose the relevance order.
    """
    pages = Page.objects.live().public()
    if type_key:
        pages = pages.filter(content_type__in=content_types_for(type_key))
    if exclude_ids:
        pages = pages.exclude(pk__in=exclude_ids)
    return pages.specific().defer_streamfields().search(query)


def promotions_for(query):
    """Editors' promoted results for the query, in their order, leaving out
    promoted pages that are not live and public. Each item has a title, url,
    description and (for pages) the specific page."""
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query)
        )
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    pages = {}
    if page_ids:
        visible = Page.objects.live().public().filter(pk__in=page_ids)
        pages = {page.pk: page for page in visible.specific().defer_streamfields()}
    items = []
    for promotion in promotions:
        if promotion.page_id is None:
            items.append(
                Promotion(
                    promotion.external_link_text or promotion.external_link_url,
                    promotion.external_link_url,
                    promotion.description,
                )
            )
        elif promotion.page_id in pages:
            page = pages[promotion.page_id]
            items.append(
                Promotion(
                    page.title,
                    page.url,
                    promotion.description or getattr(page, "summary", ""),
                    page,
                )
            )
    return items


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str
    page: Page | None = None


def record_search(query):
    """Count the search in the editors' Reports > Search terms. Terms already
    there are always counted; new ones only up to NEW_SEARCH_TERMS_PER_DAY,
    so a flood of made-up searches cannot grow the table without end."""
    term = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if term is None:
        if not new_search_term_allowed():
            return
        term = Query.get(query)
    term.add_hit()


def new_search_term_allowed():
    """Counts the day's new terms in the shared cache; while it is down, only
    known terms are counted."""
    key = f"search-terms:new:{timezone.localdate()}"
    cache.add(key, 0, 25 * 60 * 60)
    try:
        return cache.incr(key) <= NEW_SEARCH_TERMS_PER_DAY
    except ValueError:
        return False
