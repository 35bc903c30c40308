from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "research"

    def ready(self):
        from bhp_portal.core.editors import editors_publish_new

        from .models import ResearchIndexPage

        editors_publish_new(ResearchIndexPage)
