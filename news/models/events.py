"""Events: the index at /events/ (upcoming first, a paginated archive of past
ones, iCalendar feeds) and one page per event. The Comms team publishes them
through the same sign-off as news (news/apps.py)."""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import dateformat, timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from bhp_portal.core.api_fields import page_links
from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.cache import request_generation
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.listings import filtered_page
from bhp_portal.core.models import BasePage
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import PageCheckboxes
from partners.api_fields import nested_organisations
from research.models import PersonPage

from .pages import RelatedListsMixin

EVENTS_PER_PAGE = 12
# Events in a "Coming up" section (home page, theme pages).
NEXT_EVENTS_COUNT = 3
# Events listed on a speaker's page, the latest first.
SPEAKER_EVENTS_COUNT = 6
# The calendar feeds carry every upcoming event and the past year's, so a
# subscriber's calendar keeps recent history without the feed growing forever.
FEED_HISTORY = datetime.timedelta(days=365)
# The index's own routes: an event with one of these slugs could not be reached.
RESERVED_SLUGS = {"past", "calendar"}


class EventType(models.TextChoices):
    # The values are the slugs used in ?type= filters.
    CONFERENCE = "conference", "Conference"
    SEMINAR = "seminar", "Seminar"
    WORKSHOP = "workshop", "Workshop"
    LECTURE = "lecture", "Public lecture"
    WEBINAR = "webinar", "Webinar"
    OPEN_DAY = "open-day", "Open day"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"
    MOVED_ONLINE = "moved-online", "Moved online"


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    ONLINE = "online", "Online"
    MIXED = "mixed", "In person and online"


class EventQuerySet(PageQuerySet):
    """Other apps reach these through their reverse relations (a theme's
    `events.upcoming()`) without importing news."""

    def for_cards(self):
        return with_card_images_joined(live_and_public(self).defer_streamfields())

    def upcoming(self, now=None):
        """Events not yet over, soonest first."""
        return (
            self.for_cards()
            .filter(end__gte=now or timezone.now())
            .order_by("start", "pk")
        )

    def past(self, now=None):
        """Events that are over, most recent first."""
        return (
            self.for_cards()
            .filter(end__lt=now or timezone.now())
            .order_by("-start", "-pk")
        )

    def next_events(self, count=NEXT_EVENTS_COUNT):
        return self.upcoming()[:count]

    def featuring(self, person, count=SPEAKER_EVENTS_COUNT):
        """The events `person` speaks at, the latest first: a person's page
        lists them through its reverse relation (`appearances`)."""
        events = self.for_cards().filter(speakers__person=person).distinct()
        return events.order_by("-start", "-pk")[:count]


class EventIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(
        max_length=400, blank=True, help_text="A sentence or two above the list."
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count_per_parent = 1
    page_description = (
        "The list of events, at /events/: upcoming ones first, past ones in an "
        "archive, with calendar feeds."
    )
    # Its filters and page number: the page cache keys on these alone.
    cache_query_parameters = ("page", "theme", "type", "month")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]

    def events(self):
        return EventPage.objects.child_of(self)

    @path("")
    def upcoming_route(self, request):
        return self.listing(request, past=False)

    @path("past/", name="past")
    def past_route(self, request):
        return self.listing(request, past=True)

    def listing(self, request, past):
        # A filter naming something that does not exist is a missing page: the
        # list is still shown with the error, but crawlers are told 404.
        response = self.render(request, past=past)
        if not response.context_data["filter_form"].is_valid():
            response.status_code = 404
        return response

    def get_context(self, request, *args, past=False, **kwargs):
        from ..forms import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(
            request.GET, index=self, past=past, generation=request_generation(request)
        )
        events = self.events().past() if past else self.events().upcoming()
        events = form.filter(events) if form.is_valid() else []
        context.update(
            filtered_page(
                request, form, events, EVENTS_PER_PAGE, f"events:{self.pk}:{past}"
            )
        )
        context.update(
            past=past,
            # The archive is a route of this page: its filters submit there.
            list_url=self.url + self.reverse_subpage("past") if past else "",
            events=context["page_obj"].object_list,
            calendars=self.calendars(request, form),
        )
        return context

    def calendars(self, request, form):
        """The calendar feeds a listing offers: every event, and the chosen
        theme's."""
        calendars = [("All BHP events", self.reverse_subpage("calendar"))]
        theme = form.cleaned_data.get("theme") if form.is_valid() else None
        if theme:
            subpath = self.reverse_subpage("theme_calendar", args=[theme.slug])
            calendars.append((f"BHP events: {theme.title}", subpath))
        base = self.get_url(request)
        return [(title, base + subpath.lstrip("/")) for title, subpath in calendars]

    def feed_events(self):
        since = timezone.now() - FEED_HISTORY
        return self.events().for_cards().filter(end__gte=since).order_by("start")

    # Wagtail serves only addresses ending in a slash; the .ics name comes
    # with the download (calendar.py).
    @path("calendar/", name="calendar")
    def calendar(self, request):
        from ..calendar import calendar_response

        return calendar_response(
            request, self.feed_events(), "Birmingham Health Partners events", "events"
        )

    @path("calendar/<slug:theme_slug>/", name="theme_calendar")
    def theme_calendar(self, request, theme_slug):
        from research.models import ResearchThemePage

        from ..calendar import calendar_response

        theme = get_object_or_404(
            live_and_public(ResearchThemePage.objects), slug=theme_slug
        )
        return calendar_response(
            request,
            self.feed_events().filter(themes=theme),
            f"Birmingham Health Partners events: {theme.title}",
            f"events-{theme.slug}",
        )


class EventPage(RoutablePageMixin, RelatedListsMixin, BasePage):
    event_type = models.CharField(
        max_length=20,
        choices=EventType.choices,
        default=EventType.SEMINAR,
        help_text="What kind of event it is; visitors can filter the list by it.",
    )
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Shown prominently on the page, in lists and in calendars. "
        "Keep a cancelled event published so people who saved it find out.",
    )
    status_note = models.CharField(
        max_length=250,
        blank=True,
        help_text="A line explaining a change, e.g. “A new date will be announced "
        "here.”",
    )
    start = models.DateTimeField(
        help_text="When it starts, in UK time. For an all-day event only the date "
        "counts."
    )
    end = models.DateTimeField(
        help_text="When it ends, in UK time. For an all-day event, its last day."
    )
    all_day = models.BooleanField(
        default=False,
        help_text="Tick for events that run all day: no times are shown.",
    )
    attendance = models.CharField(
        max_length=20,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
        help_text="Where people take part: at a venue, online, or either.",
    )
    venue_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The building and room, e.g. “Institute of Translational "
        "Medicine, seminar room 1”.",
    )
    venue_address = models.TextField(
        blank=True,
        help_text="The full postal address with postcode; the page links it to a "
        "map. Needed for events in person.",
    )
    online_link = models.URLField(
        blank=True,
        help_text="The address for joining online (Teams, Zoom, a live stream). "
        "Needed for events online.",
    )
    online_link_public = models.BooleanField(
        default=False,
        help_text="Tick to show the joining link on the page. Leave unticked to "
        "send it only to people who register.",
    )
    registration_url = models.URLField(
        blank=True,
        help_text="Where to book a place. Leave empty if there is no need to register.",
    )
    registration_closes = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When booking closes, in UK time; no later than the event ends.",
    )
    capacity_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="How many places there are, e.g. “60 places, first come first "
        "served”.",
    )
    audience = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who it is for, e.g. “Researchers and clinicians” or “Everyone, "
        "no background needed”.",
    )
    step_free_access = models.BooleanField(
        default=False, help_text="The venue can be reached without steps."
    )
    captions = models.BooleanField(
        default=False, help_text="Talks are captioned (live or on the recording)."
    )
    bsl_interpretation = models.BooleanField(
        default=False, help_text="A British Sign Language interpreter is booked."
    )
    accessibility_notes = models.TextField(
        blank=True,
        help_text="Anything else people may need to know: parking, hearing loops, "
        "quiet rooms, who to ask about adjustments.",
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="The programme and anything else to say."
    )
    themes = ParentalManyToManyField(
        "research.ResearchThemePage",
        blank=True,
        related_name="events",
        help_text="Research themes the event is about; it is listed on their pages.",
    )
    organisations = ParentalManyToManyField(
        "partners.Organisation",
        blank=True,
        related_name="events",
        help_text="Partner organisations running or hosting the event.",
    )

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []
    page_description = (
        "An event: a seminar, conference, workshop, lecture or webinar, with its "
        "dates, venue or joining details, registration and accessibility."
    )
    search_result_type = SearchResultType("events", "Event", "Events")

    objects = PageManager.from_queryset(EventQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
        FieldPanel("status_note"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_link"),
                FieldPanel("online_link_public"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_closes"),
                FieldPanel("capacity_note"),
                FieldPanel("audience"),
            ],
            heading="Booking and audience",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("step_free_access"),
                        FieldPanel("captions"),
                        FieldPanel("bsl_interpretation"),
                    ]
                ),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
        ),
        FieldPanel("body"),
        InlinePanel(
            "speakers",
            heading="Speakers",
            label="Speaker",
            help_text="People from the directory, in the order they speak.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=PageCheckboxes),
                FieldPanel("organisations"),
            ],
            heading="Related research and partners",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("audience"),
        index.RelatedFields("themes", [index.SearchField("title")]),
        index.RelatedFields(
            "organisations",
            [index.SearchField("name"), index.SearchField("short_name")],
        ),
        index.RelatedFields(
            "speakers", [index.RelatedFields("person", [index.SearchField("title")])]
        ),
        index.FilterField("start"),
        index.FilterField("event_type"),
        index.FilterField("status"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("event_type"),
        APIField("status"),
        APIField("status_note"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("attendance"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("public_online_link"),
        APIField("registration_url"),
        APIField("registration_closes"),
        APIField("capacity_note"),
        APIField("audience"),
        APIField("step_free_access"),
        APIField("captions"),
        APIField("bsl_interpretation"),
        APIField("accessibility_notes"),
        APIField("body"),
        page_links("themes", source="live_themes"),
        nested_organisations("organisations"),
        page_links("speakers", source="get_speakers"),
    ]

    class Meta:
        ordering = ["start"]
        # Upcoming lists read the first rows of this index.
        indexes = [models.Index(fields=["end", "start"], name="news_event_end_start")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The event cannot end before it starts."
        closes = self.registration_closes
        if closes and self.end and closes > self.end:
            errors["registration_closes"] = (
                "Registration cannot close after the event has ended."
            )
        if self.is_online and not self.online_link:
            errors["online_link"] = (
                "An event online needs the address people join it at."
            )
        if self.is_in_person and not self.venue_address.strip():
            errors["venue_address"] = "An event in person needs the venue's address."
        if self.online_link and not (self.online_link_public or self.registration_url):
            errors["registration_url"] = (
                "The joining link goes only to people who register, so give the "
                "registration link, or tick “show the joining link on the page”."
            )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = (
                f"“{self.slug}” is the address of the events list's own "
                "pages; choose another."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return (
            self.attendance != Attendance.IN_PERSON
            or self.status == EventStatus.MOVED_ONLINE
        )

    @property
    def is_in_person(self):
        return (
            self.attendance != Attendance.ONLINE
            and self.status != EventStatus.MOVED_ONLINE
        )

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def public_online_link(self):
        """The joining link where the editor chose to show it to everyone."""
        return self.online_link if self.is_online and self.online_link_public else ""

    @property
    def registration_open(self):
        if not self.registration_url or self.is_cancelled or self.is_past:
            return False
        return not self.registration_closes or self.registration_closes > timezone.now()

    @property
    def card_place(self):
        """Where, for the meta line of a card (after its date)."""
        if not self.is_in_person:
            return " · Online"
        return f" · {self.venue_name}" if self.venue_name else ""

    @property
    def map_url(self):
        query = " ".join(self.venue_address.split())
        return "https://www.openstreetmap.org/search?" + urlencode({"query": query})

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def spans_days(self):
        return self.local_start.date() != self.local_end.date()

    @property
    def when(self):
        """The dates (and times) as a person reads them, in UK time."""
        start, end = self.local_start, self.local_end
        day = "l j F Y"
        if self.all_day:
            if not self.spans_days:
                return dateformat.format(start, day)
            return f"{dateformat.format(start, day)} to {dateformat.format(end, day)}"
        if not self.spans_days:
            times = f"{start:%H:%M} to {end:%H:%M}"
            return f"{dateformat.format(start, day)}, {times}"
        return (
            f"{dateformat.format(start, day)} at {start:%H:%M} to "
            f"{dateformat.format(end, day)} at {end:%H:%M}"
        )

    def get_speakers(self):
        """The speakers whose pages are live and public, in the editor's
        order, ready for a list of people. In a preview the rows are the
        editor's unsaved ones."""
        ids = [row.person_id for row in self.speakers.all()]
        people = PersonPage.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [people[pk] for pk in ids if pk in people]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.related_lists(), speakers=SimpleLazyObject(self.get_speakers)
        )
        return context

    @path("")
    def event_route(self, request):
        return self.render(request)

    @path("calendar/", name="ics")
    def ics(self, request):
        from ..calendar import calendar_response

        return calendar_response(request, [self], self.title, self.slug)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "research.PersonPage",
        on_delete=models.CASCADE,
        related_name="event_speakers",
        help_text="Someone in the people directory; their page lists the event.",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "person"], name="unique_event_speaker"
            )
        ]
