"""Secret links that let a journalist read an embargoed press release early.

wagtail-sharing exposes every draft on a second host name and declares support
for Wagtail 6 only; a per-article, expiring, revocable token is what the press
office needs, so it is built here.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, PageChooserPanel


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=7)


class EmbargoLinkQuerySet(models.QuerySet):
    def usable(self):
        """Links that still open their article: not revoked, not expired, and
        the article not yet published (after that the public page is the one
        to share)."""
        return self.filter(
            revoked=False, expires_at__gt=timezone.now(), page__live=False
        )


class EmbargoLink(models.Model):
    page = models.ForeignKey(
        "news.NewsArticlePage",
        on_delete=models.CASCADE,
        related_name="embargo_links",
        help_text="The unpublished article the link shows.",
    )
    recipient = models.CharField(
        max_length=200,
        help_text='Who the link is for, e.g. "BBC Midlands health desk"; for your '
        "records only.",
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False
    )
    expires_at = models.DateTimeField(
        default=default_expiry,
        help_text="The link stops working at this time (UK time). Usually the "
        "embargo's end.",
    )
    revoked = models.BooleanField(
        default=False, help_text="Tick to stop the link working at once."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = EmbargoLinkQuerySet.as_manager()

    panels = [
        PageChooserPanel("page", "news.NewsArticlePage"),
        FieldPanel("recipient"),
        FieldPanel("expires_at"),
        FieldPanel("revoked"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "embargo link"

    def __str__(self):
        return f"{self.page.title} for {self.recipient}"

    def get_absolute_url(self):
        return reverse("news:embargo", kwargs={"token": self.token})

    def clean(self):
        if self.page_id and self.page.live:
            raise ValidationError(
                {"page": "This article is already published: share its address."}
            )

    @property
    def full_url(self):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.get_absolute_url()

    @property
    def status(self):
        if self.revoked:
            return "Revoked"
        if self.expires_at <= timezone.now():
            return "Expired"
        if self.page.live:
            return "Article published"
        return "Active"
