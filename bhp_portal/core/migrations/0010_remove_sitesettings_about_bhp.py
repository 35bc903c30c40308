"""The "About BHP" note of press releases now lives in the news app's own
settings; the news migration that copies it there runs before this one
(its run_before), so core names no content app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_shared_hero_image"),
    ]

    operations = [
        migrations.RemoveField(model_name="sitesettings", name="about_bhp"),
    ]
