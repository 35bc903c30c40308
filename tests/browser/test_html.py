"""The Nu HTML Checker (vnu-jar from npm, run with Java) finds no error in
the HTML the server sends for every sitemap page and the extra pages."""

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.browser.pages import extra_paths, sitemap_paths, submit_empty_contact_form
from tests.live_site import BASE_DIR

pytestmark = pytest.mark.browser

VNU_JAR = BASE_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_command():
    java = shutil.which("java")
    missing = [] if java else ["java"]
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR} (make test runs npm ci)")
    if missing:
        pytest.fail(
            "the HTML checker needs "
            + " and ".join(missing)
            + ": run `make test-tools`"
        )
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def test_vnu_reports_errors_in_broken_html(tmp_path):
    """A guard: the check below must find something when there is something."""
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>")
    run = subprocess.run(
        [*vnu_command(), str(broken)], capture_output=True, text=True, check=False
    )
    assert json.loads(run.stderr)["messages"]


def test_no_html_errors_on_any_page(live_site, new_page, tmp_path):
    command = vnu_command()
    paths = sitemap_paths(live_site) + extra_paths(live_site)
    # The server has two workers; keep both busy.
    with ThreadPoolExecutor(max_workers=4) as pool:
        bodies = pool.map(lambda path: live_site.fetch(path)[1], paths)
    pages = dict(zip(paths, bodies, strict=True))
    pages["contact form with errors"] = submit_empty_contact_form(new_page()).text()

    files = {}
    for number, (name, html) in enumerate(pages.items()):
        file = tmp_path / f"page-{number}.html"
        file.write_text(html)
        files[file.name] = name
    # One Java process for every page: the JVM's start-up dominates otherwise.
    run = subprocess.run(
        [*command, *(str(tmp_path / name) for name in files)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])} line {m.get('lastLine')}: "
        f"{m['message']} {m.get('extract', '')!r}"
        for m in messages
    ]
    assert len(pages) > 20
    assert errors == [], "\n".join(errors)
