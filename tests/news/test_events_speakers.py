"""Speakers: people from the directory, listed on the event in the editor's
order and named as performers in its JSON-LD; a person's page lists the
events they speak at through the reverse relation."""

import pytest

from news.factories import EventPageFactory
from news.models import EventSpeaker
from research.factories import PersonPageFactory
from tests.news.test_events import event_json_ld
from tests.utils import soup

pytestmark = pytest.mark.django_db


def with_speakers(*people, **fields):
    return EventPageFactory(
        speakers=[EventSpeaker(person=person) for person in people], **fields
    )


def test_the_event_lists_its_live_speakers_in_order(client):
    second = PersonPageFactory(title="Zara Second")
    first = PersonPageFactory(title="Anna First")
    hidden = PersonPageFactory(title="Not Published", live=False)
    event = with_speakers(second, hidden, first)
    section = soup(client.get(event.url)).find(id="speakers-heading").parent
    names = [a.get_text(strip=True) for a in section.select(".person-card__name a")]
    assert names == ["Zara Second", "Anna First"]


def test_speakers_are_the_events_performers(client):
    person = PersonPageFactory(title="Speaking Person")
    event = with_speakers(person)
    data = event_json_ld(client.get(event.url))
    assert data["performer"] == [
        {"@type": "Person", "name": "Speaking Person", "url": person.get_full_url()}
    ]


def test_an_event_without_speakers_has_no_speakers_section(client):
    event = EventPageFactory()
    page = soup(client.get(event.url))
    assert page.find(id="speakers-heading") is None
    assert '"performer"' not in page.decode()


def test_a_persons_page_lists_the_events_they_speak_at(client):
    person = PersonPageFactory(title="Busy Speaker")
    talk = with_speakers(person, title="A talk")
    EventPageFactory(title="Someone else's talk")
    section = soup(client.get(person.url)).find(id="events-heading").parent
    titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
    assert titles == [talk.title]


def test_the_api_names_the_live_speakers(client):
    person = PersonPageFactory(title="Api Speaker")
    event = with_speakers(person, PersonPageFactory(live=False))
    data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert [speaker["title"] for speaker in data["speakers"]] == ["Api Speaker"]
