"""Security round two, item 9: a double click, or two tabs, submitting the
same admin action at once gives no 500 and loses no text. The scenarios run
in their own process on a committed copy of the test database
(double_submits.py), where two requests can really overlap."""

import json
import subprocess

import pytest

from tests.live_site import app_env, database_copy, manage

# The copy is made from the test database, so it must exist.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker, redis_url):
    with database_copy("double", django_db_blocker) as url:
        env = app_env(
            url,
            redis_url,
            "testserver",
            BHP_REQUIRE_2FA="false",
            EMAIL_URL="dummymail://",
        )
        code = "from tests.security.double_submits import main; main()"
        try:
            output = manage(env, "shell", "--no-imports", "-c", code)
        except subprocess.CalledProcessError as error:
            pytest.fail(f"the scenarios failed:\n{error.stderr}")
    return json.loads(output.strip().splitlines()[-1])


def test_a_double_clicked_new_draft_is_saved_once_with_its_text(outcomes):
    saved = outcomes["save_new_draft"]
    # The second click finds the slug taken and shows the form again, with
    # what was typed.
    assert sorted(saved["codes"]) == [200, 302]
    assert saved["pages"] == 1
    assert saved["text_kept"]


@pytest.mark.parametrize(
    ("action", "status", "live"),
    [("approve", "approved", True), ("reject", "needs_changes", False)],
)
def test_a_double_clicked_decision_is_taken_once(outcomes, action, status, live):
    outcome = outcomes[action]
    assert 500 not in outcome["codes"]
    assert outcome["status"] == status
    assert outcome["live"] is live
    assert outcome["decisions"] == 1


def test_a_double_clicked_resubmission_resumes_the_one_workflow(outcomes):
    outcome = outcomes["resubmit"]
    assert 500 not in outcome["codes"]
    assert outcome["status"] == "in_progress"
    assert outcome["workflows"] == 1
