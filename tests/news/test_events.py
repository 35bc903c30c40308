"""Events: page tree, what an event page tells a visitor, the upcoming list
and the past archive with their filters, the admin's errors for impossible
events, and where else events appear (home, themes, search, sitemap, API)."""

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from bhp_portal.core.models import HomePage
from news.factories import EventIndexPageFactory, EventPageFactory
from news.models import (
    Attendance,
    EventIndexPage,
    EventPage,
    EventStatus,
    EventType,
)
from news.models.events import EVENTS_PER_PAGE
from tests.utils import PageTestCase, soup


def in_days(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def event_form(title, **extra):
    """The admin's event form for an in-person seminar in a month's time."""
    start = in_days(30)
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": "Summary.",
            "event_type": "seminar",
            "status": "scheduled",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "attendance": "in-person",
            "venue_name": "Seminar room",
            "venue_address": "Mindelsohn Way\nBirmingham B15 2TH",
            "body": streamfield([]),
            "speakers": inline_formset([]),
            **extra,
        }
    )


def only_these_events(*events):
    """Hide the demo's events, so a list holds only the test's."""
    EventPage.objects.exclude(pk__in=[e.pk for e in events]).update(live=False)


def event_json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    (data,) = [
        data
        for data in (json.loads(script.string) for script in scripts)
        if data["@type"] == "Event"
    ]
    return data


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


class EventTreeTests(PageTestCase):
    def setUp(self):
        self.login()
        self.index = EventIndexPageFactory()

    def test_the_index_is_a_single_child_of_home(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertFalse(EventIndexPage.can_create_at(HomePage.objects.get()))

    def test_events_live_only_in_the_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_pages_are_routable_and_render(self):
        event = EventPageFactory(parent=self.index)
        for page in (self.index, event):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_an_editor_creates_an_event_through_the_admin_form(self):
        self.assertCanCreate(self.index, EventPage, event_form("Admin seminar"))
        event = EventPage.objects.get(slug="admin-seminar")
        assert event.venue_name == "Seminar room"
        assert timezone.localtime(event.start).hour == 14


@pytest.mark.django_db
class TestEventErrorsInTheAdmin:
    """Impossible events come back as errors on their fields, never a 500,
    and nothing is saved."""

    def post(self, admin_client, **fields):
        index = EventIndexPageFactory()
        response = admin_client.post(
            f"/admin/pages/add/news/eventpage/{index.pk}/",
            event_form("Impossible event", **fields),
        )
        assert response.status_code == 200
        assert not EventPage.objects.filter(slug="impossible-event").exists()
        return response.context["form"].errors

    def test_an_end_before_the_start(self, admin_client):
        errors = self.post(admin_client, end=in_days(29).strftime("%Y-%m-%d %H:%M"))
        assert errors["end"] == ["The event cannot end before it starts."]

    def test_registration_closing_after_the_event(self, admin_client):
        errors = self.post(
            admin_client,
            registration_url="https://tickets.bhp.test/book",
            registration_closes=in_days(31).strftime("%Y-%m-%d %H:%M"),
        )
        assert errors["registration_closes"] == [
            "Registration cannot close after the event has ended."
        ]

    def test_an_online_event_with_no_link(self, admin_client):
        errors = self.post(admin_client, attendance="online", venue_address="")
        assert errors["online_link"] == [
            "An event online needs the address people join it at."
        ]

    def test_an_event_in_person_with_no_address(self, admin_client):
        errors = self.post(admin_client, venue_address="")
        assert errors["venue_address"] == [
            "An event in person needs the venue's address."
        ]

    def test_a_private_joining_link_needs_a_way_to_register(self, admin_client):
        errors = self.post(
            admin_client, attendance="mixed", online_link="https://meet.bhp.test/x"
        )
        assert "registration link" in errors["registration_url"][0]

    def test_a_slug_the_index_uses_for_its_own_pages(self, admin_client):
        errors = self.post(admin_client, slug="past")
        assert "choose another" in errors["slug"][0]


@pytest.mark.django_db
class TestEventPage:
    def test_it_says_when_where_and_how_to_book(self, client):
        event = EventPageFactory(
            title="Data seminar",
            start=in_days(20, 14),
            end=in_days(20, 16),
            registration_url="https://tickets.bhp.test/data",
            registration_closes=in_days(18),
            capacity_note="60 places",
            audience="Researchers",
        )
        page = soup(client.get(event.url))
        facts = page.select_one(".event-facts").get_text(" ", strip=True)
        assert event.when in facts
        assert "14:00 to 16:00 (UK time)" in facts
        assert "Mindelsohn Way" in facts
        assert "60 places" in facts and "Researchers" in facts
        register = page.find("a", class_="button")
        assert register["href"] == "https://tickets.bhp.test/data"
        map_link = page.select_one('.event-facts a[href*="openstreetmap"]')
        assert map_link.get_text().startswith("Map")
        assert map_link["href"].startswith("https://www.openstreetmap.org/search?")
        assert "B15+2TH" in map_link["href"]
        assert page.select_one(".event-status") is None

    def test_an_event_with_no_booking_says_so(self, client):
        event = EventPageFactory()
        text = soup(client.get(event.url)).get_text(" ", strip=True)
        assert "No need to register" in text

    def test_a_joining_link_for_registered_people_stays_off_the_page(self, client):
        event = EventPageFactory(
            attendance=Attendance.ONLINE,
            venue_address="",
            online_link="https://meet.bhp.test/secret-room",
            registration_url="https://tickets.bhp.test/online",
        )
        html = client.get(event.url).content.decode()
        assert "secret-room" not in html
        assert "The joining link is sent to you when you register." in html

    def test_a_public_joining_link_is_shown(self, client):
        event = EventPageFactory(
            attendance=Attendance.ONLINE,
            venue_address="",
            online_link="https://meet.bhp.test/open-room",
            online_link_public=True,
        )
        link = soup(client.get(event.url)).find(
            "a", href="https://meet.bhp.test/open-room"
        )
        assert link.get_text(strip=True).startswith("Join online")

    @pytest.mark.parametrize(
        ("status", "banner"),
        [
            (EventStatus.CANCELLED, "This event is cancelled"),
            (EventStatus.POSTPONED, "This event is postponed"),
            (EventStatus.MOVED_ONLINE, "This event has moved online"),
        ],
    )
    def test_a_changed_status_is_shown_prominently(self, client, status, banner):
        event = EventPageFactory(
            status=status,
            status_note="A new date will follow.",
            online_link="https://meet.bhp.test/moved",
            online_link_public=True,
        )
        box = soup(client.get(event.url)).select_one("header .event-status")
        assert box.strong.get_text() == banner
        assert "A new date will follow." in box.get_text()

    def test_a_cancelled_event_offers_no_booking(self, client):
        event = EventPageFactory(
            status=EventStatus.CANCELLED,
            registration_url="https://tickets.bhp.test/gone",
        )
        page = soup(client.get(event.url))
        assert page.find("a", href="https://tickets.bhp.test/gone") is None
        assert "the event is cancelled" in page.select_one(".event-facts").get_text()

    def test_an_all_day_event_shows_dates_without_times(self, client):
        event = EventPageFactory(
            all_day=True, start=in_days(40, 0), end=in_days(41, 23)
        )
        when = soup(client.get(event.url)).select_one(".event-facts dd")
        assert ":" not in when.get_text()
        assert " to " in when.get_text()
        assert when.time["datetime"] == f"{timezone.localtime(event.start):%Y-%m-%d}"

    def test_accessibility_is_listed(self, client):
        event = EventPageFactory(
            step_free_access=True,
            captions=True,
            bsl_interpretation=False,
            accessibility_notes="Hearing loop in the room.",
        )
        section = soup(client.get(event.url)).select_one(".event-access")
        items = [li.get_text(strip=True) for li in section.select("li")]
        assert items == [
            "Step-free access to the venue.",
            "Talks are captioned.",
            "No British Sign Language (BSL) interpreter is booked.",
        ]
        assert "Hearing loop" in section.get_text()

    def test_json_ld_describes_the_event(self, client, theme):
        event = EventPageFactory(
            status=EventStatus.MOVED_ONLINE,
            attendance=Attendance.IN_PERSON,
            online_link="https://meet.bhp.test/moved",
            online_link_public=True,
        )
        data = event_json_ld(client.get(event.url))
        assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
        assert data["eventAttendanceMode"] == (
            "https://schema.org/OnlineEventAttendanceMode"
        )
        assert data["location"] == [
            {"@type": "VirtualLocation", "url": "https://meet.bhp.test/moved"}
        ]
        assert data["organizer"]["name"] == "Birmingham Health Partners"
        assert data["startDate"] == timezone.localtime(event.start).isoformat()

    def test_json_ld_of_a_mixed_event_names_the_place_and_the_page(self, client):
        event = EventPageFactory(
            attendance=Attendance.MIXED,
            online_link="https://meet.bhp.test/private",
            registration_url="https://tickets.bhp.test/mixed",
        )
        data = event_json_ld(client.get(event.url))
        assert data["eventAttendanceMode"] == (
            "https://schema.org/MixedEventAttendanceMode"
        )
        place, virtual = data["location"]
        assert place["@type"] == "Place" and "B15 2TH" in place["address"]
        # The private joining link is not given away: the event's page is.
        assert virtual == {"@type": "VirtualLocation", "url": data["url"]}


@pytest.mark.django_db
class TestEventLists:
    def test_upcoming_events_come_soonest_first_and_past_ones_stay_out(self, client):
        later = EventPageFactory(title="Later", start=in_days(30), end=in_days(30, 16))
        sooner = EventPageFactory(title="Sooner", start=in_days(3), end=in_days(3, 16))
        over = EventPageFactory(title="Over", start=in_days(-3), end=in_days(-3, 16))
        only_these_events(later, sooner, over)
        assert card_titles(client.get("/events/")) == ["Sooner", "Later"]
        assert card_titles(client.get("/events/past/")) == ["Over"]

    def test_an_event_under_way_is_still_upcoming(self, client):
        now = timezone.now()
        event = EventPageFactory(
            title="Under way",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=1),
        )
        only_these_events(event)
        assert card_titles(client.get("/events/")) == ["Under way"]

    def test_statuses_are_shown_in_the_list(self, client):
        cancelled = EventPageFactory(title="Off", status=EventStatus.CANCELLED)
        on = EventPageFactory(title="On", event_type=EventType.WORKSHOP)
        only_these_events(cancelled, on)
        labels = {
            card.select_one(".card__title").get_text(strip=True): card.select_one(
                ".tag"
            ).get_text()
            for card in soup(client.get("/events/")).select(".card")
        }
        assert labels == {"Off": "Cancelled", "On": "Workshop"}

    def test_the_past_archive_is_paginated_most_recent_first(self, client):
        past = [
            EventPageFactory(
                title=f"Past {n}", start=in_days(-n - 1), end=in_days(-n - 1, 16)
            )
            for n in range(EVENTS_PER_PAGE + 2)
        ]
        only_these_events(*past)
        first = client.get("/events/past/")
        assert card_titles(first)[:2] == ["Past 0", "Past 1"]
        assert len(card_titles(first)) == EVENTS_PER_PAGE
        second = client.get("/events/past/?page=2")
        assert card_titles(second) == [
            f"Past {EVENTS_PER_PAGE}",
            f"Past {EVENTS_PER_PAGE + 1}",
        ]
        # Past the end shows the last page, as the news list does.
        assert card_titles(client.get("/events/past/?page=999")) == card_titles(second)

    def test_filters_by_theme_type_and_month(self, client, theme):
        seminar = EventPageFactory(
            title="Themed", themes=[theme], start=in_days(5), end=in_days(5, 16)
        )
        workshop = EventPageFactory(
            title="Workshop",
            event_type=EventType.WORKSHOP,
            start=in_days(70),
            end=in_days(70, 16),
        )
        only_these_events(seminar, workshop)
        assert card_titles(client.get(f"/events/?theme={theme.slug}")) == ["Themed"]
        assert card_titles(client.get("/events/?type=workshop")) == ["Workshop"]
        month = f"{timezone.localtime(workshop.start):%Y-%m}"
        response = client.get(f"/events/?month={month}")
        assert card_titles(response) == ["Workshop"]
        options = [o["value"] for o in soup(response).select("#id_month option")]
        assert options == ["", f"{timezone.localtime(seminar.start):%Y-%m}", month]

    @pytest.mark.parametrize(
        "query",
        ["month=abc", "month=2019-13", "theme=nope", "type=party", "page=abc"],
    )
    def test_bad_filter_values_are_a_404_page_not_an_error(self, client, query):
        EventPageFactory()
        for path in ("/events/", "/events/past/"):
            response = client.get(f"{path}?{query}")
            assert response.status_code == 404

    def test_a_bad_filter_shows_the_list_with_the_error(self, client):
        response = client.get("/events/?month=abc")
        summary = soup(response).select_one(".error-summary")
        assert "There are no events in “abc”." in summary.get_text()

    def test_feeds_are_offered_for_everything_and_the_chosen_theme(self, client, theme):
        EventPageFactory(themes=[theme])
        page = soup(client.get(f"/events/?theme={theme.slug}"))
        links = [link["href"] for link in page.find_all("link", type="text/calendar")]
        assert links == [
            "/events/calendar/",
            f"/events/calendar/{theme.slug}/",
        ]


@pytest.mark.django_db
class TestEventsElsewhere:
    def test_the_home_page_shows_the_next_events(self, client):
        events = [
            EventPageFactory(
                title=f"Next {n}", start=in_days(n + 1), end=in_days(n + 1, 16)
            )
            for n in range(4)
        ]
        only_these_events(*events)
        section = soup(client.get("/")).select_one(".next-events")
        titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
        assert titles == ["Next 0", "Next 1", "Next 2"]
        assert section.find("a", href="/events/")

    def test_a_theme_page_shows_its_next_events(self, client, theme, other_theme):
        mine = EventPageFactory(title="On this theme", themes=[theme])
        EventPageFactory(title="On another", themes=[other_theme])
        EventPageFactory(
            title="Already over", themes=[theme], start=in_days(-2), end=in_days(-2, 16)
        )
        response = client.get(theme.url)
        section = soup(response).find(id="events-heading").parent
        titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
        assert titles == [mine.title]

    def test_events_are_found_by_search_under_their_own_type(self, client):
        EventPageFactory(title="Zebrafish genetics seminar")
        response = client.get("/search/?q=zebrafish&type=events")
        assert response.status_code == 200
        titles = [
            a.get_text(strip=True)
            for a in soup(response).select(".search-result__title a")
        ]
        assert "Zebrafish genetics seminar" in titles

    def test_the_sitemap_lists_past_events_too(self, client):
        past = EventPageFactory(
            slug="long-gone", start=in_days(-90), end=in_days(-90, 16)
        )
        response = client.get("/sitemap.xml")
        assert f"/events/{past.slug}/" in response.content.decode()

    def test_the_api_gives_an_event_without_a_private_link(self, client):
        event = EventPageFactory(
            attendance=Attendance.MIXED,
            online_link="https://meet.bhp.test/private",
            registration_url="https://tickets.bhp.test/mixed",
        )
        response = client.get(f"/api/v2/pages/{event.pk}/")
        data = response.json()
        assert data["status"] == "scheduled"
        assert data["attendance"] == "mixed"
        assert data["public_online_link"] == ""
        assert "private" not in response.content.decode()
        start = datetime.datetime.fromisoformat(data["start"].replace("Z", "+00:00"))
        assert start == event.start

    def test_publishing_an_event_refreshes_the_cached_list(self, client):
        EventPageFactory(title="First")
        assert client.get("/events/").headers["X-Cache"] == "MISS"
        assert client.get("/events/").headers["X-Cache"] == "HIT"
        new = EventPageFactory(title="Freshly published", live=False)
        new.save_revision().publish()
        response = client.get("/events/")
        assert response.headers["X-Cache"] == "MISS"
        assert "Freshly published" in card_titles(response)
