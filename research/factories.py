"""Factories for research pages, used by tests and the demo."""

import factory
import wagtail_factories

from bhp_portal.core.factories import rich_text
from bhp_portal.core.models import HomePage

from .models import ResearchIndexPage, ResearchThemePage, ResearchThemePartner


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Our research"
    slug = "research"
    parent = factory.LazyFunction(lambda: HomePage.objects.first())

    class Meta:
        model = ResearchIndexPage


class ResearchThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Research theme {n}")
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: rich_text("<p>What the theme studies.</p>"))
    parent = factory.LazyFunction(
        lambda: ResearchIndexPage.objects.first() or ResearchIndexPageFactory()
    )

    class Meta:
        model = ResearchThemePage

    @classmethod
    def partners_for(cls, organisations):
        """ResearchThemePartner rows for `partner_links=`, in the order given."""
        return [
            ResearchThemePartner(organisation=org, sort_order=i)
            for i, org in enumerate(organisations)
        ]
