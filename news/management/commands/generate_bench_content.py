"""Fill the news section with N articles for the benchmark (make bench).

Creating pages one by one through treebeard costs a dozen queries each, so
10,000 articles would take many minutes. Instead the tree paths are computed
here, the page rows go in with one bulk insert per batch, the article rows
are saved raw (their own table only, as loaddata does), and the search index
is filled in bulk. The result is an ordinary, published page tree.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from bhp_portal.core.demo import demo_image, paragraphs
from bhp_portal.core.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from research.models import ResearchIndexPage, ResearchThemePage

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
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run load_demo_content first.")
        news_index = ensure_index(home, NewsIndexPage, "news", "News")
        themes = ensure_themes(home)
        existing = news_index.get_children().filter(slug__startswith=SLUG_PREFIX)
        missing = articles - existing.count()
        if missing <= 0:
            self.stdout.write(f"{articles} bench articles already exist.")
            return

        rng = random.Random(seed)  # noqa: S311  # nosec B311 (made-up data, not secrets)
        images = [
            demo_image(f"Bench card {n}", "", seed=100 + n, size=(800, 450))
            for n in range(4)
        ]
        start = existing.count()
        for first in range(start, start + missing, BATCH):
            count = min(BATCH, start + missing - first)
            add_articles(news_index, first, count, themes, images, rng)
            self.stdout.write(f"{first + count} articles")
        # Until autovacuum catches up, the planner believes the tables are as
        # small as before the bulk insert and joins search matches to pages in
        # nested loops: 12 s instead of 40 ms for one search.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"{articles} bench articles in place."))


def ensure_index(home, model, slug, title):
    index = model.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=model(title=title, slug=slug))
    return index


def ensure_themes(home):
    themes = list(ResearchThemePage.objects.live())
    if not themes:
        research = ensure_index(home, ResearchIndexPage, "research", "Research")
        themes = [
            research.add_child(instance=ResearchThemePage(title=title, slug=slug))
            for title, slug in [("Cancer", "cancer"), ("Rare diseases", "rare")]
        ]
    return themes


@transaction.atomic
def add_articles(news_index, first, count, themes, images, rng):
    news_index.refresh_from_db()
    last = news_index.get_last_child()
    next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    pages = []
    for offset in range(count):
        number = first + offset + 1
        topic = rng.choice(TOPICS)
        slug = f"{SLUG_PREFIX}{number}"
        title = f"Bench article {number}: new findings in {topic}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale=locale,
                path=Page._get_path(news_index.path, news_index.depth + 1, next_step),
                depth=news_index.depth + 1,
                numchild=0,
                url_path=f"{news_index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
        next_step += 1
    Page.objects.bulk_create(pages)

    articles = []
    for page in pages:
        topic = page.title.rsplit(" in ", 1)[-1]
        article = NewsArticlePage(
            page_ptr=page,
            summary=f"Generated article about {topic} for the benchmark.",
            listing_image=rng.choice(images),
            date=datetime.date(2020, 1, 1)
            + datetime.timedelta(days=rng.randint(0, 2000)),
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
        article.save_base(raw=True)
        articles.append(article)

    through = NewsArticlePage.themes.through
    through.objects.bulk_create(
        through(newsarticlepage_id=article.pk, researchthemepage_id=theme.pk)
        for article in articles
        for theme in rng.sample(themes, k=min(len(themes), rng.randint(1, 2)))
    )
    Page.objects.filter(pk=news_index.pk).update(numchild=news_index.numchild + count)
    get_search_backend().add_bulk(
        NewsArticlePage, NewsArticlePage.objects.filter(pk__in=[p.pk for p in pages])
    )
