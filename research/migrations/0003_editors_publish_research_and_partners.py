"""Editors publish the research, partner and HDR UK sections (see
bhp_portal/core/editors.py, which does the same for index pages made later)."""

from django.db import migrations

SECTIONS = [
    ("research", "ResearchIndexPage"),
    ("partners", "PartnerIndexPage"),
    ("partners", "HDRUKIndexPage"),
]


def editors_publish_sections(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    publish = (
        apps.get_model("auth", "Permission")
        .objects.filter(content_type__app_label="wagtailcore", codename="publish_page")
        .first()
    )
    if editors is None or publish is None:
        return
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for app_label, model_name in SECTIONS:
        for page in apps.get_model(app_label, model_name).objects.all():
            GroupPagePermission.objects.get_or_create(
                group=editors, page_id=page.pk, permission=publish
            )


def withdraw(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for app_label, model_name in SECTIONS:
        pages = apps.get_model(app_label, model_name).objects.values("pk")
        GroupPagePermission.objects.filter(
            group__name="Editors",
            permission__codename="publish_page",
            page_id__in=pages,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0002_theme_details_facts_partners_related"),
        ("partners", "0002_organisation_details_partner_and_hdruk_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(editors_publish_sections, withdraw)]
