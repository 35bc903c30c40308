from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EmbargoLink, PressContact


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "mail"
    menu_label = "Press contacts"
    list_display = ["name", "role", "email", "phone", "out_of_hours_phone"]
    list_filter = ["role"]
    search_fields = ["name", "role", "email"]


class EmbargoLinkViewSet(SnippetViewSet):
    model = EmbargoLink
    icon = "link"
    menu_label = "Embargo links"
    list_display = [
        "page",
        "recipient",
        "expires_at",
        Column("status", label="Status"),
        Column("full_url", label="Link to send"),
    ]
    list_filter = ["revoked"]
    search_fields = ["recipient"]
    ordering = ["-created_at"]


class NewsSnippets(SnippetViewSetGroup):
    items = (PressContactViewSet, EmbargoLinkViewSet)
    menu_label = "Press office"
    menu_icon = "mail"
    menu_order = 250


register_snippet(NewsSnippets)


@hooks.register("after_create_snippet")
def record_who_created_embargo_link(request, instance):
    if isinstance(instance, EmbargoLink) and instance.created_by_id is None:
        instance.created_by = request.user
        instance.save(update_fields=["created_by"])
