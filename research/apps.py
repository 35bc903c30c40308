from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "research"

    def ready(self):
        from bhp_portal.core.editors import editors_publish_under, when_created

        from .models import PeopleIndexPage, ResearchIndexPage

        when_created(editors_publish_under, ResearchIndexPage, PeopleIndexPage)
