"""The study finder at /take-part/: a GET form whose every choice is a slug
in the address, so a filtered list works without JavaScript and can be
shared. Recruiting studies are shown unless the visitor asks otherwise."""

from django import forms
from django.db.models import Q

from bhp_portal.core.cache import (
    request_generation,
    until_next_change,
)
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.listings import FilterForm, filtered_page
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import QuickSelect
from partners.models import Organisation

from .models import (
    AgeGroup,
    Condition,
    ResearchThemePage,
    StudyPage,
    StudyStatus,
)
from .models.studies import STUDIES_PER_PAGE

NOTHING_CALLED = "There is nothing called “%(value)s” to filter by."
ALL_STATUSES = "all"
# A keyword search reads at most this many words.
MAX_KEYWORDS = 8
MAX_QUERY_LENGTH = 200


def filter_choices(index):
    """Conditions, themes and hospitals with at least one live study, as
    (slug, label) pairs: the same for every visitor until something is
    published, so the form keeps them in the shared cache."""
    studies = index.studies().values("pk")
    conditions = Condition.objects.filter(studies__in=studies).distinct()
    themes = live_and_public(ResearchThemePage.objects).filter(studies__in=studies)
    hospitals = Organisation.objects.filter(
        recruiting_site_studies__in=studies
    ).distinct()
    return {
        "condition": list(conditions.values_list("slug", "name")),
        "theme": list(themes.distinct().order_by("title").values_list("slug", "title")),
        "hospital": list(hospitals.order_by("name").values_list("slug", "name")),
    }


def choice(label, **kwargs):
    return forms.ChoiceField(
        label=label,
        widget=QuickSelect,
        required=False,
        error_messages={"invalid_choice": NOTHING_CALLED},
        **kwargs,
    )


class StudyFilterForm(FilterForm):
    q = forms.CharField(
        label="Keywords",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text="A condition, treatment or study name",
        error_messages={
            "max_length": "Use %(limit_value)d characters or fewer.",
        },
    )
    condition = choice("Condition")
    theme = choice("Research theme")
    age = choice("Age group", choices=[("", "Any age"), *AgeGroup.choices])
    hospital = choice("Hospital")
    healthy = choice(
        "Healthy volunteers",
        choices=[("", "With or without"), ("yes", "Welcome")],
    )
    status = choice(
        "Status",
        choices=[
            ("", "Recruiting now"),
            (StudyStatus.NOT_YET_RECRUITING, "Opening soon"),
            (StudyStatus.CLOSED, "Closed to recruitment"),
            (StudyStatus.COMPLETED, "Completed"),
            (ALL_STATUSES, "Any status"),
        ],
    )

    def __init__(self, data, *, index, generation):
        super().__init__(data)
        choices = until_next_change(
            generation, f"study-filters:{index.pk}", lambda: filter_choices(index)
        )
        self.fields["condition"].choices = [
            ("", "Any condition"),
            *choices["condition"],
        ]
        self.fields["theme"].choices = [("", "Any theme"), *choices["theme"]]
        self.fields["hospital"].choices = [("", "Any hospital"), *choices["hospital"]]
        self.fields["q"].widget.attrs.update(
            {"aria-describedby": "id_q-hint", "autocomplete": "off"}
        )

    def clean_q(self):
        if "\x00" in self.cleaned_data["q"]:
            raise forms.ValidationError("Remove the unusual characters.")
        return " ".join(self.cleaned_data["q"].split())

    def filter(self, studies):
        data = self.cleaned_data
        status = data.get("status") or StudyStatus.RECRUITING
        if status != ALL_STATUSES:
            studies = studies.filter(status=status)
        if data.get("condition"):
            studies = studies.filter(conditions__slug=data["condition"])
        if data.get("theme"):
            studies = studies.filter(themes__slug=data["theme"])
        if data.get("hospital"):
            studies = studies.filter(sites__slug=data["hospital"])
        if data.get("healthy"):
            studies = studies.filter(healthy_volunteers=True)
        if data.get("age"):
            low, high = AgeGroup(data["age"]).years
            studies = studies.filter(
                Q(minimum_age__isnull=True) | Q(minimum_age__lte=high),
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=low),
            )
        if data.get("q"):
            studies = studies.filter(pk__in=keyword_matches(data["q"]))
        return studies

    def summary(self):
        """The filters chosen, as labels, for the sentence above the results."""
        chosen = []
        for name in ("condition", "theme", "age", "hospital", "healthy"):
            value = self.cleaned_data.get(name)
            if value:
                labels = dict(self.fields[name].choices)
                chosen.append(f"{self.fields[name].label}: {labels[value]}")
        return chosen


def keyword_matches(query):
    """Ids of studies matching every word of `query` in their titles,
    summaries, registry numbers or conditions, the conditions' synonyms
    included ("miscarriage" finds a study about pregnancy loss)."""
    matches = StudyPage.objects.all()
    for word in query.split()[:MAX_KEYWORDS]:
        matches = matches.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(plain_summary__icontains=word)
            | Q(registry_title__icontains=word)
            | Q(nct_id__iexact=word)
            | Q(isrctn__iexact=word)
            | Q(conditions__name__icontains=word)
            | Q(conditions__synonyms__icontains=word)
        )
    return matches.values("pk")


def finder_context(index, request):
    form = StudyFilterForm(
        request.GET, index=index, generation=request_generation(request)
    )
    studies = (
        form.filter(index.studies()).order_by("title")
        if form.is_valid()
        else StudyPage.objects.none()
    )
    studies = with_card_images_joined(studies.prefetch_related("conditions"))
    context = filtered_page(
        request, form, studies, STUDIES_PER_PAGE, f"studies:{index.pk}"
    )
    return {
        **context,
        "studies": context["page_obj"].object_list,
        "showing_recruiting": form.is_valid() and not form.cleaned_data.get("status"),
    }
