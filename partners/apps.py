from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"

    def ready(self):
        from bhp_portal.core.editors import editors_publish_under, when_created

        from .models import HDRUKIndexPage, PartnerIndexPage

        when_created(editors_publish_under, PartnerIndexPage, HDRUKIndexPage)
