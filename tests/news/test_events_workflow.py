"""The Comms team publishes events through the News sign-off, as it does
news: the whole journey through the real admin, from a submitted draft to
the event on every page that lists it, and then its cancellation. (That a
new events index is put under the sign-off: test_comms_workflow.py.)"""

import datetime

import pytest
from icalendar import Calendar
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from news.factories import EventIndexPageFactory
from news.models import EventPage
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = ProxyClient()
    client.force_login(user)
    return client


def event_form(title, theme, **extra):
    start = datetime.datetime.now() + datetime.timedelta(days=2)
    start = start.replace(hour=11, minute=0, second=0, microsecond=0)
    form = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": "A seminar for the sign-off journey.",
            "event_type": "seminar",
            "status": "scheduled",
            "start": f"{start:%Y-%m-%d %H:%M}",
            "end": f"{start + datetime.timedelta(hours=2):%Y-%m-%d %H:%M}",
            "attendance": "in-person",
            "venue_name": "Seminar room 1",
            "venue_address": "Mindelsohn Way\nBirmingham B15 2TH",
            "body": streamfield([]),
            "speakers": inline_formset([]),
            **extra,
        }
    )
    form["themes"] = [theme.pk]
    return form


def add_url(index):
    return f"/admin/pages/add/news/eventpage/{index.pk}/"


def approve(moderator, page):
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    response = logged_in(moderator).post(
        f"/admin/pages/workflow/action/{page.pk}/approve/"
        f"{state.current_task_state.pk}/",
        {"comment": "Approved."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    return page


def calendar_summaries(client, path="/events/calendar/"):
    calendar = Calendar.from_ical(client.get(path).content)
    return {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}


def test_the_comms_team_cannot_publish_an_event_itself(comms_user, theme):
    index = EventIndexPageFactory()
    client = logged_in(comms_user)
    assert client.get(add_url(index)).status_code == 200
    response = client.post(
        add_url(index), event_form("Self published", theme, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert not EventPage.objects.get(slug="self-published").live


def test_others_cannot_add_events(make_user, theme):
    index = EventIndexPageFactory()
    outsider = make_user("outsider")
    response = logged_in(outsider).get(add_url(index))
    assert response.status_code in (302, 403)


def test_from_submission_to_cancellation(comms_user, moderator, theme):
    index = EventIndexPageFactory()
    comms = logged_in(comms_user)
    public = ProxyClient()
    title = "Sign off seminar"

    response = comms.post(
        add_url(index), event_form(title, theme, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="sign-off-seminar")
    assert not event.live
    assert public.get("/events/sign-off-seminar/").status_code == 404
    assert title not in public.get("/events/").content.decode()

    event = approve(moderator, event)
    assert event.live
    assert list(event.themes.all()) == [theme]
    listed = [
        a.get_text(strip=True)
        for a in soup(public.get("/events/")).select(".card__title a")
    ]
    assert title in listed
    assert (
        title in soup(public.get(theme.url)).find(id="events-heading").parent.get_text()
    )
    assert title in soup(public.get("/")).select_one(".next-events").get_text()
    assert calendar_summaries(public)[title] == "CONFIRMED"
    assert calendar_summaries(public, f"/events/calendar/{theme.slug}/")[title] == (
        "CONFIRMED"
    )
    results = soup(public.get("/search/?q=sign+off+seminar&type=events"))
    assert title in [
        a.get_text(strip=True) for a in results.select(".search-result__title a")
    ]

    # Cancelling is an edit like any other: drafted by Comms, signed off.
    response = comms.post(
        f"/admin/pages/{event.pk}/edit/",
        event_form(
            title,
            theme,
            status="cancelled",
            status_note="The speaker is unwell.",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    assert public.get(event.url).status_code == 200
    assert "is cancelled" not in public.get(event.url).content.decode()
    event = approve(moderator, event)

    page = soup(public.get(event.url))
    assert (
        page.select_one(".event-status").strong.get_text() == "This event is cancelled"
    )
    card = next(
        card
        for card in soup(public.get("/events/")).select(".card")
        if card.select_one(".card__title").get_text(strip=True) == title
    )
    assert card.select_one(".tag").get_text() == "Cancelled"
    assert calendar_summaries(public)[f"Cancelled: {title}"] == "CANCELLED"
