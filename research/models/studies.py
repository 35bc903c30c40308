"""Studies that recruit: the finder at /take-part/, one page per study, the
conditions editors manage, and the interest visitors register."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.search import index

from bhp_portal.core.api_fields import page_links
from bhp_portal.core.cache import built_when_read
from bhp_portal.core.models import BasePage
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import PageCheckboxes
from partners.api_fields import nested_organisations

STUDIES_PER_PAGE = 12


class Condition(index.Indexed, models.Model):
    """A condition as people name it, with the other words they use for it,
    so a search for one finds studies filed under another."""

    name = models.CharField(
        max_length=120, unique=True, help_text='The name shown, e.g. "Pregnancy loss".'
    )
    slug = models.SlugField(
        max_length=120, unique=True, help_text="Used in the finder's web addresses."
    )
    synonyms = models.TextField(
        blank=True,
        help_text="Other words people search for, one per line, e.g. "
        '"miscarriage". The finder\'s keyword search matches them too.',
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("synonyms")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("synonyms"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class StudyStatus(models.TextChoices):
    NOT_YET_RECRUITING = "not_yet_recruiting", "Not yet recruiting"
    RECRUITING = "recruiting", "Recruiting"
    CLOSED = "closed", "Closed to recruitment"
    COMPLETED = "completed", "Completed"


class Phase(models.TextChoices):
    EARLY_PHASE_1 = "early_phase_1", "Early phase 1"
    PHASE_1 = "phase_1", "Phase 1"
    PHASE_1_2 = "phase_1_2", "Phase 1/2"
    PHASE_2 = "phase_2", "Phase 2"
    PHASE_2_3 = "phase_2_3", "Phase 2/3"
    PHASE_3 = "phase_3", "Phase 3"
    PHASE_4 = "phase_4", "Phase 4"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class StudyType(models.TextChoices):
    INTERVENTIONAL = "interventional", "Clinical trial (tests a treatment)"
    OBSERVATIONAL = "observational", "Observational study"
    EXPANDED_ACCESS = "expanded_access", "Expanded access"


class Sex(models.TextChoices):
    ALL = "all", "Anyone"
    FEMALE = "female", "Women and girls"
    MALE = "male", "Men and boys"


class AgeGroup(models.TextChoices):
    """The finder's age groups; a study suits a group its age range overlaps."""

    CHILDREN = "children", "Children (under 18)"
    ADULTS = "adults", "Adults (18 to 64)"
    OLDER = "older", "Older adults (65 and over)"

    @property
    def years(self):
        return {"children": (0, 17), "adults": (18, 64), "older": (65, 200)}[self]


# Registry identifiers: the pattern each registry issues and where it is read.
REGISTRIES = {
    "isrctn": (r"^ISRCTN\d{8}$", 'ISRCTN and eight digits, e.g. "ISRCTN12345678".'),
    "nct_id": (r"^NCT\d{8}$", 'NCT and eight digits, e.g. "NCT01234567".'),
    "iras_id": (r"^\d{5,7}$", "The IRAS project ID: five to seven digits."),
    "cpms_id": (r"^\d{5,6}$", "The NIHR CPMS ID: five or six digits."),
}
REGISTRY_LINKS = {
    "isrctn": ("ISRCTN", "https://www.isrctn.com/{}"),
    "nct_id": ("ClinicalTrials.gov", "https://clinicaltrials.gov/study/{}"),
    # IRAS and CPMS numbers have no page of their own: the registries'
    # searches find them.
    "iras_id": (
        "IRAS (HRA research summaries)",
        "https://www.hra.nhs.uk/planning-and-improving-research/"
        "application-summaries/research-summaries/",
    ),
    "cpms_id": ("CPMS (Be Part of Research)", "https://bepartofresearch.nihr.ac.uk/"),
}


def registry_id(name, label, help_text):
    pattern, message = REGISTRIES[name]
    return models.CharField(
        label,
        max_length=14,
        blank=True,
        validators=[RegexValidator(pattern, f"Enter {message}")],
        help_text=help_text,
    )


class StudyIndexPage(BasePage):
    introduction = models.TextField(
        max_length=600,
        blank=True,
        help_text="A few sentences above the finder: why taking part matters.",
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["research.StudyPage"]
    max_count_per_parent = 1
    page_description = (
        "The finder for studies that are recruiting, at /take-part/. Studies go "
        "below it."
    )
    # The finder's filters and page number: the page cache keys on these alone.
    cache_query_parameters = (
        "q",
        "condition",
        "theme",
        "age",
        "hospital",
        "healthy",
        "status",
        "page",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    def studies(self):
        return live_and_public(StudyPage.objects.child_of(self)).defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        from ..finder import finder_context

        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        # A filter naming nothing that exists is a missing page: the finder is
        # still shown with the error, but crawlers are told 404.
        response = super().serve(request, *args, **kwargs)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 404
        return response


def recruiting_studies(studies):
    """The live, public studies among `studies` that recruit now, by title."""
    return (
        live_and_public(studies.filter(status=StudyStatus.RECRUITING))
        .defer_streamfields()
        .order_by("title")
    )


class StudyPage(BasePage):
    plain_summary = models.TextField(
        "Plain-English summary",
        blank=True,
        help_text="What the study is about and why it matters, in everyday words "
        "a 12-year-old could follow. Short sentences; explain any medical term. "
        "The Checks panel shows its reading age.",
    )
    who_can_take_part = models.TextField(
        blank=True,
        help_text="The key points of who can join, one per line, in plain words, "
        'e.g. "You are pregnant and under 24 weeks".',
    )
    status = models.CharField(
        max_length=24,
        choices=StudyStatus.choices,
        default=StudyStatus.NOT_YET_RECRUITING,
        help_text="Only recruiting studies are in the finder by default, and only "
        "they offer the register-interest form.",
    )
    phase = models.CharField(
        max_length=16,
        choices=Phase.choices,
        blank=True,
        help_text="For trials of a treatment; leave empty when it does not apply.",
    )
    study_type = models.CharField(
        max_length=16,
        choices=StudyType.choices,
        default=StudyType.INTERVENTIONAL,
        help_text="Whether the study tests a treatment or observes people.",
    )
    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Youngest age in years who can join (0 for babies); empty if "
        "there is no lower limit.",
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Oldest age in years who can join; empty if there is no upper limit.",
    )
    sex = models.CharField(
        max_length=8,
        choices=Sex.choices,
        default=Sex.ALL,
        help_text="Who the study is open to.",
    )
    healthy_volunteers = models.BooleanField(
        default=False,
        help_text="Tick if people without the condition may take part too.",
    )
    conditions = ParentalManyToManyField(
        Condition,
        blank=True,
        related_name="studies",
        help_text="The conditions the study is about, from the list under "
        "Snippets > Conditions. The finder filters by them.",
    )
    themes = ParentalManyToManyField(
        "research.ResearchThemePage",
        blank=True,
        related_name="studies",
        help_text="The research themes the study belongs to; their pages list it "
        "while it recruits.",
    )
    partners = ParentalManyToManyField(
        "partners.Organisation",
        blank=True,
        related_name="studies",
        help_text="Organisations that run or fund the study; their partner pages "
        "list it while it recruits.",
    )
    sites = ParentalManyToManyField(
        "partners.Organisation",
        blank=True,
        related_name="recruiting_site_studies",
        verbose_name="hospitals",
        help_text="The hospitals where people can join. The finder filters by them.",
    )
    start_date = models.DateField(
        null=True,
        blank=True,
        help_text="When recruitment started or starts; shown as month and year.",
    )
    expected_end_date = models.DateField(
        null=True,
        blank=True,
        help_text="When the study expects to finish; shown as month and year.",
    )
    contact_team = models.CharField(
        max_length=120,
        blank=True,
        help_text='Who answers questions, as a role or team, e.g. "The study '
        "team at the Birmingham Clinical Trials Unit\". Never a person's name.",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="The team's public address, shown on the page. Leave empty to "
        "point visitors to the register-interest form instead.",
    )
    contact_phone = models.CharField(
        max_length=32, blank=True, help_text="The team's public phone number, if any."
    )
    team_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The admin group of the study team: its members, and "
        "administrators, read the interest registered for this study.",
    )
    team_email = models.EmailField(
        blank=True,
        help_text="Where each registration of interest is sent. Not shown on the "
        "site; the public address is used when empty.",
    )
    interest_consent = models.TextField(
        blank=True,
        default="I agree that the study team may contact me about this study, and "
        "keep my name and contact details for that purpose only.",
        help_text="The statement a visitor ticks to agree before registering "
        "interest; agreed with the study's data protection officer.",
    )
    interest_next_steps = models.TextField(
        blank=True,
        default="The study team will get in touch, usually within two weeks, to "
        "tell you more and check whether the study suits you. Registering does "
        "not commit you to taking part.",
        help_text="What happens after someone registers interest; shown to them "
        "once they have.",
    )
    # The registry's own words, kept apart from the editor's: the importer
    # updates these and nothing else.
    registry_title = models.CharField(
        max_length=500, blank=True, help_text="The title the registry gives."
    )
    registry_summary = models.TextField(
        blank=True, help_text="The registry's own summary, in its words."
    )
    registry_conditions = models.TextField(
        blank=True,
        help_text="The conditions as the registry names them, one per line; map "
        "them to Conditions above.",
    )
    registry_eligibility = models.TextField(
        blank=True, help_text="The registry's full eligibility criteria."
    )
    sponsor = models.CharField(
        max_length=200, blank=True, help_text="The lead sponsor, as registered."
    )
    isrctn = registry_id("isrctn", "ISRCTN", "The ISRCTN registry number.")
    nct_id = registry_id(
        "nct_id",
        "NCT number",
        "The ClinicalTrials.gov number; the nightly import matches studies by it.",
    )
    iras_id = registry_id("iras_id", "IRAS ID", "The IRAS project ID.")
    cpms_id = registry_id("cpms_id", "CPMS ID", "The NIHR CPMS study ID.")
    last_imported_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the registry import last updated the study.",
    )

    parent_page_types = ["research.StudyIndexPage"]
    subpage_types = []
    page_description = (
        "One study that people can take part in: who can join, where, and how "
        "to register interest."
    )
    search_result_type = SearchResultType(
        "studies", "Study", "Studies", aliases=("take-part", "trials")
    )

    content_panels = [
        *BasePage.content_panels,
        HelpPanel(
            "Write for someone with no medical training. The registry's own "
            "title and summary are under Registry; the import never changes "
            "what you write here."
        ),
        FieldPanel("plain_summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("study_type")]),
        FieldPanel("phase"),
        FieldPanel("conditions"),
        FieldPanel("themes", widget=PageCheckboxes),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("sex"),
                FieldPanel("healthy_volunteers"),
                FieldPanel("who_can_take_part"),
            ],
            heading="Who can take part",
        ),
        FieldPanel("partners"),
        FieldPanel("sites"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("expected_end_date")]),
        MultiFieldPanel(
            [
                FieldPanel("contact_team"),
                FieldRowPanel(
                    [FieldPanel("contact_email"), FieldPanel("contact_phone")]
                ),
            ],
            heading="Public contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("team_group"),
                FieldPanel("team_email"),
                FieldPanel("interest_consent"),
                FieldPanel("interest_next_steps"),
            ],
            heading="Register interest",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nct_id"), FieldPanel("isrctn")]),
                FieldRowPanel([FieldPanel("iras_id"), FieldPanel("cpms_id")]),
                FieldPanel("registry_title"),
                FieldPanel("registry_summary"),
                FieldPanel("registry_conditions"),
                FieldPanel("registry_eligibility"),
                FieldPanel("sponsor"),
            ],
            heading="Registry",
            classname="collapsed",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("plain_summary"),
        index.SearchField("who_can_take_part"),
        index.SearchField("registry_title"),
        index.SearchField("nct_id"),
        index.SearchField("isrctn"),
        index.FilterField("status"),
        index.RelatedFields(
            "conditions", [index.SearchField("name"), index.SearchField("synonyms")]
        ),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("plain_summary"),
        APIField("status"),
        APIField("phase"),
        APIField("study_type"),
        APIField("minimum_age"),
        APIField("maximum_age"),
        APIField("sex"),
        APIField("healthy_volunteers"),
        APIField("who_can_take_part"),
        APIField("condition_names"),
        page_links("themes", source="live_themes"),
        nested_organisations("partners", source="partners.all"),
        nested_organisations("hospitals", source="sites.all"),
        APIField("start_date"),
        APIField("expected_end_date"),
        APIField("contact_team"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("registry_title"),
        APIField("registry_summary"),
        APIField("sponsor"),
        APIField("isrctn"),
        APIField("nct_id"),
        APIField("iras_id"),
        APIField("cpms_id"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["nct_id"],
                condition=~Q(nct_id=""),
                name="unique_study_nct_id",
            )
        ]

    @property
    def is_recruiting(self):
        return self.status == StudyStatus.RECRUITING

    @property
    def condition_names(self):
        return [condition.name for condition in self.conditions.all()]

    def live_themes(self):
        return live_and_public(self.themes.all())

    def inclusion_points(self):
        return [
            line.strip() for line in self.who_can_take_part.splitlines() if line.strip()
        ]

    def registry_links(self):
        """(registry, identifier, address) for each identifier the study has."""
        return [
            (label, getattr(self, name), url.format(getattr(self, name)))
            for name, (label, url) in REGISTRY_LINKS.items()
            if getattr(self, name)
        ]

    def age_range(self):
        low, high = self.minimum_age, self.maximum_age
        if low is None and high is None:
            return "Any age"
        if high is None:
            return f"{low} and over"
        if low is None or low == 0:
            return f"Up to {high}"
        return f"{low} to {high}"

    def interest_recipients(self):
        address = self.team_email or self.contact_email
        return [address] if address else []

    def get_context(self, request, *args, **kwargs):
        from ..interest import interest_context

        context = super().get_context(request, *args, **kwargs)
        # Read only by the template's fragments, so only when one is not kept.
        source = SimpleLazyObject(self._with_lists)
        lists = {
            "conditions": lambda: list(source.conditions.all()),
            "partners_list": lambda: list(source.partners.all()),
            "hospitals": lambda: list(source.sites.all()),
            "themes": lambda: list(self.live_themes()),
            "json_ld": lambda: self.json_ld(request, source),
        }
        context.update(built_when_read(**lists))
        context.update(interest_context(self, request, kwargs.get("interest_form")))
        return context

    def _with_lists(self):
        """This study with its conditions, partners and sites read in one go;
        a page not yet saved (a new page's preview) has its own in memory."""
        organisations = models.Prefetch(
            "partners", queryset=self.partners.model.objects.order_by("name")
        )
        page = (
            StudyPage.objects.filter(pk=self.pk)
            .prefetch_related("conditions", organisations, "sites")
            .first()
            if self.pk
            else None
        )
        return page or self

    def serve(self, request, *args, **kwargs):
        from ..interest import handle_interest

        if request.method == "POST" and self.is_recruiting:
            return handle_interest(self, request)
        return super().serve(request, *args, **kwargs)

    def json_ld(self, request, source):
        from ..json_ld import study_json_ld

        return study_json_ld(self, request, source)


class InterestRegistration(models.Model):
    """A visitor's interest in taking part, stored before it is emailed so a
    mail outage never loses one. Personal data: only the study's team group
    and administrators read these (research/wagtail_hooks.py)."""

    study = models.ForeignKey(
        StudyPage, on_delete=models.CASCADE, related_name="interest_registrations"
    )
    name = models.CharField(max_length=120)
    contact = models.CharField(
        max_length=255, help_text="The email address or phone number given."
    )
    consent = models.TextField(help_text="The statement the visitor agreed to.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "registration of interest"
        verbose_name_plural = "registrations of interest"

    def __str__(self):
        return f"{self.name} – {self.study.title}"


def visible_registrations(user):
    """The registrations `user` may read: every one for administrators, those
    of their own studies for members of a study team's group."""
    registrations = InterestRegistration.objects.select_related("study")
    if user.is_superuser:
        return registrations
    if not user.is_authenticated:
        return registrations.none()
    return registrations.filter(study__team_group__in=user.groups.all())


def is_in_a_study_team(user):
    return (
        user.is_authenticated
        and StudyPage.objects.filter(team_group__in=user.groups.all()).exists()
    )
