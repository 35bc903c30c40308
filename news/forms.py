"""The filter form on the news index: every choice is a slug in the address,
so a filtered list can be bookmarked and shared."""

from django import forms

from bhp_portal.core.visibility import live_and_public
from partners.models import Organisation
from research.models import ResearchThemePage

from .models import ArticleType


class SlugChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": "There is nothing called “%(value)s” to filter by."},
        )
        super().__init__(*args, **kwargs)


class NewsFilterForm(forms.Form):
    theme = SlugChoiceField(
        queryset=ResearchThemePage.objects.none(),
        label="Research theme",
        empty_label="All themes",
    )
    partner = SlugChoiceField(
        queryset=Organisation.objects.none(),
        label="Partner",
        empty_label="All partners",
    )
    type = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "All types"), *ArticleType.choices],
        error_messages={"invalid_choice": "There is no article type “%(value)s”."},
    )
    year = forms.TypedChoiceField(
        label="Year",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "There are no articles from “%(value)s”."},
    )

    def __init__(self, data, *, index):
        super().__init__(data)
        articles = index.articles()
        self.fields["theme"].queryset = live_and_public(
            ResearchThemePage.objects
        ).order_by("title")
        self.fields["partner"].queryset = Organisation.objects.filter(
            news_articles__in=articles.values("pk")
        ).distinct()
        years = articles.dates("date", "year", order="DESC")
        self.fields["year"].choices = [
            ("", "All years"),
            *((str(day.year), str(day.year)) for day in years),
        ]

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
