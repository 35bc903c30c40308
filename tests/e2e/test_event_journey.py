"""An event through the Comms sign-off in Chromium against the live site:
an editor adds a person to the directory, the Comms team drafts the event
with that person as its speaker and submits it, a moderator approves it,
visitors find
it on /events/, its theme, the home page, the calendar feed and search; then
it is cancelled the same way and every one of those says so."""

import datetime
import re

import pytest
from django.utils.text import slugify
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.test_editorial_journeys import (
    PAGE_LISTING,
    choose_action,
    footer_actions,
    open_for_review,
)

pytestmark = pytest.mark.browser


def calendar_statuses(live_site):
    status, text = live_site.fetch("/events/calendar/")
    assert status == 200
    calendar = Calendar.from_ical(text)
    return {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}


def approve(sign_in, title):
    moderator = sign_in("mona")
    open_for_review(moderator, title)
    footer_actions(moderator)
    choose_action(moderator, "Approve and Publish")
    moderator.wait_for_url(PAGE_LISTING)


def add_person(sign_in, site_shell, name):
    """An editor publishes a person page in the directory."""
    people = site_shell(
        "from research.models import PeopleIndexPage; "
        "print(PeopleIndexPage.objects.get().pk)"
    )
    editor = sign_in("eddie")
    editor.goto(f"/admin/pages/add/research/personpage/{people}/")
    editor.get_by_placeholder("Page title*").fill(name)
    editor.get_by_role("textbox", name="Summary").fill("Talks about taking part.")
    footer_actions(editor)
    choose_action(editor, "Publish")
    editor.wait_for_url(PAGE_LISTING)


def test_an_event_is_signed_off_then_cancelled(
    sign_in, new_page, screenshot, live_site, site_shell
):
    title = "Clinical trials for families: an evening talk"
    slug = slugify(title)
    # Visitors have seen these pages before: the page cache must not hide it.
    for path in ("/events/", "/research/clinical-trials/", "/"):
        status, html = live_site.fetch(path)
        assert status == 200 and title not in html

    speaker = "Test Speaker"
    add_person(sign_in, site_shell, speaker)

    comms = sign_in("carla")
    index = site_shell(
        "from news.models import EventIndexPage; print(EventIndexPage.objects.get().pk)"
    )
    comms.goto(f"/admin/pages/{index}/")
    comms.get_by_role("link", name="Add child page").first.click()
    comms.get_by_placeholder("Page title*").fill(title)
    comms.get_by_role("textbox", name="Summary").fill("What taking part involves.")
    day = datetime.date.today() + datetime.timedelta(days=3)
    comms.locator("#id_start").fill(f"{day:%Y-%m-%d} 18:00")
    comms.locator("#id_end").fill(f"{day:%Y-%m-%d} 19:30")
    # A click outside closes the date picker, which would cover the footer.
    comms.get_by_role("textbox", name="Summary").click()
    comms.locator("#id_venue_address").fill("Edgbaston\nBirmingham B15 2TT")
    # The Comms team may choose a person, though not edit one.
    comms.get_by_role("button", name="Add speaker").click()
    comms.locator("#id_speakers-FORMS").get_by_role(
        "button", name=re.compile("Choose a page")
    ).click()
    chooser = comms.get_by_role("dialog")
    chooser.get_by_role("link", name=speaker).click()
    expect(chooser).to_be_hidden()
    themes = comms.locator('[data-contentpath="themes"]')
    themes.get_by_role("checkbox", name="Clinical Trials", exact=True).check()
    actions = footer_actions(comms)
    assert "Submit to News sign-off" in actions
    assert not any("Publish" in action for action in actions)
    screenshot(comms, "submit")
    choose_action(comms, "Submit to News sign-off")
    comms.wait_for_url(PAGE_LISTING)
    assert live_site.fetch(f"/events/{slug}/")[0] == 404

    approve(sign_in, title)
    visitor = new_page()
    for path in ("/events/", "/research/clinical-trials/", "/"):
        visitor.goto(path)
        expect(visitor.get_by_role("link", name=title)).to_be_visible()
    screenshot(visitor, "on-home")
    assert calendar_statuses(live_site)[title] == "CONFIRMED"
    visitor.goto(f"/events/{slug}/")
    expect(visitor.get_by_role("link", name=speaker)).to_be_visible()
    visitor.goto(f"/search/?q={title}")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()

    pk = site_shell(
        "from news.models import EventPage\n"
        f"print(EventPage.objects.get(slug={slug!r}).pk)"
    )
    comms.goto(f"/admin/pages/{pk}/edit/")
    comms.locator("#id_status").select_option(label="Cancelled")
    comms.locator("#id_status_note").fill("The speaker is unwell.")
    assert "Submit to News sign-off" in footer_actions(comms)
    choose_action(comms, "Submit to News sign-off")
    comms.wait_for_url(PAGE_LISTING)
    approve(sign_in, title)

    visitor.goto(f"/events/{slug}/")
    expect(visitor.get_by_text("This event is cancelled")).to_be_visible()
    screenshot(visitor, "cancelled")
    visitor.goto("/events/")
    card = visitor.locator(".card", has=visitor.get_by_role("link", name=title))
    expect(card.locator(".tag")).to_have_text("Cancelled")
    assert calendar_statuses(live_site)[f"Cancelled: {title}"] == "CANCELLED"
