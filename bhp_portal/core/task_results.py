"""The task queue's results in the Wagtail admin (Settings > Task queue), for
administrators only: what ran, what waits, and every failure with its error.
Read-only: the worker alone changes them."""

from django.contrib.auth import get_user_model
from django_tasks_db.models import DBTaskResult
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy


class AdministratorsMayLook(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action == "view"

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


register_permission_policy(DBTaskResult, AdministratorsMayLook(DBTaskResult))


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = "Task queue"
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []
    list_display = ["task_name", "status", "enqueued_at", "finished_at", "run_after"]
    list_filter = ["status"]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "exception_class_path",
        "traceback",
    ]
