"""The "About BHP" note printed at the end of press releases moves from core's
site settings to the news app's own, with each site's text copied across
before core drops its field (core 0010, which this runs before)."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


def copy_to_news_settings(apps, schema_editor):
    NewsSettings = apps.get_model("news", "NewsSettings")
    for site_settings in apps.get_model("core", "SiteSettings").objects.all():
        NewsSettings.objects.update_or_create(
            site_id=site_settings.site_id,
            defaults={"about_bhp": site_settings.about_bhp},
        )


def copy_back_to_site_settings(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    for news_settings in apps.get_model("news", "NewsSettings").objects.all():
        SiteSettings.objects.update_or_create(
            site_id=news_settings.site_id,
            defaults={"about_bhp": news_settings.about_bhp},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_shared_hero_image"),
        ("news", "0005_article_date_index"),
        ("wagtailcore", "0098_apitoken"),
    ]
    run_before = [("core", "0010_remove_sitesettings_about_bhp")]

    operations = [
        migrations.AlterField(
            model_name="newsarticlepage",
            name="article_type",
            field=models.CharField(
                choices=[
                    ("news", "News"),
                    ("press-release", "Press release"),
                    ("announcement", "Announcement"),
                    ("blog", "Blog post"),
                ],
                default="news",
                help_text='Press releases also show press contacts, notes to editors and the "About BHP" note from Settings > News settings.',
                max_length=20,
            ),
        ),
        migrations.CreateModel(
            name="NewsSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "about_bhp",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text='The "About Birmingham Health Partners" note printed at the end of every press release.',
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={"verbose_name": "News settings"},
        ),
        migrations.RunPython(copy_to_news_settings, copy_back_to_site_settings),
    ]
