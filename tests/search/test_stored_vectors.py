"""The stored search vectors (core/migrations/0012) are generated columns on
Wagtail's index rows: Wagtail's INSERT ... ON CONFLICT DO UPDATE must keep
them current when a page is published and when the index is rebuilt."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from bhp_portal.core.factories import StandardPageFactory, rich_text
from bhp_portal.core.search import (
    BOOSTED_WORDS_COLUMN,
    TITLE_BODY_COLUMN,
    search_hits,
)

pytestmark = pytest.mark.django_db


def stored_vectors(page):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {TITLE_BODY_COLUMN}::text, {BOOSTED_WORDS_COLUMN}::text "  # noqa: S608
            "FROM wagtailsearch_indexentry "
            "WHERE content_type_id = %s AND object_id = %s",
            [page.content_type_id, str(page.pk)],
        )
        return cursor.fetchone()


@pytest.fixture
def capybara(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Capybara",
        summary="",
        body=rich_text("<p>Wallowing in rivers.</p>"),
    )


def test_publishing_fills_and_updates_the_stored_vectors(capybara):
    title_body, boosted = stored_vectors(capybara)
    assert "'capybara'" in title_body and "'wallow'" in title_body
    # Body text has no boost: only the title is among the boosted words.
    assert "'capybara'" in boosted and "'wallow'" not in boosted
    capybara.title = "Tapir"
    capybara.save_revision().publish()
    title_body, boosted = stored_vectors(capybara)
    assert "'tapir'" in title_body and "'capybara'" not in title_body
    assert [hit.page.title for hit in search_hits("tapir")] == ["Tapir"]
    assert search_hits("capybara").count() == 0


def test_update_index_rebuilds_the_stored_vectors(capybara):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM wagtailsearch_indexentry")
    assert search_hits("capybara").count() == 0
    call_command("update_index", stdout=StringIO())
    assert [hit.page.title for hit in search_hits("capybara")] == ["Capybara"]
    assert "'capybara'" in stored_vectors(capybara)[1]
