"""Events as iCalendar (RFC 5545): one event's .ics and the feeds of all
events or one theme's, made with the icalendar library.

Times are written in Europe/London with its VTIMEZONE, so a calendar shows
them right on either side of the clocks changing. Each event's UID is its
page's translation key, which never changes, so a calendar that saved an
event replaces it when the event is updated (SEQUENCE and LAST-MODIFIED
advance on every publish); a cancelled event stays in the feed with
STATUS:CANCELLED, so subscribers see it cancelled rather than silently gone.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from .models.events import EventStatus

PRODID = "-//Birmingham Health Partners//Events//EN"
# A subscribed calendar asks again after this long (RFC 7986 REFRESH-INTERVAL).
REFRESH = datetime.timedelta(hours=6)
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def london():
    return ZoneInfo(settings.TIME_ZONE)


def event_times(event):
    """DTSTART and DTEND: dates for an all-day event (DTEND the day after its
    last, as RFC 5545 counts it), otherwise London times."""
    start, end = event.start.astimezone(london()), event.end.astimezone(london())
    if event.all_day:
        return start.date(), end.date() + datetime.timedelta(days=1)
    return start, end


def summary(event):
    if event.status == EventStatus.SCHEDULED:
        return event.title
    return f"{event.get_status_display()}: {event.title}"


def location(event):
    if event.is_in_person:
        lines = [event.venue_name, *event.venue_address.splitlines()]
        return ", ".join(line.strip() for line in lines if line.strip())
    return event.public_online_link or "Online"


def description(event, url):
    parts = [event.status_note, event.summary]
    if event.is_online and not event.public_online_link:
        parts.append("The joining link is sent to people who register.")
    parts.append(f"Details and booking: {url}")
    return "\n\n".join(part for part in parts if part)


def sequence(published):
    """Seconds from SEQUENCE_EPOCH to the last publish: larger after every
    publish, and within the 32-bit integer RFC 5545 allows until 2088."""
    return int((published - SEQUENCE_EPOCH).total_seconds())


def vevent(event, request):
    url = event.get_full_url(request)
    start, end = event_times(event)
    published = event.last_published_at or timezone.now()
    return Event.new(
        uid=str(event.translation_key),
        sequence=sequence(published),
        stamp=published,
        last_modified=published,
        start=start,
        end=end,
        summary=summary(event),
        description=description(event, url),
        location=location(event),
        url=url,
        status=ICAL_STATUS[event.status],
        categories=[event.get_event_type_display()],
    )


def calendar_of(events, request, name):
    events = list(events)
    calendar = Calendar.new(
        # The same feed keeps the same UID, whenever it is fetched.
        uid=uuid.uuid5(uuid.NAMESPACE_URL, request.build_absolute_uri(request.path)),
        prodid=PRODID,
        name=name,
        method="PUBLISH",
        refresh_interval=REFRESH,
        calscale="GREGORIAN",
    )
    calendar["X-WR-TIMEZONE"] = settings.TIME_ZONE
    years = [e.start.year for e in events] + [e.end.year for e in events]
    today = timezone.localdate()
    # Transitions for the years the events span, not the library's 1970-2038.
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=datetime.date(min(years, default=today.year) - 1, 1, 1),
            last_date=datetime.date(max(years, default=today.year) + 1, 12, 31),
        )
    )
    for event in events:
        calendar.add_component(vevent(event, request))
    return calendar


def calendar_response(request, events, name, filename):
    calendar = calendar_of(events, request, name)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
