"""make backup / make restore: a backup restored into a new database has
every page and revision, and the media come back."""

import os
import subprocess
import sys
import uuid

import psycopg2
import pytest
from django.db import connection
from wagtail.models import Page, Revision

from tests.utils import database_url

pytestmark = pytest.mark.django_db


def run_script(script, *args, **env):
    result = subprocess.run(  # noqa: S603 (our own scripts)
        # As `make backup` runs it: with PostgreSQL's own client programs.
        [sys.executable, "-m", "bhp_portal.embedded_postgres", "run"]
        + [f"scripts/{script}", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def scratch_database():
    name = f"bhp_restore_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(database_url("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_backup_restores_every_page_revision_and_media_file(tmp_path, scratch_database):
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "annual-report.pdf").write_bytes(b"%PDF-1.4 report")

    backup = run_script(
        "backup.sh",
        str(tmp_path / "backups"),
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=str(media),
    ).stdout.strip()
    assert sorted(os.listdir(backup)) == ["database.dump", "media.tar.gz"]

    restored_media = tmp_path / "restored-media"
    run_script(
        "restore.sh",
        backup,
        DATABASE_URL=database_url(scratch_database),
        MEDIA_ROOT=str(restored_media),
    )

    restored = psycopg2.connect(database_url(scratch_database))
    try:
        with restored.cursor() as cursor:
            cursor.execute("SELECT id, url_path, live FROM wagtailcore_page")
            pages = set(cursor.fetchall())
            cursor.execute("SELECT id, object_id FROM wagtailcore_revision")
            revisions = set(cursor.fetchall())
    finally:
        restored.close()
    assert pages == set(Page.objects.values_list("id", "url_path", "live"))
    assert len(pages) > 5
    assert revisions == set(Revision.objects.values_list("id", "object_id"))
    assert revisions
    assert (restored_media / "documents" / "annual-report.pdf").read_bytes() == (
        b"%PDF-1.4 report"
    )
