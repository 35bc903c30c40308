from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KeyFact


class KeyFactViewSet(SnippetViewSet):
    model = KeyFact
    icon = "table"
    menu_label = "Key facts"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["__str__", "source_name", "as_of", "review_by"]
    list_filter = ["source_name", "review_by"]
    search_fields = ["label", "figure", "source_name"]


register_snippet(KeyFactViewSet)
