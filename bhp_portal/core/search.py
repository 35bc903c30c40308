"""Site search: one relevance-ordered query over every live, public page.

Each page type says which kind of result it is with a `search_result_type`
class attribute (a SearchResultType; BasePage's is OTHER_PAGES), and the
filters on the results page are built from the page models Wagtail knows, so
core names no content app and a new page type needs no edit here.
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from . import counters

MAX_QUERY_LENGTH = 200
# New terms a day that Reports > Search terms records (security round two).
NEW_SEARCH_TERMS_PER_DAY = 1000


@dataclass(frozen=True)
class SearchResultType:
    """A kind of search result: `slug` in ?type=, `label` beside each result,
    `plural` on its filter link. `aliases` are other values of ?type= that mean
    it, such as the name of the section its pages live in (/research/)."""

    slug: str
    label: str
    plural: str
    aliases: tuple[str, ...] = ()


OTHER_PAGES = SearchResultType("pages", "Page", "Other pages")


def result_type_of(page_or_model):
    return getattr(page_or_model, "search_result_type", OTHER_PAGES)


@cache
def result_types():
    """Every kind of result by slug, once each: in the order Wagtail lists the
    page models (INSTALLED_APPS, then each app's models), other pages last."""
    declared = dict.fromkeys(result_type_of(model) for model in get_page_models())
    declared.pop(OTHER_PAGES, None)
    return {result_type.slug: result_type for result_type in [*declared, OTHER_PAGES]}


@cache
def _slugs_by_alias():
    return {
        alias: result_type.slug
        for result_type in result_types().values()
        for alias in result_type.aliases
    }


def slug_for(value):
    """The slug `value` names, an alias resolved; anything else unchanged."""
    return _slugs_by_alias().get(value, value)


def clean_query(raw):
    """The query without surrounding space, at most MAX_QUERY_LENGTH long, and
    whether it was shortened. (The form has already refused NUL characters,
    which PostgreSQL cannot store or search for.)"""
    query = raw.strip()
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def content_types_for(slug):
    models = [
        model for model in get_page_models() if result_type_of(model).slug == slug
    ]
    return list(ContentType.objects.get_for_models(*models).values())


def search_pages(query, type_slug=None, exclude_ids=()):
    """Search results (lazy, sliceable, countable) of live, public pages, most
    relevant first, as specific page objects.

    The type filter and exclusions are part of the one backend query, so the
    database orders and paginates the results: searching each type apart and
    merging would lose the relevance order.
    """
    pages = Page.objects.live().public()
    if type_slug:
        pages = pages.filter(content_type__in=content_types_for(type_slug))
    if exclude_ids:
        pages = pages.exclude(pk__in=exclude_ids)
    return pages.specific().defer_streamfields().search(query)


def trails(pages):
    """Each page's ancestors below the home page (the sections it sits in),
    top first, by page id: one query for the whole list, whatever its length.
    Ancestors the public cannot see are left out."""
    step = Page.steplen
    paths = {
        page.pk: [page.path[:end] for end in range(3 * step, len(page.path), step)]
        for page in pages
    }
    wanted = {path for ancestor_paths in paths.values() for path in ancestor_paths}
    found = {}
    if wanted:
        found = {
            ancestor.path: ancestor
            for ancestor in Page.objects.live().public().filter(path__in=wanted)
        }
    return {
        pk: [found[path] for path in ancestor_paths if path in found]
        for pk, ancestor_paths in paths.items()
    }


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
    return 0 < counters.count(key, 25 * 60 * 60) <= NEW_SEARCH_TERMS_PER_DAY
