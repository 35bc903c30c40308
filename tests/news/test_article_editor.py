"""The article editor's Themes field: every theme a checkbox, drafts marked."""

import pytest

from research.factories import ResearchThemePageFactory
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db


def test_themes_are_checkboxes_with_drafts_marked(comms_user, news_index, theme):
    draft = ResearchThemePageFactory(title="Unfinished Theme", slug="unfinished")
    draft.unpublish()
    client = ProxyClient()
    client.force_login(comms_user)

    html = soup(client.get(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"))

    labels = {
        box["value"]: box.find_parent("label").get_text(" ", strip=True)
        for box in html.select('input[type="checkbox"][name="themes"]')
    }
    assert labels[str(theme.pk)] == "Test Theme"
    assert labels[str(draft.pk)] == ("Unfinished Theme (draft: not on the public site)")
