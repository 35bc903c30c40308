"""Editors add and update organisation records: the editor guide has them
publish partner pages, and a new partner needs its organisation first. Deleting
one (pages and the map point at it) stays with administrators."""

from django.db import migrations

ACTIONS = ["add", "change", "view"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Django creates model permissions after all migrations; these are needed now.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="partners", model="organisation"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_organisation",
            defaults={"name": f"Can {action} organisation"},
        )[0]
        for action in ACTIONS
    ]
    Group.objects.get_or_create(name="Editors")[0].permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="partners",
                codename__in=[f"{action}_organisation" for action in ACTIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_organisation_details_partner_and_hdruk_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
