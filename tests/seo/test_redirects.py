"""Old BHP addresses keep working: redirects imported from a CSV file with
Wagtail's import_redirects command, as the README describes."""

import csv
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "redirects-example.csv"


@pytest.mark.django_db
def test_the_example_csv_imports_and_each_old_address_leads_to_a_live_page(client):
    """The example's targets are the live site's addresses; their paths are
    pages of the demo content."""
    with EXAMPLE.open() as rows:
        pairs = [(row["from"], row["to"]) for row in csv.DictReader(rows)]

    quiet = StringIO()
    call_command("import_redirects", src=str(EXAMPLE), stdout=quiet)

    assert Redirect.objects.count() == len(pairs)
    for old, new in pairs:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(urlparse(new).path).status_code == 200, new
