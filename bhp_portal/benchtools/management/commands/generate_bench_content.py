"""Fill the news section with N articles for the benchmark (make bench).

Creating pages one by one through treebeard costs a dozen queries each and
indexes each for search, so 10,000 articles would take many minutes. Instead
each batch of pages gets the places treebeard's add_child would give it,
worked out with treebeard's own path helpers, and goes in with one bulk
insert; the article rows are saved raw (their own table only, as loaddata
does) and the search index is filled in bulk. The result is an ordinary,
published page tree.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from bhp_portal.core.demo import demo_image, paragraphs
from news.factories import NewsIndexPageFactory
from news.models import NewsArticlePage
from research.factories import ResearchThemePageFactory
from research.models import ResearchThemePage

SLUG_PREFIX = "bench-article-"
BATCH = 500
TOPICS = [
    "clinical trial",
    "data science",
    "rare disease",
    "cancer research",
    "mental health",
    "medical devices",
    "genomics",
    "public health",
]


class Command(BaseCommand):
    help = (
        "Add generated news articles until there are N of them (bench data: "
        "use a database of its own, not production)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, articles, seed, **options):
        if not 0 <= articles <= 20_000:
            raise CommandError("--articles must be between 0 and 20,000.")
        news_index = NewsIndexPageFactory()
        themes = list(ResearchThemePage.objects.live()) or (
            ResearchThemePageFactory.create_batch(2)
        )
        existing = news_index.get_children().filter(slug__startswith=SLUG_PREFIX)
        start = existing.count()
        if articles <= start:
            self.stdout.write(f"{articles} bench articles already exist.")
            return

        rng = random.Random(seed)  # noqa: S311  # nosec B311 (made-up data, not secrets)
        images = [
            demo_image(f"Bench card {n}", "", seed=100 + n, size=(800, 450))
            for n in range(4)
        ]
        for first in range(start + 1, articles + 1, BATCH):
            numbers = range(first, min(first + BATCH, articles + 1))
            add_articles(news_index, numbers, themes, images, rng)
            self.stdout.write(f"{numbers[-1]} articles")
        # Until autovacuum catches up, the planner believes the tables are as
        # small as before the bulk insert and joins search matches to pages in
        # nested loops: 12 s instead of 40 ms for one search.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"{articles} bench articles in place."))


@transaction.atomic
def add_articles(news_index, numbers, themes, images, rng):
    pages = bench_pages(numbers, rng)
    append_children(news_index, pages)
    Page.objects.bulk_create(pages)
    articles = [bench_article(page, images, rng) for page in pages]
    for article in articles:
        article.save_base(raw=True)
    through = NewsArticlePage.themes.through
    through.objects.bulk_create(
        through(newsarticlepage_id=article.pk, researchthemepage_id=theme.pk)
        for article in articles
        for theme in rng.sample(themes, k=min(len(themes), rng.randint(1, 2)))
    )
    get_search_backend().add_bulk(
        NewsArticlePage, NewsArticlePage.objects.filter(pk__in=[p.pk for p in pages])
    )


def append_children(parent, pages):
    """Give `pages` the tree places add_child would, one after another after
    `parent`'s last child (treebeard's MP_AddChildHandler does the same)."""
    depth = parent.depth + 1
    last = parent.get_last_child()
    path = last._inc_path() if last else Page._get_path(parent.path, depth, 1)
    for page in pages:
        page.path, page.depth = path, depth
        page.set_url_path(parent)
        path = page._inc_path()
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


def bench_pages(numbers, rng):
    """The published page rows of bench articles `numbers`, not yet in the tree."""
    now = timezone.now()
    shared = {
        "content_type": ContentType.objects.get_for_model(NewsArticlePage),
        "locale": Locale.get_default(),
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }
    pages = []
    for number in numbers:
        title = f"Bench article {number}: new findings in {rng.choice(TOPICS)}"
        slug = f"{SLUG_PREFIX}{number}"
        pages.append(Page(title=title, draft_title=title, slug=slug, **shared))
    return pages


def bench_article(page, images, rng):
    topic = page.title.rsplit(" in ", 1)[-1]
    return NewsArticlePage(
        page_ptr=page,
        summary=f"Generated article about {topic} for the benchmark.",
        listing_image=rng.choice(images),
        date=datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 2000)),
        body=[
            (
                "rich_text",
                paragraphs(
                    f"Researchers across the partnership report progress in "
                    f"{topic}, with results that will shape care in the region.",
                    "This text is generated to measure the site under load.",
                ),
            )
        ],
    )
