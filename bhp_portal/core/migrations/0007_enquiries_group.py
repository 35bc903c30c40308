"""Contact enquiries carry visitors' personal data, so reading them in the
admin is limited to administrators and the Enquiries group, the people who
answer them (core/wagtail_hooks.py); editing the contact page no longer
brings the right to read them."""

from django.db import migrations

ENQUIRIES = "Enquiries"


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    Group.objects.get_or_create(name=ENQUIRIES)[0].permissions.add(access_admin)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ENQUIRIES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_site_settings_default_social_image"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
