import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_shared_hero_image"),
        ("research", "0003_editors_publish_research_and_partners"),
    ]

    operations = [
        migrations.AlterField(
            model_name="researchthemepage",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Wide image at the top of the page; its description is the alt text.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.customimage",
            ),
        ),
    ]
