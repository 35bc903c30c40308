from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bhp_portal.core.content_checks import BHPContentChecker

from .content_checks import StudyContentChecker
from .models import Condition, InterestRegistration, StudyPage
from .models.studies import is_in_a_study_team, visible_registrations


class ConditionViewSet(SnippetViewSet):
    model = Condition
    icon = "pick"
    menu_label = "Conditions"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "synonyms"]
    search_fields = ["name", "synonyms"]


class StudyTeamPolicy(BasePermissionPolicy):
    """Registrations of interest are visitors' personal data: administrators
    may do anything with them; members of a study's team group may read
    those of their own studies; nobody else sees them at all, editors and
    the Comms team included. Nobody adds or edits them in the admin."""

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        return action == "view" and is_in_a_study_team(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and visible_registrations(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return InterestRegistration.objects.none()
        return visible_registrations(user)

    def users_with_any_permission(self, actions):
        teams = StudyPage.objects.exclude(team_group=None).values("team_group")
        readers = Q(is_superuser=True)
        if "view" in actions:
            readers |= Q(groups__in=teams)
        return get_user_model().objects.filter(readers, is_active=True).distinct()


register_permission_policy(InterestRegistration, StudyTeamPolicy(InterestRegistration))


class RegistrationInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible_registrations(self.request.user), pk=self.pk)


class InterestRegistrationViewSet(SnippetViewSet):
    model = InterestRegistration
    icon = "mail"
    menu_label = "Registrations of interest"
    menu_order = 330
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = RegistrationInspectView
    list_display = ["name", "contact", "study", "created_at"]
    list_filter = ["study"]
    list_export = ["name", "contact", "study", "consent", "created_at"]

    def get_queryset(self, request):
        return visible_registrations(request.user)


register_snippet(ConditionViewSet)
register_snippet(InterestRegistrationViewSet)


@hooks.register("construct_wagtail_userbar", order=1)
def check_study_reading_age(request, items, page):
    """On a study, core's checker (placed by its own hook, which runs first)
    also measures the plain-English summary's reading age."""
    if not isinstance(page, StudyPage):
        return
    items[:] = [
        StudyContentChecker(page, in_editor=item.in_editor)
        if isinstance(item, BHPContentChecker)
        else item
        for item in items
    ]
