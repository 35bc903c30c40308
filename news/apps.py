from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News and press releases"

    def ready(self):
        from . import signals  # noqa: F401 (new news indexes get sign-off)
