from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bhp_portal.core"
    label = "core"
    verbose_name = "Site-wide pages and settings"

    def ready(self):
        from . import checks, signals  # noqa: F401 (registers checks and receivers)
