"""An editor previews a page before it is ever saved: the preview of every
page type's blank form with only a title renders (no 500), or, where a
required field is still empty, the admin says the preview is not ready."""

import pytest
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from tests.utils import soup


def blank_form(model, response):
    """What the browser would post from the add form as it is first shown.
    StreamFields are drawn by the admin's JavaScript: each posts its count."""
    data = {
        f"{field.name}-count": ["0"]
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }
    for field in soup(response).select("form[data-edit-form] [name]"):
        kind = field.get("type", "")
        if kind in ("submit", "button", "file") or field.has_attr("disabled"):
            continue
        if kind in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            value = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            value = field.get_text()
        else:
            value = field.get("value", "")
        data.setdefault(field["name"], []).append(value)
    return data


def creatable():
    """(page type, a page it can be added under) for every type the tree allows."""
    for model in get_page_models():
        if model is Page:
            continue
        parent = next(
            (
                page
                for page in Page.objects.filter(depth__gt=1).specific()
                if model.can_create_at(page)
            ),
            None,
        )
        if parent is not None:
            yield model, parent


@pytest.mark.django_db
def test_every_page_type_previews_before_it_is_saved(admin_client):
    previewed = []
    for model, parent in creatable():
        meta = model._meta
        add = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"
        form = blank_form(model, admin_client.get(add))
        form.update(title=["A page not saved yet"], slug=["a-page-not-saved-yet"])
        posted = admin_client.post(f"{add}preview/", form)
        assert posted.status_code == 200, meta.model_name
        if not posted.json()["is_valid"]:
            continue  # A required field is empty: the admin says so.
        preview = admin_client.get(f"{add}preview/")
        assert preview.status_code == 200, meta.model_name
        assert "A page not saved yet" in preview.text, meta.model_name
        previewed.append(meta.model_name)
    assert {"researchthemepage", "newsarticlepage", "standardpage"} <= set(previewed)
