"""Clear cached navigation whenever the page tree changes.

Wagtail sends page_unpublished for live pages that are deleted, so deletion
is covered too.
"""

from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import clear_menu_cache


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_menus_on_tree_change(sender, **kwargs):
    clear_menu_cache(Site.objects.values_list("pk", flat=True))
