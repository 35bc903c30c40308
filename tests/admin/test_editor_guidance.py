"""Every page type explains itself to editors: a description in the page
type chooser, help text on every field, the same three tabs, and StreamField
blocks grouped, described and previewed in the block chooser."""

import pytest
from django.apps import apps
from django.conf import settings
from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, get_page_models

PROJECT_APP_LABELS = {
    apps.get_app_config(name.split(".")[-1]).label for name in settings.PROJECT_APPS
}
PAGE_MODELS = [
    model
    for model in get_page_models()
    if model._meta.app_label in PROJECT_APP_LABELS and not model._meta.abstract
]


def inline_models(page_model):
    """Child models edited inside the page (InlinePanel rows)."""
    return [
        relation.related_model
        for relation in page_model._meta.related_objects
        if isinstance(relation.remote_field, ParentalKey)
        and relation.related_model._meta.app_label in PROJECT_APP_LABELS
    ]


def own_fields(model):
    """Fields the project declares, not those Wagtail gives every page."""
    skip = {"id", "page_ptr", "sort_order"}
    return [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.model not in (Page, Orderable)
        and field.name not in skip
        and not isinstance(field, ParentalKey)
        and getattr(field, "editable", True)
    ]


def top_level_blocks(page_model):
    """(path, block, in_chooser) for the top-level blocks of every StreamField.
    A field of one block type adds it straight away, without the chooser."""
    for field in page_model._meta.concrete_fields:
        if isinstance(field, StreamField):
            children = field.stream_block.child_blocks
            for name, block in children.items():
                path = f"{page_model.__name__}.{field.name}.{name}"
                yield path, block, len(children) > 1


def test_the_project_has_page_types_to_check():
    names = {model.__name__ for model in PAGE_MODELS}
    assert {"HomePage", "StandardPage", "ResearchThemePage", "NewsArticlePage"} <= names


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_page_type_has_a_description(model):
    description = model.get_page_description()
    assert description and len(description) > 20, model


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_every_field_says_what_it_is_for(model):
    missing = [
        f"{owner.__name__}.{field.name}"
        for owner in [model, *inline_models(model)]
        for field in own_fields(owner)
        if not str(field.help_text).strip()
    ]
    assert not missing


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_editor_has_the_same_three_tabs(model):
    handler = model.get_edit_handler()
    assert [tab.heading for tab in handler.children] == [
        "Content",
        "Promote",
        "Settings",
    ]
    # The standard SEO and card fields sit in the Promote tab of every type.
    promote = handler.children[1]
    promoted = {
        name
        for panel in promote.children
        for name in panel.get_form_options().get("fields", [])
    }
    assert {
        "slug",
        "seo_title",
        "search_description",
        "listing_image",
        "social_image",
    } <= promoted


@pytest.mark.parametrize(
    ("path", "block", "in_chooser"),
    [row for model in PAGE_MODELS for row in top_level_blocks(model)],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_block_is_described_and_chooser_blocks_grouped_and_previewable(
    path, block, in_chooser
):
    assert getattr(block.meta, "description", ""), path
    if in_chooser:
        assert block.meta.group, path
        assert block.is_previewable, path


@pytest.mark.django_db
def test_block_previews_render(admin_client):
    blocks = {
        block.definition_prefix: path
        for model in PAGE_MODELS
        for path, block, in_chooser in top_level_blocks(model)
        if in_chooser
    }
    for prefix, path in blocks.items():
        response = admin_client.get("/admin/block-preview/", {"id": prefix})
        assert response.status_code == 200, path
        assert b"css/main" in response.content, path


def test_field_helper_finds_the_projects_fields_not_wagtails():
    # Guards the checks above against passing vacuously.
    names = {field.name for field in own_fields(apps.get_model("core", "HomePage"))}
    assert {"summary", "listing_image", "hero_heading"} <= names
    assert not names & {"title", "slug", "path", "search_description"}


@pytest.mark.django_db
def test_the_image_upload_form_says_the_description_is_the_alt_text(admin_client):
    response = admin_client.get("/admin/images/chooser/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'name="image-chooser-upload-description"' in html
    assert "alternative text" in html


def test_page_type_names_spell_acronyms_as_editors_know_them():
    # Django turns HDRUKSitePage into "Hdruk site page" unless told.
    names = {model._meta.verbose_name for model in get_page_models()}
    assert {"HDR UK index page", "HDR UK site page"} <= names
    assert not any("Hdruk" in name for name in names)
