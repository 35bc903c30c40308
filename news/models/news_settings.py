"""Settings of the news section that editors change in the admin
(Settings > News settings)."""

from django.conf import settings
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField


@register_setting(icon="doc-full")
class NewsSettings(BaseSiteSetting):
    about_bhp = RichTextField(
        features=settings.RICHTEXT_FEATURES["inline"],
        blank=True,
        help_text='The "About Birmingham Health Partners" note printed at the end '
        "of every press release.",
    )

    panels = [FieldPanel("about_bhp")]

    class Meta:
        verbose_name = "News settings"
