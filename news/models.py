from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.models import BasePage


class NewsIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_description = "The list of news and press releases, at /news/."


class NewsArticlePage(BasePage):
    date = models.DateField(
        default=timezone.localdate,
        help_text="Publication date shown on the article and used to order news.",
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
        help_text="Partner organisations the article is about.",
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "A news story, press release, announcement or blog post."
    search_result_type = "news"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("organisations"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        ordering = ["-date"]
