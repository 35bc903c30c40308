"""Groups' permissions on the site's sections, granted on each section's
index page when it is created.

Wagtail's "Editors" may add and edit pages anywhere but publish nowhere.
BHP's editors publish some sections themselves (`editors_publish_under`);
others go out through a sign-off of their own, which their app sets up. Each
content app says in its AppConfig's ready() what its index pages grant, with
`when_created(action, *models)`; a data migration does the same for index
pages that already exist.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

EDITORS = "Editors"


def grant_under(group_name, page, *codenames):
    """Give the group these Wagtail page permissions (add_page, publish_page,
    ...) on `page` and the pages below it, if the group exists. Safe to
    repeat."""
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def editors_publish_under(page):
    grant_under(EDITORS, page, "publish_page")


def when_created(action, *models):
    """Call `action(page)` for every new page of these models, however it is
    made (the admin, the demo loader, a test), but not for fixtures loaded raw.
    """

    def on_save(sender, instance, created, raw=False, **kwargs):
        if created and not raw:
            action(instance)

    for model in models:
        post_save.connect(
            on_save,
            sender=model,
            weak=False,
            dispatch_uid=f"{action.__module__}.{action.__qualname__}:{model._meta.label}",
        )
