"""manage.py import_studies: ClinicalTrials.gov's API v2 responses (fixtures
in the API's documented shape) become draft studies, known studies get the
registry's fields and keep the editor's, and bad records are reported one
by one while the rest go in. No test reaches the internet: the --query path
reads a local HTTP server that pages through the fixtures."""

import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command

from partners.factories import OrganisationFactory
from research.factories import ConditionFactory, StudyIndexPageFactory
from research.finder import keyword_matches
from research.models import Phase, Sex, StudyPage, StudyStatus
from research.studies_import import StudyError, parse_age, parse_date

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = {
    None: "ctgov_page1.json",
    "page-2": "ctgov_page2.json",
    "page-3": "ctgov_page3.json",
}
CREATED = {
    "NCT99999901",
    "NCT99999902",
    "NCT99999904",
    "NCT99999905",
    "NCT99999906",
    "NCT99999907",
    "NCT99999909",
    "NCT99999910",
    "NCT99999911",
}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_studies", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_file(name, *args):
    return run("--file", str(FIXTURES / name), *args)


def imported(nct_id):
    return StudyPage.objects.get(nct_id=nct_id)


def registry_studies():
    """Studies with an NCT number: the demo's carry none."""
    return StudyPage.objects.exclude(nct_id="")


@pytest.fixture
def index(db):
    return StudyIndexPageFactory()


@pytest.fixture
def registry():
    """A local stand-in for the API: serves the three fixture pages, linked
    by nextPageToken, and records each request's query."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlsplit(self.path).query)
            requests.append(query)
            token = query.get("pageToken", [None])[0]
            body = (FIXTURES / PAGES[token]).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 8191), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:8191/api/v2/studies", requests
    server.shutdown()
    server.server_close()


def test_fixtures_are_in_the_apis_shape():
    page = json.loads((FIXTURES / "ctgov_page1.json").read_text())
    protocol = page["studies"][0]["protocolSection"]
    assert page["nextPageToken"] == "page-2"
    assert protocol["statusModule"]["startDateStruct"] == {
        "date": "2026-03",
        "type": "ACTUAL",
    }
    assert protocol["eligibilityModule"]["minimumAge"] == "18 Years"
    assert protocol["designModule"]["phases"] == ["PHASE3"]


def test_a_file_becomes_draft_studies_under_the_finder(index):
    bwh = OrganisationFactory(name="Birmingham Women's Hospital")
    loss = ConditionFactory(
        name="Repeated pregnancy loss", synonyms="recurrent miscarriage"
    )
    out, err = import_file("ctgov_page1.json")

    assert "2 were created as drafts, 0 were updated, 0 unchanged, 2 failed." in out
    study = imported("NCT99999901")
    assert not study.live
    assert study.get_parent().pk == index.pk
    assert study.revisions.count() == 1
    assert study.title == "Progesterone After Recurrent Miscarriage"
    assert study.registry_title.startswith("A Randomised Trial of Progesterone")
    assert study.registry_summary.startswith("This trial tests")
    assert study.plain_summary == ""
    assert study.status == StudyStatus.RECRUITING
    assert study.phase == Phase.PHASE_3
    assert (study.minimum_age, study.maximum_age, study.sex) == (18, 45, Sex.FEMALE)
    assert study.start_date == datetime.date(2026, 3, 1)
    assert study.expected_end_date == datetime.date(2028, 9, 1)
    assert study.sponsor == "University of Birmingham"
    # Mapped by a condition's synonym, and by the hospital's name.
    assert list(study.conditions.all()) == [loss]
    assert list(study.sites.all()) == [bwh]


def test_odd_ages_and_dates_are_read(index):
    import_file("ctgov_page1.json")
    import_file("ctgov_page2.json")
    infant = imported("NCT99999902")
    assert (infant.minimum_age, infant.maximum_age) == (0, None)
    assert infant.phase == Phase.PHASE_1_2
    assert infant.healthy_volunteers
    assert infant.start_date == datetime.date(2027, 1, 1)
    assert infant.expected_end_date == datetime.date(2029, 1, 31)
    young = imported("NCT99999907")
    assert (young.minimum_age, young.maximum_age) == (0, 17)
    bare = imported("NCT99999906")
    assert (bare.minimum_age, bare.maximum_age, bare.phase) == (None, None, "")
    assert bare.start_date is None


@pytest.mark.parametrize(
    ("value", "years"),
    [("18 Years", 18), ("1 Year", 1), ("6 Months", 0), ("30 Days", 0), (None, None)],
)
def test_ages(value, years):
    assert parse_age(value) == years


@pytest.mark.parametrize("value", ["eighteen", "18", "18 Decades"])
def test_ages_not_understood_are_errors(value):
    with pytest.raises(StudyError):
        parse_age(value)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03", datetime.date(2026, 3, 1)),
        ("2026", datetime.date(2026, 1, 1)),
        ("2026-03-17", datetime.date(2026, 3, 17)),
    ],
)
def test_partial_dates(value, day):
    assert parse_date({"date": value}) == day


@pytest.mark.parametrize("value", ["March 2026", "2026-02-30", "2026-13"])
def test_dates_not_understood_are_errors(value):
    with pytest.raises(StudyError):
        parse_date({"date": value})


@pytest.mark.parametrize(
    ("nct_id", "status"),
    [
        ("NCT99999904", StudyStatus.CLOSED),  # ACTIVE_NOT_RECRUITING
        ("NCT99999905", StudyStatus.COMPLETED),
        ("NCT99999906", StudyStatus.CLOSED),  # WITHDRAWN
        ("NCT99999907", StudyStatus.CLOSED),  # TERMINATED
        ("NCT99999909", StudyStatus.CLOSED),  # SUSPENDED
        ("NCT99999910", StudyStatus.CLOSED),  # ENROLLING_BY_INVITATION
        ("NCT99999911", StudyStatus.CLOSED),  # UNKNOWN
    ],
)
def test_each_registry_status(index, nct_id, status):
    for name in ("ctgov_page2.json", "ctgov_page3.json"):
        import_file(name)
    assert imported(nct_id).status == status


def test_bad_records_are_reported_one_by_one_and_the_rest_go_in(index):
    _, err1 = import_file("ctgov_page1.json")
    _, err2 = import_file("ctgov_page2.json")
    _, err3 = import_file("ctgov_page3.json")
    errors = (err1 + err2 + err3).splitlines()
    assert errors == [
        "Failed: NCT99999903: its status 'MAYBE_LATER' is not one the site knows",
        "Failed: a study without an NCT number: it has no protocolSection",
        "Failed: NCT99999908: its age limit 'eighteen' is not like '18 Years'",
        "Failed: NCT99999912: its date 'March 2026' is not YYYY, YYYY-MM or YYYY-MM-DD",
        "Failed: NCT99999913: it has no statusModule",
    ]
    assert set(registry_studies().values_list("nct_id", flat=True)) == CREATED


def test_malformed_json_is_a_clear_error_and_writes_nothing(index):
    with pytest.raises(CommandError, match="could not be read as JSON"):
        import_file("malformed.json")
    assert not registry_studies().exists()


def test_a_study_that_fails_midway_leaves_nothing_half_written(index, monkeypatch):
    original = StudyPage.save_revision

    def failing(self, *args, **kwargs):
        if self.nct_id == "NCT99999902":
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(StudyPage, "save_revision", failing)
    out, err = import_file("ctgov_page1.json")
    assert "Failed: NCT99999902: could not be saved: disk full" in err
    assert "1 were created as drafts" in out
    # The page row was written before the revision failed; it is gone too.
    assert not StudyPage.objects.filter(nct_id="NCT99999902").exists()
    assert StudyPage.objects.filter(nct_id="NCT99999901").exists()


def test_importing_again_changes_nothing(index):
    import_file("ctgov_page1.json")
    revisions = imported("NCT99999901").revisions.count()
    out, _ = import_file("ctgov_page1.json")
    assert "0 were created as drafts, 0 were updated, 2 unchanged" in out
    assert imported("NCT99999901").revisions.count() == revisions
    assert registry_studies().count() == 2


def test_dry_run_reports_and_writes_nothing(index):
    out, _ = import_file("ctgov_page1.json", "--dry-run")
    assert "Dry run: Created: NCT99999901" in out
    assert "2 would be created as drafts" in out
    assert not registry_studies().exists()


def publish_as_editor(study, condition):
    """An editor rewrites the study in plain English and publishes it."""
    study = study.get_latest_revision_as_object()
    study.title = "Can progesterone help after miscarriage?"
    study.plain_summary = "We want to know if a hormone helps pregnancies last."
    study.conditions = [condition]
    study.save_revision().publish()
    return StudyPage.objects.get(pk=study.pk)


def test_the_registry_closing_a_live_study_takes_it_out_of_the_finder_at_once(
    index, client
):
    condition = ConditionFactory(name="Repeated pregnancy loss")
    import_file("ctgov_page1.json")
    publish_as_editor(imported("NCT99999901"), condition)
    assert "Can progesterone help" in client.get(index.url).text

    out, _ = import_file("ctgov_closed.json")

    assert "1 were updated" in out
    study = imported("NCT99999901")
    assert study.live and not study.has_unpublished_changes
    assert study.status == StudyStatus.COMPLETED
    assert study.registry_summary == "The trial has finished recruiting and reported."
    # The editor's words and mapping are untouched.
    assert study.title == "Can progesterone help after miscarriage?"
    assert study.plain_summary.startswith("We want to know")
    assert list(study.conditions.all()) == [condition]
    assert "Can progesterone help" not in client.get(index.url).text
    recruiting = keyword_matches("miscarriage").filter(status="recruiting")
    assert not recruiting.filter(nct_id="NCT99999901").exists()


def test_an_editors_unpublished_draft_keeps_its_words(index):
    condition = ConditionFactory(name="Repeated pregnancy loss")
    import_file("ctgov_page1.json")
    study = publish_as_editor(imported("NCT99999901"), condition)
    draft = study.get_latest_revision_as_object()
    draft.plain_summary = "A better sentence, not yet signed off."
    draft.save_revision()

    import_file("ctgov_closed.json")

    study = imported("NCT99999901")
    assert study.status == StudyStatus.COMPLETED  # published
    assert study.plain_summary.startswith("We want to know")
    draft = study.get_latest_revision_as_object()
    assert draft.plain_summary == "A better sentence, not yet signed off."
    assert draft.status == StudyStatus.COMPLETED


def test_a_draft_study_is_updated_as_a_draft(index):
    import_file("ctgov_page1.json")
    import_file("ctgov_closed.json")
    study = imported("NCT99999901")
    assert not study.live
    assert study.get_latest_revision_as_object().status == StudyStatus.COMPLETED
    assert study.revisions.count() == 2


def test_a_query_reads_every_page_of_the_api(index, registry):
    base_url, requests = registry
    out, err = run(
        "--location", "Birmingham", "--status", "RECRUITING", "--base-url", base_url
    )
    assert "9 were created as drafts" in out
    assert "5 failed" in out
    assert [query.get("pageToken") for query in requests] == [
        None,
        ["page-2"],
        ["page-3"],
    ]
    first = requests[0]
    assert first["query.locn"] == ["Birmingham"]
    assert first["filter.overallStatus"] == ["RECRUITING"]
    assert first["format"] == ["json"]


def test_a_registry_that_cannot_be_reached_is_a_clear_error(index):
    with pytest.raises(CommandError, match="The registry could not be read"):
        run("--query", "asthma", "--base-url", "http://127.0.0.1:8199/api/v2/studies")
    assert not registry_studies().exists()
