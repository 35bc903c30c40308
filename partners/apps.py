from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"

    def ready(self):
        from bhp_portal.core.editors import editors_publish_new

        from .models import HDRUKIndexPage, PartnerIndexPage

        editors_publish_new(PartnerIndexPage, HDRUKIndexPage)
