"""The news index and news articles."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from bhp_portal.core.api_fields import card_rendition, page_links
from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.cache import request_generation
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.listings import filtered_page
from bhp_portal.core.models import BasePage, HeroImageMixin, optional_link
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import PageCheckboxes
from partners.api_fields import nested_organisations

# Twelve fill whole rows of two, three or four cards.
ARTICLES_PER_PAGE = 12
# Articles in a "Latest news" section, wherever it appears.
LATEST_NEWS_COUNT = 3


class ArticleType(models.TextChoices):
    # The values are the slugs used in ?type= filters.
    NEWS = "news", "News"
    PRESS_RELEASE = "press-release", "Press release"
    ANNOUNCEMENT = "announcement", "Announcement"
    BLOG = "blog", "Blog post"


class NewsIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(
        max_length=400, blank=True, help_text="A sentence or two above the list."
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_description = "The list of news and press releases, at /news/."
    # Its filters and page number: the page cache keys on these alone.
    cache_query_parameters = ("page", "partner", "theme", "type", "year")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    def articles(self):
        """Live, public articles under this index, newest first, ready for cards."""
        return NewsArticlePage.objects.child_of(self).for_cards()

    @path("")
    def index_route(self, request):
        # A filter naming something that does not exist is a missing page: the
        # list is still shown with the error, but crawlers are told 404.
        response = self.render(request)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 404
        return response

    def get_context(self, request, *args, **kwargs):
        from ..forms import NewsFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = NewsFilterForm(
            request.GET, index=self, generation=request_generation(request)
        )
        articles = form.filter(self.articles()) if form.is_valid() else []
        context.update(
            filtered_page(request, form, articles, ARTICLES_PER_PAGE, f"news:{self.pk}")
        )
        context.update(
            articles=context["page_obj"].object_list,
            feeds=self.feeds(request, form),
        )
        return context

    def feeds(self, request, form):
        """The feeds a page advertises: all news, and the chosen theme's."""
        feeds = [("All BHP news", self.reverse_subpage("feed"))]
        theme = form.cleaned_data.get("theme") if form.is_valid() else None
        if theme:
            feeds.append(
                (
                    f"BHP news: {theme.title}",
                    self.reverse_subpage("theme_feed", args=[theme.slug]),
                )
            )
        base = self.get_url(request)
        return [(title, base + subpath.lstrip("/")) for title, subpath in feeds]

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("feed/<slug:theme_slug>/", name="theme_feed")
    def theme_feed(self, request, theme_slug):
        from research.models import ResearchThemePage

        from ..feeds import NewsFeed

        theme = get_object_or_404(
            live_and_public(ResearchThemePage.objects), slug=theme_slug
        )
        return NewsFeed(self, theme=theme)(request)


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        "taggit.Tag",
        on_delete=models.CASCADE,
        related_name="news_newsarticletag_items",
        help_text="A keyword describing the article.",
    )


def in_live_section(pages):
    """`pages` whose parent (their section's index) is live, asked in the
    same query: a list on another page needs no query for the index."""
    path = OuterRef("path")
    parent = Page.objects.filter(
        live=True, path=Substr(path, 1, Length(path) - Page.steplen)
    )
    return pages.filter(Exists(parent))


def parent_url(page, request):
    """The address of `page`'s parent, without a query: a page's address is
    its parent's plus its slug."""
    url = page.get_url(request)
    return url[: url.rstrip("/").rfind("/") + 1]


class NewsArticleQuerySet(PageQuerySet):
    """Other apps reach these through their reverse relations, e.g. a theme's
    `news_articles.newest()`, without importing news."""

    def for_cards(self):
        """Live, public articles, newest first, with the images their cards
        show."""
        return with_card_images_joined(
            live_and_public(self)
            .defer_streamfields()
            .order_by("-date", "-first_published_at", "-pk")
        )

    def newest(self, count=LATEST_NEWS_COUNT):
        """The latest news: the first `count` of for_cards()."""
        return self.for_cards()[:count]

    def featuring(self, person):
        """for_cards() of the articles a person signs or is the press contact
        for (research.PersonPage.appearances reads this)."""
        named = self.filter(
            Q(authors__person=person)
            | Q(
                article_type=ArticleType.PRESS_RELEASE,
                press_contacts__contact__person=person,
            )
        )
        return self.filter(pk__in=named.values("pk")).for_cards()


class RelatedListsMixin:
    """What an article and an event both list around their body: their live,
    public themes (private ones stay unnamed), their partner organisations and
    the index they belong to. The lists are read when first used, each in one
    query, so the templates' cached fragments read none."""

    def live_themes(self):
        return live_and_public(self.themes).order_by("title")

    def related_lists(self):
        return {
            "themes": SimpleLazyObject(lambda: list(self.live_themes())),
            "organisations": SimpleLazyObject(lambda: list(self.organisations.all())),
            "index": self.get_parent().specific,
        }


class NewsArticlePage(RelatedListsMixin, HeroImageMixin, BasePage):
    date = models.DateField(
        default=timezone.localdate,
        help_text="Publication date shown on the article and used to order news.",
    )
    article_type = models.CharField(
        max_length=20,
        choices=ArticleType.choices,
        default=ArticleType.NEWS,
        help_text="Press releases also show press contacts, notes to editors and the "
        '"About BHP" note from Settings > News settings.',
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe what the image shows here. Leave empty to use the "
        "image's own description.",
    )
    hero_image_caption = models.CharField(
        max_length=250, blank=True, help_text="Shown under the hero image."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The article.")
    themes = ParentalManyToManyField(
        "research.ResearchThemePage",
        blank=True,
        related_name="news_articles",
        help_text="Research themes the article is about; it is listed on their pages.",
    )
    organisations = ParentalManyToManyField(
        "partners.Organisation",
        blank=True,
        related_name="news_articles",
        help_text="Partner organisations the article is about; it is listed on "
        "their pages.",
    )
    tags = ClusterTaggableManager(
        through=NewsArticleTag,
        blank=True,
        help_text="Free keywords, e.g. funding, data science, AI.",
    )
    notes_to_editors = RichTextField(
        features=settings.RICHTEXT_FEATURES["body"],
        blank=True,
        help_text="Background for journalists, printed after the article.",
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "A news story, press release, announcement or blog post."
    search_result_type = SearchResultType("news", "News", "News")

    @property
    def search_result_label(self):
        # News, press release, announcement or blog post, not just "News".
        return self.get_article_type_display()

    og_type = "article"
    card_image_fields = ("listing_image", "hero_image")

    objects = PageManager.from_queryset(NewsArticleQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("article_type")]),
        MultiFieldPanel(
            [
                FieldPanel(
                    "hero_image",
                    help_text="Wide image at the top of the article; also used on "
                    "cards and when shared unless other images are set under "
                    "Promote.",
                ),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        InlinePanel("authors", heading="Authors", label="Author"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=PageCheckboxes),
                FieldPanel("organisations"),
                FieldPanel("tags"),
            ],
            heading="Related research and partners",
        ),
        MultiFieldPanel(
            [
                InlinePanel("press_contacts", label="Press contact"),
                FieldPanel("notes_to_editors"),
            ],
            heading="For journalists",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("notes_to_editors"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("themes", [index.SearchField("title")]),
        index.RelatedFields(
            "organisations",
            [index.SearchField("name"), index.SearchField("short_name")],
        ),
        index.FilterField("date"),
        index.FilterField("article_type"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("article_type"),
        card_rendition("hero_image"),
        APIField("hero_image_alt", serializer=serializers.CharField(source="hero_alt")),
        APIField("body"),
        APIField("authors"),
        page_links("themes", source="live_themes"),
        nested_organisations("organisations"),
        APIField("tags"),
        APIField("notes_to_editors"),
    ]

    class Meta:
        ordering = ["-date"]
        # Newest-first lists (latest news, a theme's news, the index) read the
        # first few rows of this index instead of sorting every article.
        indexes = [models.Index(fields=["-date"], name="news_article_date_desc")]

    @property
    def is_press_release(self):
        return self.article_type == ArticleType.PRESS_RELEASE

    @property
    def hero_alt(self):
        return self.hero_image_alt or (
            self.hero_image.default_alt_text if self.hero_image else ""
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The body, the "Related" box's test and the head's metadata all read
        # these; like the related lists, each is one query when first read.
        context.update(
            self.related_lists(),
            authors=SimpleLazyObject(
                lambda: list(self.authors.select_related("person"))
            ),
            tags=SimpleLazyObject(lambda: list(self.tags.all())),
            press_contacts=SimpleLazyObject(self.get_press_contacts),
        )
        return context

    def get_press_contacts(self):
        if not self.is_press_release:
            return []
        contacts = self.press_contacts.select_related("contact__person")
        return [item.contact for item in contacts]


class NewsArticleAuthor(Orderable):
    page = ParentalKey(
        NewsArticlePage, on_delete=models.CASCADE, related_name="authors"
    )
    name = models.CharField(max_length=120, help_text="As it should appear in print.")
    role = models.CharField(
        max_length=160, blank=True, help_text="Job title and organisation."
    )
    person = optional_link(
        "research.PersonPage",
        "news_authorships",
        "The author's page in the people directory, if they have one: the "
        "byline links to it and their page lists the article.",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("person")]
    api_fields = [APIField("name"), APIField("role")]

    def __str__(self):
        return self.name


class NewsArticlePressContact(Orderable):
    page = ParentalKey(
        NewsArticlePage, on_delete=models.CASCADE, related_name="press_contacts"
    )
    contact = models.ForeignKey(
        "news.PressContact",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Someone journalists can call about this release.",
    )

    panels = [FieldPanel("contact")]
