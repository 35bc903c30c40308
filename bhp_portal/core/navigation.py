"""Main menu and breadcrumbs, built from the page tree.

The menu is the same for every visitor of a site, so it is cached per site
under the page-cache generation: publishing, unpublishing, moving or deleting
a page retires it together with the cached pages (core/signals.py).
"""

from wagtail.models import Page

from .cache import until_next_change
from .visibility import live_and_public


def main_menu(site, generation):
    """Title and URL of the live, public pages under the site root that are
    marked "show in menus", in tree order, except that page types declaring
    `last_in_menus` (the contact page) come after the rest."""

    def items():
        pages = live_and_public(site.root_page.get_children()).in_menu()
        return [
            {"title": page.title, "url": page.get_url(current_site=site)}
            for page in sorted(pages, key=_goes_last)
        ]

    return until_next_change(generation, f"main-menu:{site.pk}", items)


def _goes_last(page):
    # specific_class reads the content type from Django's cache: no query.
    return getattr(page.specific_class, "last_in_menus", False)


def breadcrumbs(page):
    """Ancestors from the home page down to the page itself. Remembered on the
    page: the visible trail and its JSON-LD both need them."""
    if not hasattr(page, "_breadcrumbs"):
        page._breadcrumbs = routed_trail(page) or list(
            Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
        )
    return page._breadcrumbs


def routed_trail(page):
    """The same trail without a query when routing loaded it: Wagtail's
    `route()` leaves each page it passes through on its child as
    `_cached_parent_obj` (the attribute treebeard's get_parent() reads).
    None when any parent is missing (previews, pages loaded otherwise)."""
    trail = [page]
    while trail[-1].depth > 2:
        parent = getattr(trail[-1], "_cached_parent_obj", None)
        if parent is None:
            return None
        trail.append(parent)
    return trail[::-1]
