"""Key facts are kept up to date by the web team and the moderators (the
editor guide's "Updating a key fact"); until now only superusers could."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "view"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Django creates model permissions after all migrations; these are needed now.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="core", model="keyfact"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_keyfact",
            defaults={"name": f"Can {action} key fact"},
        )[0]
        for action in ACTIONS
    ]
    for name in GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="core", codename__endswith="_keyfact"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_search_title_body_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
