from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "short_name", "kind", "town"]
    list_filter = ["kind", "town"]
    list_export = [
        "name",
        "short_name",
        "kind",
        "town",
        "website",
        "ods_code",
        "ror_id",
    ]


register_snippet(OrganisationViewSet)
