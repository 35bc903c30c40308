"""The filter form on the news index: every choice is a slug in the address,
so a filtered list can be bookmarked and shared."""

from django import forms

from bhp_portal.core.cache import until_next_change
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import QuickSelect
from partners.models import Organisation
from research.models import ResearchThemePage

from .models import ArticleType

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


class NewsFilterForm(forms.Form):
    """Each choice is offered by slug; a chosen theme or partner cleans to
    the object, so the list and the theme's feed can use it."""

    theme = forms.ChoiceField(
        label="Research theme",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
    )
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

    def clean_theme(self):
        return self._chosen("theme", live_and_public(ResearchThemePage.objects))

    def clean_partner(self):
        return self._chosen("partner", Organisation.objects.all())

    def _chosen(self, name, queryset):
        slug = self.cleaned_data[name]
        if not slug:
            return None
        chosen = queryset.filter(slug=slug).first()
        if chosen is None:
            # Unpublished in the moment between reading the choices and now.
            raise forms.ValidationError(NOTHING_CALLED, params={"value": slug})
        return chosen

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

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
