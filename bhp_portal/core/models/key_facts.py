"""Key facts: one figure kept in one place, with where it comes from."""

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable
from wagtail.search import index


class KeyFactQuerySet(models.QuerySet):
    def due_for_review(self, today=None):
        return self.filter(review_by__lte=today or timezone.localdate())


class KeyFact(index.Indexed, models.Model):
    figure = models.CharField(
        max_length=32, help_text='The number as it should read, e.g. "5.5" or "1,400".'
    )
    unit = models.CharField(
        max_length=32,
        blank=True,
        help_text='Shown after the figure, e.g. "million" or "m²". Optional.',
    )
    label = models.CharField(
        max_length=160, help_text='What the figure counts, e.g. "people we serve".'
    )
    source_name = models.CharField(
        max_length=160, help_text="Who published the figure; shown as its source."
    )
    source_url = models.URLField(
        blank=True, help_text="Link to the source, where it is public."
    )
    as_of = models.DateField(
        null=True, blank=True, help_text="The date the figure was true."
    )
    owner = models.CharField(
        max_length=120,
        blank=True,
        help_text="The team or person responsible for keeping it current.",
    )
    review_by = models.DateField(
        null=True,
        blank=True,
        help_text="Check the figure again by this date; it then appears in the "
        "editors' report of figures due for review.",
    )

    objects = KeyFactQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("figure"), FieldPanel("unit")]),
        FieldPanel("label"),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("as_of")],
            heading="Source",
        ),
        MultiFieldPanel(
            [FieldPanel("owner"), FieldPanel("review_by")], heading="Upkeep"
        ),
    ]
    search_fields = [
        index.SearchField("label"),
        index.SearchField("figure"),
        index.SearchField("source_name"),
        index.AutocompleteField("label"),
    ]

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return f"{self.display_figure} {self.label}"

    @property
    def display_figure(self):
        return f"{self.figure} {self.unit}".strip()


class KeyFactLink(Orderable):
    """A page's choice of one shared key fact, in the editor's order (see
    KeyFactsMixin)."""

    key_fact = models.ForeignKey(
        "core.KeyFact",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A figure from the shared key facts.",
    )
    panels = [FieldPanel("key_fact")]

    class Meta(Orderable.Meta):
        abstract = True


class KeyFactsMixin:
    """A page that shows a row of the shared key facts, chosen in its editor
    with `key_facts_panel`. The page type adds its own KeyFactLink subclass
    with `page = ParentalKey(<page type>, related_name="key_facts")`."""

    key_facts_panel = InlinePanel(
        "key_facts", heading="Key facts", label="Key fact", max_num=6
    )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy, so a cached fragment of the template runs no query for them.
        context["key_facts"] = SimpleLazyObject(
            lambda: [
                link.key_fact for link in self.key_facts.select_related("key_fact")
            ]
        )
        return context
