"""BHP's own content checks, run by Wagtail's checker (Axe) in the page
editor's Checks panel and in the userbar on the site.

Axe runs in the browser and only sees rendered HTML, which cannot tell a
missing search description from one that falls back to the summary, nor an
image without alt text from one marked decorative. So the page itself is
inspected here, on the server, and each finding becomes a page-level Axe
rule that fails or passes. The check's evaluate function is Axe's own
"matches-definition" (no script of ours, so no eval under the site's CSP):
it matches the page's h1 when the content is fine and nothing otherwise.
"""

from django.db import models
from django.utils.text import Truncator
from wagtail import blocks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from .blocks import ImageBlock

SEARCH_DESCRIPTION_RULE = "bhp-search-description"
IMAGE_ALT_RULE = "bhp-image-alt-text"


def images_without_alt_text(page):
    """Images the page shows with no alternative text: its image fields whose
    image has no description, and StreamField images that have neither their
    own alt text nor a description and are not marked decorative."""
    missing = []
    image_model = get_image_model()
    for field in page._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and field.related_model is image_model:
            image = getattr(page, field.name)
            if image and not image.description:
                missing.append(image)
        elif isinstance(field, StreamField):
            missing.extend(
                _block_images_without_alt(field.stream_block, getattr(page, field.name))
            )
    unique = {image.pk: image for image in missing}
    return list(unique.values())


def _block_images_without_alt(block, value):
    if not value:
        return
    if isinstance(block, ImageBlock):
        image = value.get("image")
        if (
            image
            and not value.get("decorative")
            and not (value.get("alt_text") or image.description)
        ):
            yield image
    elif isinstance(block, ImageChooserBlock):
        if not value.description:
            yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_images_without_alt(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_images_without_alt(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_images_without_alt(block.child_block, item)


class BHPContentChecker(ContentCheckerItem):
    """Wagtail's checks, Axe's rules for the mistakes editors can make in
    images, lists and tables, and BHP's own: the page has a search
    description, and every image it shows has alternative text."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
        "list",
        "listitem",
        "table-duplicate-name",
        "td-headers-attr",
        "th-has-data-cells",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image has no alternative text",
            "help_text": "Describe the image, or mark it as decorative",
        },
        "image-redundant-alt": {
            "error_name": "Alternative text repeats nearby text",
            "help_text": "Describe what the image adds instead",
        },
        "list": {
            "error_name": "List contains something other than list items",
            "help_text": "Use the editor's list buttons",
        },
        "listitem": {
            "error_name": "List item outside a list",
            "help_text": "Use the editor's list buttons",
        },
        "table-duplicate-name": {
            "error_name": "Table caption and summary repeat each other",
            "help_text": "Give the table one clear caption",
        },
        "td-headers-attr": {
            "error_name": "Table cell points to a missing header",
            "help_text": "Rebuild the table with the table block",
        },
        "th-has-data-cells": {
            "error_name": "Table header describes no cells",
            "help_text": "Remove empty columns or rows",
        },
    }

    def __init__(self, page=None, in_editor=False):
        super().__init__(in_editor=in_editor)
        self.page = page if isinstance(page, Page) else None

    def _findings(self):
        if not hasattr(self, "_cached_findings"):
            page = self.page
            self._cached_findings = {
                SEARCH_DESCRIPTION_RULE: bool(page.search_description.strip()),
                IMAGE_ALT_RULE: images_without_alt_text(page),
            }
        return self._cached_findings

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if self.page:
            run_only = [*run_only, SEARCH_DESCRIPTION_RULE, IMAGE_ALT_RULE]
        return run_only

    def get_axe_custom_rules(self, request):
        rules = super().get_axe_custom_rules(request)
        if not self.page:
            return rules
        return [
            *rules,
            *(
                {
                    "id": rule_id,
                    "impact": "serious" if rule_id == IMAGE_ALT_RULE else "moderate",
                    # The h1 stands for the page, as in Wagtail's own
                    # meta description rule: the finding is page-wide.
                    "selector": "h1",
                    "tags": ["bhp"],
                    "any": [f"{rule_id}-ok"],
                    "enabled": True,
                }
                for rule_id in (SEARCH_DESCRIPTION_RULE, IMAGE_ALT_RULE)
            ),
        ]

    def get_axe_custom_checks(self, request):
        checks = super().get_axe_custom_checks(request)
        if not self.page:
            return checks
        findings = self._findings()
        passed = {
            SEARCH_DESCRIPTION_RULE: findings[SEARCH_DESCRIPTION_RULE],
            IMAGE_ALT_RULE: not findings[IMAGE_ALT_RULE],
        }
        return [
            *checks,
            *(
                {
                    "id": f"{rule_id}-ok",
                    "evaluate": "matches-definition-evaluate",
                    "options": {"matcher": {"nodeName": "h1" if ok else "bhp-none"}},
                }
                for rule_id, ok in passed.items()
            ),
        ]

    def get_axe_messages(self, request):
        messages = super().get_axe_messages(request)
        if not self.page:
            return messages
        missing = self._findings()[IMAGE_ALT_RULE]
        names = ", ".join(Truncator(image.title).chars(40) for image in missing)
        return {
            **messages,
            SEARCH_DESCRIPTION_RULE: {
                "error_name": "No search description",
                "help_text": "Write one under the Promote tab: the sentence search "
                "engines show under the page title (the summary stands in until "
                "you do)",
            },
            IMAGE_ALT_RULE: {
                "error_name": f"Images without alt text: {names}",
                "help_text": "Describe each image in its Description field in "
                "Images, give the image block its own alt text, or tick "
                "Decorative if it adds nothing to the text",
            },
        }
