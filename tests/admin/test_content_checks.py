"""The editor's Checks panel (and the userbar) run Wagtail's checks plus
BHP's: a search description, and alt text on every image the page shows."""

import json

import pytest
from wagtail import hooks
from wagtail.admin.userbar import AccessibilityItem, apply_userbar_hooks

from bhp_portal.core.content_checks import (
    IMAGE_ALT_RULE,
    SEARCH_DESCRIPTION_RULE,
    BHPContentChecker,
    images_without_alt_text,
)
from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.wagtail_hooks import use_bhp_content_checks
from tests.utils import soup


def rule_passes(config, rule_id):
    """Whether BHP's check for `rule_id` will match the page's h1 (pass)."""
    check = next(c for c in config["spec"]["checks"] if c["id"] == f"{rule_id}-ok")
    assert check["evaluate"] == "matches-definition-evaluate"
    return check["options"]["matcher"]["nodeName"] == "h1"


def test_hook_replaces_wagtails_checker_with_bhps(rf):
    assert use_bhp_content_checks in hooks.get_hooks("construct_wagtail_userbar")
    items = [AccessibilityItem(in_editor=True)]
    apply_userbar_hooks(rf.get("/"), items, None)
    assert [type(item) for item in items] == [BHPContentChecker]
    assert items[0].in_editor


@pytest.mark.django_db
def test_page_without_search_description_fails_the_check(rf, home_page):
    page = StandardPageFactory.build(search_description="")
    config = BHPContentChecker(page).get_axe_configuration(rf.get("/"))

    assert SEARCH_DESCRIPTION_RULE in config["options"]["runOnly"]
    assert not rule_passes(config, SEARCH_DESCRIPTION_RULE)
    assert config["messages"][SEARCH_DESCRIPTION_RULE]["error_name"] == (
        "No search description"
    )

    page.search_description = "What the Cancer theme researches and with whom."
    config = BHPContentChecker(page).get_axe_configuration(rf.get("/"))
    assert rule_passes(config, SEARCH_DESCRIPTION_RULE)


@pytest.mark.django_db
def test_images_without_alt_text_are_named(rf):
    described = ImageFactory(title="Described", description="Nurses on a ward")
    bare = ImageFactory(title="Bare photo", description="")
    decorative = ImageFactory(title="Pattern", description="")
    page = StandardPageFactory.build(
        listing_image=described,
        body=[
            ("image", {"image": bare, "alt_text": "", "decorative": False}),
            ("image", {"image": decorative, "alt_text": "", "decorative": True}),
            ("image", {"image": bare, "alt_text": "A lab bench", "decorative": False}),
        ],
    )
    assert images_without_alt_text(page) == [bare]

    config = BHPContentChecker(page).get_axe_configuration(rf.get("/"))
    assert not rule_passes(config, IMAGE_ALT_RULE)
    assert "Bare photo" in config["messages"][IMAGE_ALT_RULE]["error_name"]
    # Axe's own rule also runs, for any <img> rendered without an alt attribute.
    assert "image-alt" in config["options"]["runOnly"]

    page.social_image = bare
    page.body = [("image", {"image": described, "alt_text": "", "decorative": False})]
    assert images_without_alt_text(page) == [bare]
    page.social_image = None
    config = BHPContentChecker(page).get_axe_configuration(rf.get("/"))
    assert rule_passes(config, IMAGE_ALT_RULE)


@pytest.mark.django_db
def test_page_editor_checks_panel_carries_bhp_rules(admin_client):
    page = StandardPageFactory(search_description="")

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    script = soup(response).select_one("#checker-axe-configuration")
    config = json.loads(script.string)
    assert {SEARCH_DESCRIPTION_RULE, IMAGE_ALT_RULE} <= {
        rule["id"] for rule in config["spec"]["rules"]
    }
    assert not rule_passes(config, SEARCH_DESCRIPTION_RULE)


@pytest.mark.django_db
def test_visitors_get_no_checker_and_editors_do(client, admin_client):
    assert not soup(client.get("/about/")).find(id="checker-axe-configuration")
    # The userbar sits in a <template>, which CSS selectors do not enter.
    script = soup(admin_client.get("/about/")).find(id="checker-axe-configuration")
    assert SEARCH_DESCRIPTION_RULE in json.loads(script.string)["options"]["runOnly"]
