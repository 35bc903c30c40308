"""manage.py import_studies: studies from ClinicalTrials.gov (docs/studies.md)."""

from django.core.management.base import BaseCommand, CommandError

from research.studies_import import (
    PAGE_SIZE,
    FetchError,
    fetch_pages,
    import_pages,
    read_file,
)


class Command(BaseCommand):
    help = (
        "Import studies from ClinicalTrials.gov's API v2: new ones as drafts for "
        "sign-off, the registry's fields of known ones updated. Give a saved "
        "response (--file) or a search (--query, --location, --status)."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", help="A saved API response (JSON).")
        source.add_argument(
            "--query", help="Words to search for (the API's query.term)."
        )
        source.add_argument(
            "--location", help="Studies with a site here, e.g. Birmingham."
        )
        parser.add_argument(
            "--status",
            action="append",
            default=[],
            help="Only this registry status, e.g. RECRUITING (repeatable). Leave "
            "it out in the nightly run, so studies that close are seen to.",
        )
        parser.add_argument(
            "--base-url", help="The API's studies address (for tests and mirrors)."
        )
        parser.add_argument("--page-size", type=int, default=PAGE_SIZE)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would change, and change nothing.",
        )

    def handle(self, *args, **options):
        if options["file"]:
            pages = read_file(options["file"])
        else:
            pages = fetch_pages(
                self.search(options), options["base_url"], options["page_size"]
            )
        try:
            report = import_pages(pages, dry_run=options["dry_run"])
        except FetchError as error:
            raise CommandError(str(error)) from None
        self.print_report(report, options["dry_run"])
        if report.errors:
            # A non-zero exit, so cron reports a registry it could not read.
            raise CommandError(" ".join(report.errors))

    @staticmethod
    def search(options):
        params = {}
        if options["query"]:
            params["query.term"] = options["query"]
        if options["location"]:
            params["query.locn"] = options["location"]
        if options["status"]:
            params["filter.overallStatus"] = ",".join(options["status"])
        return params

    def print_report(self, report, dry_run):
        prefix = "Dry run: " if dry_run else ""
        for label, rows in (
            ("Created", report.created),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
        ):
            for nct_id, title in rows:
                self.stdout.write(f"{prefix}{label}: {nct_id} {title}")
        for name, problem in report.failed:
            self.stderr.write(f"Failed: {name}: {problem}")
        for problem in report.errors:
            self.stderr.write(f"Error: {problem}")
        self.stdout.write(prefix + report.summary(dry_run))
