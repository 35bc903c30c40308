"""A study's own content check: the plain-English summary should suit a
reading age of about 12. Added to core's checker (see core/content_checks.py
for how a page-level finding becomes an Axe rule) without changing it."""

from bhp_portal.core.content_checks import BHPContentChecker

from .readability import TARGET_READING_AGE, reading_age

READING_AGE_RULE = "bhp-reading-age"


class StudyContentChecker(BHPContentChecker):
    def reading_age(self):
        return reading_age(self.page.plain_summary)

    def passes(self):
        age = self.reading_age()
        return age is not None and age <= TARGET_READING_AGE

    def get_axe_run_only(self, request):
        return [*super().get_axe_run_only(request), READING_AGE_RULE]

    def get_axe_custom_rules(self, request):
        rule = {
            "id": READING_AGE_RULE,
            "impact": "moderate",
            "selector": "h1",
            "tags": ["bhp"],
            "any": [f"{READING_AGE_RULE}-ok"],
            "enabled": True,
        }
        return [*super().get_axe_custom_rules(request), rule]

    def get_axe_custom_checks(self, request):
        check = {
            "id": f"{READING_AGE_RULE}-ok",
            "evaluate": "matches-definition-evaluate",
            "options": {"matcher": {"nodeName": "h1" if self.passes() else "bhp-none"}},
        }
        return [*super().get_axe_custom_checks(request), check]

    def get_axe_messages(self, request):
        age = self.reading_age()
        if age is None:
            name = "No plain-English summary"
        else:
            name = f"Plain-English summary reads at age {age}"
        return {
            **super().get_axe_messages(request),
            READING_AGE_RULE: {
                "error_name": name,
                "help_text": f"Aim for a reading age of {TARGET_READING_AGE} or "
                "under: shorter sentences, everyday words, each medical term "
                "explained",
            },
        }
