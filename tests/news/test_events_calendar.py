"""Events as iCalendar: each event's .ics and the feeds of all events and of
one theme parse back as valid RFC 5545, in London time either side of the
clocks changing, with stable UIDs and cancelled events marked so."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from news.factories import EventPageFactory
from news.models import EventPage, EventStatus

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar.get_missing_tzids() == set()
    return calendar


def vevents(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def london(year, month, day, hour):
    return timezone.make_aware(datetime.datetime(year, month, day, hour), LONDON)


def at(day, hour):
    return london(day.year, day.month, day.day, hour)


def next_year():
    return timezone.localdate().year + 1


def test_an_event_ics_has_its_london_times_and_a_vtimezone(client):
    event = EventPageFactory(
        title="Summer seminar",
        start=london(next_year(), 7, 1, 14),
        end=london(next_year(), 7, 1, 16),
    )
    response = client.get(f"{event.url}calendar/")
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
    calendar = parse(response)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    # 14:00 in London in July is 13:00 UTC.
    assert vevent.start == event.start
    assert vevent.start.utcoffset() == datetime.timedelta(hours=1)
    assert vevent["UID"] == str(event.translation_key)
    assert vevent["STATUS"] == "CONFIRMED"
    assert vevent["URL"] == event.get_full_url()
    assert "Mindelsohn Way" in vevent["LOCATION"]


@pytest.mark.parametrize(
    ("month", "before", "after"),
    [
        # The last Sunday of March: clocks go forward.
        (3, datetime.timedelta(0), datetime.timedelta(hours=1)),
        # The last Sunday of October: clocks go back.
        (10, datetime.timedelta(hours=1), datetime.timedelta(0)),
    ],
)
def test_times_either_side_of_the_clocks_changing(client, month, before, after):
    year = next_year()
    last = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    sunday = last - datetime.timedelta(days=(last.weekday() + 1) % 7)
    saturday = sunday - datetime.timedelta(days=1)
    monday = sunday + datetime.timedelta(days=1)
    first = EventPageFactory(
        title="Before the change", start=at(saturday, 10), end=at(saturday, 12)
    )
    second = EventPageFactory(
        title="After the change", start=at(monday, 10), end=at(monday, 12)
    )
    calendar = parse(client.get("/events/calendar/"))
    events = vevents(calendar)
    for page, offset in ((first, before), (second, after)):
        vevent = events[page.title]
        # Written as 10:00 London time, meaning the right instant.
        assert vevent.decoded("DTSTART").hour == 10
        assert vevent.start == page.start
        assert vevent.start.utcoffset() == offset
    # The VTIMEZONE alone, read as a time zone, changes the clocks that Sunday.
    (vtimezone,) = calendar.walk("VTIMEZONE")
    feed_zone = vtimezone.to_tz()
    noon = datetime.time(12)
    for day, offset in ((saturday, before), (sunday, after), (monday, after)):
        moment = datetime.datetime.combine(day, noon, tzinfo=feed_zone)
        assert moment.utcoffset() == offset


def test_an_all_day_event_is_whole_days(client):
    event = EventPageFactory(
        title="Open day",
        all_day=True,
        start=london(next_year(), 2, 28, 0),
        end=london(next_year(), 3, 1, 23),
    )
    (vevent,) = parse(client.get(f"{event.url}calendar/")).walk("VEVENT")
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent.start == datetime.date(next_year(), 2, 28)
    # DTEND is the day after the last, as RFC 5545 counts.
    assert vevent.end == datetime.date(next_year(), 3, 2)


def test_a_cancelled_event_stays_in_the_feed_marked_cancelled(client):
    event = EventPageFactory(title="Called off", status=EventStatus.CANCELLED)
    vevent = vevents(parse(client.get("/events/calendar/")))[
        f"Cancelled: {event.title}"
    ]
    assert vevent["STATUS"] == "CANCELLED"


def test_an_update_keeps_the_uid_and_raises_the_sequence(client):
    event = EventPageFactory(title="Moving seminar")
    (before,) = parse(client.get(f"{event.url}calendar/")).walk("VEVENT")
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    # As if published a little later than the first time.
    EventPage.objects.filter(pk=event.pk).update(
        last_published_at=timezone.now() + datetime.timedelta(seconds=5)
    )
    (after,) = parse(client.get(f"{event.url}calendar/")).walk("VEVENT")
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.start == before.start + datetime.timedelta(days=1)


def test_the_feeds_keep_the_same_calendar_uid(client):
    EventPageFactory()
    first = parse(client.get("/events/calendar/"))
    again = parse(client.get("/events/calendar/?utm_source=x"))
    assert first["UID"] == again["UID"]


def test_a_theme_feed_has_only_that_themes_events(client, theme, other_theme):
    mine = EventPageFactory(title="On the theme", themes=[theme])
    EventPageFactory(title="Elsewhere", themes=[other_theme])
    calendar = parse(client.get(f"/events/calendar/{theme.slug}/"))
    assert set(vevents(calendar)) == {mine.title}
    assert theme.title in calendar["X-WR-CALNAME"]


def test_an_unknown_theme_feed_is_a_404(client):
    assert client.get("/events/calendar/nope/").status_code == 404


def test_the_feed_has_upcoming_events_and_the_past_years(client):
    EventPage.objects.update(live=False)
    now = timezone.now()
    recent = EventPageFactory(
        title="Recent",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30),
    )
    EventPageFactory(
        title="Long ago",
        start=now - datetime.timedelta(days=400),
        end=now - datetime.timedelta(days=400),
    )
    soon = EventPageFactory(title="Soon")
    assert list(vevents(parse(client.get("/events/calendar/")))) == [
        recent.title,
        soon.title,
    ]


def test_a_private_joining_link_is_not_in_the_calendar(client):
    event = EventPageFactory(
        attendance="online",
        venue_address="",
        online_link="https://meet.bhp.test/secret-room",
        registration_url="https://tickets.bhp.test/x",
    )
    response = client.get(f"{event.url}calendar/")
    assert b"secret-room" not in response.content
    (vevent,) = parse(response).walk("VEVENT")
    assert vevent["LOCATION"] == "Online"
    assert "sent to people who register" in vevent["DESCRIPTION"]
