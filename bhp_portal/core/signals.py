"""Retire cached pages and fragments whenever something the public sees changes.

One rule covers every kind of change: saving or deleting a page, snippet,
setting, image, document, site, privacy setting or promoted search result
bumps the page-cache generation (core/cache.py), except saves that only
touch an unpublished draft. Publishing, unpublishing and moving are also
caught by Wagtail's own signals. The CDN, when one is configured, is told to
drop the page and the listing pages above it.

Saving an image also makes all its renditions (core/images.py).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .cache import bump_database_generation, bump_generation
from .images import generate_renditions_after_commit

SHOWN_ON_PAGES = (
    Page,
    Site,
    PageViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    AbstractImage,
    AbstractDocument,
    SearchPromotion,
)
# Saves limited to these fields record drafts, locks or file metadata; the
# published page does not change.
UNSEEN_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "file_hash",
        "file_size",
    }
)


def invalidate():
    """Bump the database's part with the change itself, so the change retires
    the old pages whatever the cache does; the cache's part now, so this
    process never serves the old page, and again after commit, so no server
    can have cached the old rows in between."""
    bump_database_generation()
    bump_generation()
    transaction.on_commit(bump_generation)


def is_shown_on_pages(model):
    return issubclass(model, SHOWN_ON_PAGES) or model in get_snippet_models()


@receiver(post_save)
def invalidate_on_save(sender, instance, update_fields=None, **kwargs):
    if update_fields and UNSEEN_FIELDS.issuperset(update_fields):
        return
    if is_shown_on_pages(sender):
        invalidate()
    if issubclass(sender, AbstractImage) and settings.IMAGE_RENDITIONS_ON_SAVE:
        generate_renditions_after_commit(instance)


@receiver(post_delete)
def invalidate_on_delete(sender, **kwargs):
    if is_shown_on_pages(sender):
        invalidate()


@receiver(post_page_move)
def invalidate_on_move(sender, **kwargs):
    invalidate()


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_on_publish(sender, instance, **kwargs):
    invalidate()
    if settings.WAGTAILFRONTENDCACHE:
        # Wagtail purges the page itself; the indexes above it list it too.
        purge_pages_from_cache(instance.get_ancestors().filter(depth__gt=1))
