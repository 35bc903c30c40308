"""The filter form on the news index: every choice is a slug in the address,
so a filtered list can be bookmarked and shared."""

from django import forms

from bhp_portal.core.cache import until_next_change
from bhp_portal.core.listings import FilterForm
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import QuickSelect
from partners.models import Organisation
from research.models import ResearchThemePage

from .models import ArticleType, EventType

NOTHING_CALLED = "There is nothing called “%(value)s” to filter by."


def filter_choices(index):
    """The themes, partners and years the index can be filtered by, as
    (slug, label) pairs: the same for every visitor until something is
    published, so the form keeps them in the shared cache."""
    articles = index.articles()
    themes = live_and_public(ResearchThemePage.objects).order_by("title")
    partners = Organisation.objects.filter(
        news_articles__in=articles.values("pk")
    ).distinct()
    years = articles.dates("date", "year", order="DESC")
    return {
        "theme": list(themes.values_list("slug", "title")),
        "partner": list(partners.values_list("slug", "name")),
        "year": [(str(day.year), str(day.year)) for day in years],
    }


class ThemeFilterForm(FilterForm):
    """A list's filters, each choice offered by slug; a chosen theme cleans
    to the page, so the list and the theme's feed can use it."""

    theme = forms.ChoiceField(
        label="Research theme",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
    )

    def clean_theme(self):
        return self._chosen("theme", live_and_public(ResearchThemePage.objects))

    def _chosen(self, name, queryset):
        slug = self.cleaned_data[name]
        if not slug:
            return None
        chosen = queryset.filter(slug=slug).first()
        if chosen is None:
            # Unpublished in the moment between reading the choices and now.
            raise forms.ValidationError(NOTHING_CALLED, params={"value": slug})
        return chosen


class NewsFilterForm(ThemeFilterForm):
    """A chosen partner cleans to the organisation too."""

    partner = forms.ChoiceField(
        label="Partner",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
    )
    type = forms.ChoiceField(
        label="Type",
        widget=QuickSelect,
        required=False,
        choices=[("", "All types"), *ArticleType.choices],
        error_messages={"invalid_choice": "There is no article type “%(value)s”."},
    )
    year = forms.TypedChoiceField(
        label="Year",
        widget=QuickSelect,
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "There are no articles from “%(value)s”."},
    )

    def __init__(self, data, *, index, generation):
        super().__init__(data)
        choices = until_next_change(
            generation, f"news-filters:{index.pk}", lambda: filter_choices(index)
        )
        self.fields["theme"].choices = [("", "All themes"), *choices["theme"]]
        self.fields["partner"].choices = [("", "All partners"), *choices["partner"]]
        self.fields["year"].choices = [("", "All years"), *choices["year"]]

    def clean_partner(self):
        return self._chosen("partner", Organisation.objects.all())

    def filter(self, articles):
        data = self.cleaned_data
        if data.get("theme"):
            articles = articles.filter(themes=data["theme"])
        if data.get("partner"):
            articles = articles.filter(organisations=data["partner"])
        if data.get("type"):
            articles = articles.filter(article_type=data["type"])
        if data.get("year"):
            articles = articles.filter(date__year=data["year"])
        return articles


def event_filter_choices(index, past):
    """The themes and months the upcoming (or past) events can be filtered
    by, as (value, label) pairs; months as YYYY-MM in UK time."""
    events = index.events()
    events = events.past() if past else events.upcoming()
    themes = live_and_public(ResearchThemePage.objects).order_by("title")
    months = events.datetimes("start", "month", order="DESC" if past else "ASC")
    return {
        "theme": list(themes.values_list("slug", "title")),
        "month": [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months],
    }


class EventFilterForm(ThemeFilterForm):
    type = forms.ChoiceField(
        label="Type",
        widget=QuickSelect,
        required=False,
        choices=[("", "All types"), *EventType.choices],
        error_messages={"invalid_choice": "There is no event type “%(value)s”."},
    )
    month = forms.ChoiceField(
        label="Month",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": "There are no events in “%(value)s”."},
    )

    def __init__(self, data, *, index, past, generation):
        super().__init__(data)
        choices = until_next_change(
            generation,
            f"event-filters:{index.pk}:{past}",
            lambda: event_filter_choices(index, past),
        )
        self.fields["theme"].choices = [("", "All themes"), *choices["theme"]]
        self.fields["month"].choices = [("", "Any month"), *choices["month"]]

    def filter(self, events):
        data = self.cleaned_data
        if data.get("theme"):
            events = events.filter(themes=data["theme"])
        if data.get("type"):
            events = events.filter(event_type=data["type"])
        if data.get("month"):
            year, month = map(int, data["month"].split("-"))
            events = events.filter(start__year=year, start__month=month)
        return events
