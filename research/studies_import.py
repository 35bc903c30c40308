"""Studies from ClinicalTrials.gov's public API (version 2).

Each study in a response's `studies` array is read from its
`protocolSection` modules, checked, and written in a transaction of its
own, so one bad record is reported and skipped while the rest go in.
Studies are matched by NCT number: a new one becomes a draft under the
finder, which goes through sign-off like any page; an existing one gets the
registry's fields (its status, dates, ages, the registry's title and
summary...) and never a word an editor wrote (the title shown, the
plain-English summary, the conditions chosen). A live study's changes are
published at once, so one the registry closes leaves the finder that night.
"""

import datetime
import json
import re
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from partners.models import Organisation

from .models import Condition, Phase, Sex, StudyIndexPage, StudyPage, StudyStatus
from .models import StudyType as Kind

API_URL = "https://clinicaltrials.gov/api/v2/studies"
PAGE_SIZE = 100
TIMEOUT_SECONDS = 30

STATUSES = {
    "NOT_YET_RECRUITING": StudyStatus.NOT_YET_RECRUITING,
    "RECRUITING": StudyStatus.RECRUITING,
    # Open only to people the team invites: not for the public finder.
    "ENROLLING_BY_INVITATION": StudyStatus.CLOSED,
    "ACTIVE_NOT_RECRUITING": StudyStatus.CLOSED,
    "SUSPENDED": StudyStatus.CLOSED,
    "TERMINATED": StudyStatus.CLOSED,
    "WITHDRAWN": StudyStatus.CLOSED,
    # Not verified for years: nobody can say it recruits.
    "UNKNOWN": StudyStatus.CLOSED,
    "COMPLETED": StudyStatus.COMPLETED,
}
PHASES = {
    ("EARLY_PHASE1",): Phase.EARLY_PHASE_1,
    ("PHASE1",): Phase.PHASE_1,
    ("PHASE1", "PHASE2"): Phase.PHASE_1_2,
    ("PHASE2",): Phase.PHASE_2,
    ("PHASE2", "PHASE3"): Phase.PHASE_2_3,
    ("PHASE3",): Phase.PHASE_3,
    ("PHASE4",): Phase.PHASE_4,
    ("NA",): Phase.NOT_APPLICABLE,
}
KINDS = {
    "INTERVENTIONAL": Kind.INTERVENTIONAL,
    "OBSERVATIONAL": Kind.OBSERVATIONAL,
    "EXPANDED_ACCESS": Kind.EXPANDED_ACCESS,
}
SEXES = {"ALL": Sex.ALL, "FEMALE": Sex.FEMALE, "MALE": Sex.MALE}
AGE = re.compile(r"^(\d+)\s+(Years?|Months?|Weeks?|Days?|Hours?|Minutes?)$", re.I)
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
NCT = re.compile(r"^NCT\d{8}$")

# The fields the registry owns; nothing else on a study is ever changed.
REGISTRY_FIELDS = (
    "registry_title",
    "registry_summary",
    "registry_conditions",
    "registry_eligibility",
    "sponsor",
    "status",
    "phase",
    "study_type",
    "minimum_age",
    "maximum_age",
    "sex",
    "healthy_volunteers",
    "start_date",
    "expected_end_date",
)


class StudyError(ValueError):
    """What is wrong with one study's record, in words for the report."""


class FetchError(RuntimeError):
    """The registry could not be read at all (network, HTTP, bad JSON)."""


@dataclass
class RegistryStudy:
    nct_id: str
    title: str
    fields: dict
    conditions: list
    locations: list


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def summary(self, dry_run=False):
        verb = "would be" if dry_run else "were"
        return (
            f"{len(self.created)} {verb} created as drafts, {len(self.updated)} "
            f"{verb} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.failed)} failed."
        )


# Reading one record ------------------------------------------------------


def module(protocol, name, required=False):
    value = protocol.get(name)
    if value is None:
        if required:
            raise StudyError(f"it has no {name}")
        return {}
    if not isinstance(value, dict):
        raise StudyError(f"its {name} is not an object")
    return value


def parse_date(struct):
    """A registry date, possibly partial ("2026-03", "2026"): the first day
    of the month or year it names. Pages show month and year only."""
    value = (struct or {}).get("date")
    if not value:
        return None
    match = DATE.match(str(value))
    if not match:
        raise StudyError(f"its date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise StudyError(f"its date {value!r} does not exist") from None


def parse_age(value):
    """Whole years from "18 Years", "6 Months" (0)...; None for no limit."""
    if value in (None, "", "N/A"):
        return None
    match = AGE.match(str(value).strip())
    if not match:
        raise StudyError(f"its age limit {value!r} is not like '18 Years'")
    number, unit = int(match.group(1)), match.group(2).lower()
    return number if unit.startswith("year") else 0


def parse_phase(phases):
    if not phases:
        return ""
    key = tuple(sorted(phases))
    if key not in PHASES:
        raise StudyError(f"its phases {phases!r} are not ones the site knows")
    return PHASES[key]


def choice(mapping, value, what, default):
    if value in (None, ""):
        return default
    if value not in mapping:
        raise StudyError(f"its {what} {value!r} is not one the site knows")
    return mapping[value]


def parse_study(raw):
    if not isinstance(raw, dict) or not isinstance(raw.get("protocolSection"), dict):
        raise StudyError("it has no protocolSection")
    protocol = raw["protocolSection"]
    ident = module(protocol, "identificationModule", required=True)
    nct_id = ident.get("nctId") or ""
    if not NCT.match(nct_id):
        raise StudyError(f"its NCT number {nct_id!r} is not NCT and eight digits")
    title = (ident.get("briefTitle") or "").strip()
    if not title:
        raise StudyError("it has no briefTitle")
    status = module(protocol, "statusModule", required=True)
    description = module(protocol, "descriptionModule")
    conditions = module(protocol, "conditionsModule").get("conditions") or []
    eligibility = module(protocol, "eligibilityModule")
    design = module(protocol, "designModule")
    sponsor = module(protocol, "sponsorCollaboratorsModule").get("leadSponsor") or {}
    locations = module(protocol, "contactsLocationsModule").get("locations") or []
    end = status.get("completionDateStruct") or status.get(
        "primaryCompletionDateStruct"
    )
    fields = {
        "registry_title": (ident.get("officialTitle") or title)[:500],
        "registry_summary": description.get("briefSummary") or "",
        "registry_conditions": "\n".join(conditions),
        "registry_eligibility": eligibility.get("eligibilityCriteria") or "",
        "sponsor": (sponsor.get("name") or "")[:200],
        "status": choice(STATUSES, status.get("overallStatus"), "status", None),
        "phase": parse_phase(design.get("phases")),
        "study_type": choice(
            KINDS, design.get("studyType"), "study type", Kind.INTERVENTIONAL
        ),
        "minimum_age": parse_age(eligibility.get("minimumAge")),
        "maximum_age": parse_age(eligibility.get("maximumAge")),
        "sex": choice(SEXES, eligibility.get("sex"), "sex", Sex.ALL),
        "healthy_volunteers": bool(eligibility.get("healthyVolunteers")),
        "start_date": parse_date(status.get("startDateStruct")),
        "expected_end_date": parse_date(end),
    }
    if fields["status"] is None:
        raise StudyError("it has no overallStatus")
    facilities = [loc.get("facility", "") for loc in locations if isinstance(loc, dict)]
    return RegistryStudy(nct_id, title[:255], fields, conditions, facilities)


# Writing one study -------------------------------------------------------


def apply(page, fields):
    """Sets the registry's fields on `page`; whether any changed."""
    changed = False
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed


def matching(model, names, *lookups):
    """Records whose name (or other lookups) equals one of `names`, any case."""
    wanted = {name.strip().lower() for name in names if name.strip()}
    return [
        record
        for record in model.objects.all()
        if any(
            str(getattr(record, lookup)).strip().lower() in wanted for lookup in lookups
        )
    ]


def mapped_conditions(names):
    """The editors' conditions the registry's names match, by name or synonym."""
    wanted = {name.strip().lower() for name in names}
    return [
        condition
        for condition in Condition.objects.all()
        if {condition.name.lower(), *(s.lower() for s in condition.synonym_list)}
        & wanted
    ]


def unique_slug(index, title, nct_id):
    slug = slugify(title)[:80].strip("-") or nct_id.lower()
    if index.get_children().filter(slug=slug).exists():
        slug = f"{slug[:66]}-{nct_id.lower()}"
    return slug


def create(index, study):
    page = StudyPage(
        title=study.title,
        slug=unique_slug(index, study.title, study.nct_id),
        nct_id=study.nct_id,
        live=False,
        last_imported_at=timezone.now(),
        **study.fields,
    )
    page.conditions = mapped_conditions(study.conditions)
    page.sites = matching(Organisation, study.locations, "name", "short_name")
    index.add_child(instance=page)
    page.save_revision()
    return page


def update(page, study):
    """Whether anything changed. A live page's new registry fields are
    published; an editor's unpublished draft keeps its words and gets the
    registry's fields on top, as a new draft revision."""
    draft = (
        page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    )
    changed = False
    if page.live and apply(page, study.fields):
        page.save_revision().publish()
        changed = True
    if draft is None and not page.live:
        draft = page.get_latest_revision_as_object()
    if draft is not None and apply(draft, study.fields):
        draft.save_revision()
        changed = True
    StudyPage.objects.filter(pk=page.pk).update(last_imported_at=timezone.now())
    return changed


class DryRun(Exception):
    """Raised inside a study's transaction to roll it back."""


def import_one(index, raw, report, dry_run):
    try:
        study = parse_study(raw)
    except StudyError as error:
        report.failed.append((record_name(raw), str(error)))
        return
    try:
        with transaction.atomic():
            existing = StudyPage.objects.filter(nct_id=study.nct_id).first()
            if existing is None:
                create(index, study)
                report.created.append((study.nct_id, study.title))
            elif update(existing, study):
                report.updated.append((study.nct_id, existing.title))
            else:
                report.unchanged.append((study.nct_id, existing.title))
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    except Exception as error:  # noqa: BLE001 (reported; the run goes on)
        report.failed.append((study.nct_id, f"could not be saved: {error}"))


def record_name(raw):
    try:
        return raw["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return "a study without an NCT number"


def import_pages(pages, index=None, dry_run=False):
    """Imports every study of every response page in `pages` (an iterable of
    parsed JSON documents); a FetchError ends the run where it happens."""
    index = index or StudyIndexPage.objects.first()
    if index is None:
        raise FetchError("There is no study finder page to put studies under.")
    report = Report()
    try:
        for number, page in enumerate(pages, start=1):
            studies = page.get("studies") if isinstance(page, dict) else None
            if not isinstance(studies, list):
                report.errors.append(f"Page {number} has no 'studies' array.")
                continue
            for raw in studies:
                import_one(index, raw, report, dry_run)
    except FetchError as error:
        report.errors.append(str(error))
    return report


# Reading the registry ----------------------------------------------------


def read_file(path):
    """The one response page a file holds."""
    try:
        with open(path, encoding="utf-8") as handle:
            yield json.load(handle)
    except (OSError, ValueError) as error:
        raise FetchError(f"{path} could not be read as JSON: {error}") from None


def fetch_pages(params, base_url=None, page_size=PAGE_SIZE):
    """Response pages from the API for `params`, following nextPageToken."""
    base_url = base_url or getattr(settings, "CLINICALTRIALS_API_URL", API_URL)
    token = None
    while True:
        query = {**params, "format": "json", "pageSize": page_size}
        if token:
            query["pageToken"] = token
        page = fetch_json(f"{base_url}?{urllib.parse.urlencode(query)}")
        yield page
        token = page.get("nextPageToken") if isinstance(page, dict) else None
        if not token:
            return


def fetch_json(url):
    if not url.startswith(("https://", "http://")):
        raise FetchError(f"{url} is not a web address")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, headers={"Accept": "application/json", "User-Agent": "BHP portal"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            return json.load(response)
    except (OSError, ValueError) as error:
        raise FetchError(f"The registry could not be read ({url}): {error}") from None
