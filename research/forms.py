"""The people directory's filters and search: every choice is a slug in the
address, so a filtered list can be bookmarked and shared."""

from django import forms
from django.db.models import Q
from wagtail.search.utils import normalise_query_string

from bhp_portal.core.cache import until_next_change
from bhp_portal.core.listings import FilterForm
from bhp_portal.core.search import MAX_QUERY_LENGTH
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import QuickSelect
from partners.models import Organisation

from .models import PersonPage, ResearchThemePage, RoleKind

NOTHING_CALLED = "There is nothing called “%(value)s” to filter by."


def filter_choices(people):
    """The themes and organisations (worked for, or held a role at) of the
    listed people, as (slug, label) pairs, so no choice leads to an empty
    list."""
    themes = (
        live_and_public(ResearchThemePage.objects)
        .filter(people__in=people.values("pk"))
        .distinct()
        .order_by("title")
    )
    organisations = Organisation.objects.filter(
        Q(people__in=people.values("pk"))
        | Q(person_roles__page__in=people.values("pk"))
    ).distinct()
    return {
        "theme": list(themes.values_list("slug", "title")),
        "organisation": list(organisations.values_list("slug", "name")),
    }


class PeopleFilterForm(FilterForm):
    q = forms.CharField(
        label="Name or role",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": "Search for at most %(limit_value)d characters."},
    )
    theme = forms.ChoiceField(
        label="Research theme",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
    )
    organisation = forms.ChoiceField(
        label="Organisation",
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
    )
    role = forms.ChoiceField(
        label="Role",
        widget=QuickSelect,
        required=False,
        choices=[("", "All roles"), *RoleKind.choices],
        error_messages={"invalid_choice": "There is no role “%(value)s”."},
    )

    def __init__(self, data, *, index, generation):
        super().__init__(data)
        self.index = index
        # The same for every visitor until something is published.
        choices = until_next_change(
            generation,
            f"people-filters:{index.pk}",
            lambda: filter_choices(index.people()),
        )
        self.fields["theme"].choices = [("", "All themes"), *choices["theme"]]
        self.fields["organisation"].choices = [
            ("", "All organisations"),
            *choices["organisation"],
        ]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filter(self, people):
        data = self.cleaned_data
        if data.get("theme"):
            people = people.filter(themes__slug=data["theme"])
        if data.get("organisation"):
            slug = data["organisation"]
            people = people.filter(
                Q(organisation__slug=slug) | Q(roles__organisation__slug=slug)
            )
        if data.get("role"):
            people = people.filter(roles__kind=data["role"])
        if data.get("q"):
            people = people.filter(pk__in=self.matching_ids(data["q"]))
        return people.distinct()

    def matching_ids(self, query):
        """Site search's ranking over names, roles, organisations, themes and
        biographies, limited to this directory (one query)."""
        found = (
            PersonPage.objects.live()
            .public()
            .child_of(self.index)
            .search(normalise_query_string(query), order_by_relevance=False)
        )
        return [page.pk for page in found]
