"""Site search: one relevance-ordered query over every live, public page.

Each page type says which kind of result it is with a `search_result_type`
class attribute (a SearchResultType; BasePage's is OTHER_PAGES), and the
filters on the results page are built from the page models Wagtail knows, so
core names no content app and a new page type needs no edit here.

Pages are found in Wagtail's search index (its `wagtailsearch_indexentry`
rows, kept up to date by Wagtail on publish and by `update_index`), matched on
the stored `title || body` vector core/migrations/0012 adds, and ranked as
Wagtail ranks them, but only the RANKED_CANDIDATES best by a cheap pre-order
(see RankedSearch): a common word matches nearly every page, and ranking each
match was most of a search's cost (docs/performance.md).
"""

from dataclasses import dataclass
from functools import cache
from string import Formatter

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models.sql import Query as SQLQuery
from django.utils import timezone
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from . import counters

MAX_QUERY_LENGTH = 200
# How many of a search's matches PostgreSQL ranks, the best first by the
# pre-order of RankedSearch: 50 pages of results. Matches beyond them follow
# the ranked ones in that pre-order, so every match can still be reached.
RANKED_CANDIDATES = 500
# Stored vectors on Wagtail's index rows, each with a GIN index
# (core/migrations/0012_search_title_body_column.py): `title || body`, and
# its words from boosted fields (weights A to C: page titles, summaries,
# tags), which is where Wagtail's weights put the most relevant matches.
TITLE_BODY_COLUMN = "core_title_body"
BOOSTED_WORDS_COLUMN = "core_boosted_words"
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


def search_hits(query, type_slug=None, exclude_ids=()):
    """Search results (lazy, sliceable, countable) of live, public pages, most
    relevant first, as SearchHit: page ids at once, the pages themselves only
    if a result is not already in the shared cache (the results page keeps
    each result as a fragment).

    The type filter and exclusions are part of the one ranking query, so the
    database orders and paginates the results: searching each type apart and
    merging would lose the relevance order.
    """
    return RankedSearch(query, _searched_pages(type_slug, exclude_ids))


def _searched_pages(type_slug, exclude_ids):
    pages = Page.objects.live().public()
    if type_slug:
        pages = pages.filter(content_type__in=content_types_for(type_slug))
    if exclude_ids:
        pages = pages.exclude(pk__in=exclude_ids)
    return pages


class RankedSearch:
    """The pages of `pages` (a queryset) that match `query`, in relevance
    order, as SearchHit: sliceable (one query for the page ids of the slice;
    the pages, one query per page type among them, when a hit's page is first
    read), countable (one query, no ranking), iterable.

    The order, the same on every request until the index changes:

    1. A pre-order that costs no ranking: first the matches holding every
       word in boosted fields (page titles, summaries, tags), then the
       others; within each, those whose index title holds the words (the
       page's title or, for an article, its themes' titles) first, shorter
       titles first (Wagtail's title norm, which multiplies the title's
       rank), then the newest.
    2. The first RANKED_CANDIDATES of that pre-order are ranked as Wagtail's
       search ranks: title rank times the title norm, plus body rank, with
       Wagtail's weights. They come first, most relevant first.
    3. Any further matches follow in the pre-order.

    Matches in boosted fields are found through their own GIN index; when
    they alone fill RANKED_CANDIDATES (a common word), the other matches are
    not read at all unless a page beyond the ranked ones is asked for. A
    search with at most RANKED_CANDIDATES matches is ranked in full, as
    Wagtail's own search ranks it.
    """

    def __init__(self, query, pages):
        self.query = query
        self.pages = pages.order_by()
        self._count = None

    def count(self):
        if self._count is None:
            sql, params = self._sql(count=True)
            if sql is None:
                self._count = 0
            else:
                self._count = self._fetch(sql, params)[0][0]
        return self._count

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if isinstance(key, int):
            if key < 0:
                raise IndexError("Negative indexing is not supported.")
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        if key.step is not None or (key.start or 0) < 0 or (key.stop or 0) < 0:
            raise ValueError("Only slices with non-negative bounds are supported.")
        start = key.start or 0
        if key.stop is not None and key.stop <= start:
            return []
        sql, params = self._sql(start=start, stop=key.stop)
        if sql is None:
            return []
        return _lazy_hits(self._fetch(sql, params))

    def _fetch(self, sql, params):
        with connections[self.pages.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _sql(self, count=False, start=0, stop=None):
        """The SQL and parameters of the count or of the slice [start:stop] of
        (page id, content type id) rows; (None, None) if the query has no
        words to search for."""
        connection = connections[self.pages.db]
        words = _tsquery(self.query, connection)
        if words is None:
            return None, None
        parts = {
            "entries": (connection.ops.quote_name(IndexEntry._meta.db_table), []),
            "visible": self.pages.values(
                "id", "content_type_id"
            ).query.sql_with_params(),
            "page_types": ("%s", [_page_content_type_ids()]),
            "title_body": (TITLE_BODY_COLUMN, []),
            "boosted_words": (BOOSTED_WORDS_COLUMN, []),
            "words": words,
        }
        parts["visible_entries"] = _compose(VISIBLE_ENTRIES_SQL, **parts)
        if count:
            return _compose(COUNT_SQL, **parts)
        parts["keys"] = _compose(PRE_ORDER_KEYS_SQL, **parts)
        parts["pre_order"] = (PRE_ORDER, [])
        parts["candidates"] = ("%s", [RANKED_CANDIDATES])
        parts["weights"] = ("%s::float4[]", [get_sql_weights()])
        if stop is not None and stop <= RANKED_CANDIDATES:
            # The slice lies among the ranked matches: the rest are not read.
            parts["ordered"] = _compose(RANKED_ONLY_SQL, **parts)
        else:
            parts["ordered"] = _compose(RANKED_THEN_REST_SQL, **parts)
        parts["limit"] = ("%s", [None if stop is None else stop - start])
        parts["offset"] = ("%s", [start])
        return _compose(RESULTS_SQL, **parts)


# The SQL of RankedSearch. Each {name} is SQL that RankedSearch._sql puts
# there, with its parameters (_compose keeps them in order); every value is a
# parameter.
VISIBLE_ENTRIES_SQL = """
    {entries} AS entry
    JOIN ({visible}) AS page
      ON page.id = entry.object_id::integer
     AND page.content_type_id = entry.content_type_id
    WHERE entry.content_type_id = ANY({page_types})
"""
COUNT_SQL = "SELECT COUNT(*) FROM {visible_entries} AND entry.{title_body} @@ {words}"
# The pre-order's keys (RankedSearch, 1.), the same for every match wherever
# it is read from.
PRE_ORDER_KEYS_SQL = """
    page.id AS page_id, page.content_type_id,
    CASE WHEN entry.{boosted_words} @@ {words} THEN 0 ELSE 1 END AS part,
    CASE WHEN entry.title @@ {words} THEN entry.title_norm ELSE 0 END AS norm
"""
PRE_ORDER = "part, norm DESC, page_id DESC"
RESULTS_SQL = """
WITH boosted_matches AS MATERIALIZED (
    SELECT {keys}, entry.title, entry.body, entry.title_norm
    FROM {visible_entries} AND entry.{boosted_words} @@ {words}
    ORDER BY {pre_order} LIMIT {candidates}
), other_matches AS (
    SELECT {keys}, entry.title, entry.body, entry.title_norm
    FROM {visible_entries}
      AND entry.{title_body} @@ {words}
      AND NOT entry.{boosted_words} @@ {words}
      -- Not read at all when the boosted matches fill the candidates.
      AND (SELECT count(*) FROM boosted_matches) < {candidates}
    ORDER BY {pre_order} LIMIT {candidates}
), ranked AS (
    SELECT page_id, content_type_id, part, norm,
           ts_rank({weights}, title, {words}) * title_norm
           + ts_rank({weights}, body, {words}) AS rank
    FROM (
        SELECT * FROM boosted_matches
        UNION ALL
        SELECT * FROM other_matches
        ORDER BY {pre_order} LIMIT {candidates}
    ) AS candidate
)
{ordered}
LIMIT {limit} OFFSET {offset}
"""
RANKED_ONLY_SQL = """
SELECT page_id, content_type_id FROM ranked ORDER BY rank DESC, {pre_order}
"""
RANKED_THEN_REST_SQL = """
SELECT page_id, content_type_id FROM (
    SELECT *, 0 AS section FROM ranked
    UNION ALL
    SELECT page_id, content_type_id, part, norm, NULL, 1 FROM (
        SELECT {keys} FROM {visible_entries} AND entry.{title_body} @@ {words}
        ORDER BY {pre_order} OFFSET {candidates}
    ) AS rest
) AS ordered
ORDER BY section, rank DESC, {pre_order}
"""


def _compose(template, **parts):
    """`template` with each {name} replaced by the SQL of parts[name], a
    (sql, params) pair, and the parameters in the order their SQL comes."""
    sql, params = [], []
    for literal, name, _spec, _conversion in Formatter().parse(template):
        sql.append(literal)
        if name is not None:
            part_sql, part_params = parts[name]
            sql.append(part_sql)
            params.extend(part_params)
    return "".join(sql), params


def _tsquery(query, connection):
    """The SQL and parameters of the query as Wagtail's search backend parses
    it (words joined with AND, each stemmed); None if it has no words.

    The backend names its text search configuration (settings), so PostgreSQL
    parses the query once, not once for each row it is compared with."""
    backend = get_search_backend()
    compiler = backend.query_compiler_class(Page.objects.none(), query)
    tsquery = compiler.build_tsquery(compiler.query, config=backend.config)
    if tsquery is None:
        return None
    sql_query = SQLQuery(IndexEntry)
    sql_compiler = sql_query.get_compiler(connection=connection)
    return sql_compiler.compile(tsquery.resolve_expression(sql_query))


@cache
def _page_content_type_ids():
    return [
        ct.pk for ct in ContentType.objects.get_for_models(*get_page_models()).values()
    ]


def _specific_pages(rows):
    """The pages of (page id, content type id) rows, as specific pages in the
    rows' order: one query per page type."""
    ids_by_type = {}
    for page_id, content_type_id in rows:
        ids_by_type.setdefault(content_type_id, []).append(page_id)
    found = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        found.update(model.objects.filter(pk__in=ids).defer_streamfields().in_bulk())
    return [found[page_id] for page_id, _ in rows if page_id in found]


@dataclass(frozen=True)
class SearchHit:
    """One result: its page id; its specific page, kind of result and trail
    read, together with those of every hit of the same slice, at first use."""

    page_id: int
    _slice: "_HitSlice"

    @property
    def page(self):
        return self._slice.pages().get(self.page_id)

    @property
    def type(self):
        return result_type_of(self.page)

    @property
    def trail(self):
        return self._slice.trails().get(self.page_id, [])


class _HitSlice:
    def __init__(self, rows):
        self.rows = rows
        self._pages = self._trails = None

    def pages(self):
        if self._pages is None:
            self._pages = {page.pk: page for page in _specific_pages(self.rows)}
        return self._pages

    def trails(self):
        if self._trails is None:
            self._trails = trails(self.pages().values())
        return self._trails


def _lazy_hits(rows):
    hit_slice = _HitSlice(rows)
    return [SearchHit(page_id, hit_slice) for page_id, _ in rows]


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
    if _count_known_term(normalise_query_string(query)):
        return
    if new_search_term_allowed():
        Query.get(query).add_hit()


# Wagtail's Query.add_hit() in one statement for a known term (a search's
# most common case), instead of a lookup, a get_or_create and an update;
# QueryDailyHits is unique on (query, date), so concurrent searches each add one.
COUNT_KNOWN_TERM_SQL = """
INSERT INTO {hits} (query_id, date, hits)
SELECT id, %s, 1 FROM {terms} WHERE query_string = %s
ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1
"""


def _count_known_term(query_string):
    """Adds today's hit to a term already recorded; False if it is not."""
    connection = connections[Query.objects.db]
    quote = connection.ops.quote_name
    sql = COUNT_KNOWN_TERM_SQL.format(
        hits=quote(QueryDailyHits._meta.db_table), terms=quote(Query._meta.db_table)
    )
    with connection.cursor() as cursor:
        # The date as add_hit() takes it, so both paths count the same day.
        cursor.execute(sql, [timezone.now().date(), query_string])
        return cursor.rowcount == 1


def new_search_term_allowed():
    """Counts the day's new terms in the shared cache; while it is down, only
    known terms are counted."""
    key = f"search-terms:new:{timezone.localdate()}"
    return 0 < counters.count(key, 25 * 60 * 60) <= NEW_SEARCH_TERMS_PER_DAY
