"""Fixtures for the end-to-end journeys: staff accounts on the live site,
signing in through the real login form, and screenshots of each key step
(var/screenshots/, kept as CI output; a last one is taken when a test fails)."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.live_site import BASE_DIR

# CI machines and shared ones are slow; Playwright's 5 s makes flaky tests.
expect.set_options(timeout=20_000)

SCREENSHOTS = BASE_DIR / "var" / "screenshots"
PASSWORD = "an-end-to-end-test-password"  # throwaway database
# username: group. Each journey acts as the least-privileged person who does it.
STAFF = {"eddie": "Editors", "carla": "Comms team", "mona": "Moderators"}


def run_in_shell(live_site, code):
    """Runs Python in `manage.py shell` on the live site's database and returns
    what it prints: the tests check the database the site uses, not their own."""
    try:
        return live_site.manage("shell", "--no-imports", "-c", code).strip()
    except subprocess.CalledProcessError as error:
        pytest.fail(f"manage.py shell failed:\n{code}\n{error.stderr}")


@pytest.fixture(scope="session")
def staff(live_site):
    """Editor, comms and moderator accounts in the live site's database."""
    run_in_shell(
        live_site,
        "from django.contrib.auth.models import Group, User\n"
        f"for name, group in {STAFF!r}.items():\n"
        "    user = User.objects.create_user(\n"
        f"        name, name + '@bhp.example', {PASSWORD!r}, first_name=name.title()\n"
        "    )\n"
        "    user.groups.add(Group.objects.get(name=group))\n",
    )
    return STAFF


@pytest.fixture
def sign_in(new_page, staff, screenshot):
    """A browser tab signed in as `username` through /admin/login/."""

    def open_as(username):
        page = new_page(1280, 900)
        page.set_default_timeout(20_000)
        page.goto("/admin/login/")
        screenshot(page, "sign-in")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        return page

    return open_as


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def screenshot(request, new_page):
    """screenshot(page, step) saves var/screenshots/<test>-<step>.png. When the
    test fails, every tab it opened is saved once more as <test>-failure-<n>.png,
    before new_page closes them."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    test = re.sub(r"^test_", "", request.node.name)
    pages = []

    def take(page, step):
        if page not in pages:
            pages.append(page)
        page.screenshot(path=SCREENSHOTS / f"{test}-{step}.png", full_page=True)

    yield take
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        for number, page in enumerate(pages, start=1):
            if not page.is_closed():
                page.screenshot(
                    path=SCREENSHOTS / f"{test}-failure-{number}.png", full_page=True
                )


@pytest.fixture
def site_shell(live_site):
    return lambda code: run_in_shell(live_site, code)
