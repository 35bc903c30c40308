"""The Editors group publishes the sections it looks after.

Wagtail's "Editors" may add and edit pages anywhere but publish nowhere.
BHP's editors publish research, partner and HDR UK pages themselves, so each
of those sections' index pages grants them publishing; news still goes out
through the Moderators' sign-off (news.workflow). Content apps call
`editors_publish_under` for their index pages, when created (signals) and
for pages that already exist (a data migration).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

EDITORS = "Editors"
EDITOR_PUBLISHING = "publish_page"


def editors_publish_under(page):
    """Let Editors publish `page` and the pages below it. Safe to repeat."""
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    GroupPagePermission.objects.get_or_create(
        group=editors,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename=EDITOR_PUBLISHING
        ),
    )


def _on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        editors_publish_under(instance)


def editors_publish_new(*models):
    """Grant Editors publishing on every new page of these section models."""
    for model in models:
        post_save.connect(_on_create, sender=model, dispatch_uid=f"editors:{model}")
