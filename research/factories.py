"""Factories for research pages, used by tests and the demo."""

import factory
import wagtail_factories

from bhp_portal.core.factories import HomePageFactory, SingletonPageFactory, rich_text

from .models import (
    PeopleIndexPage,
    PersonPage,
    PersonRole,
    ResearchIndexPage,
    ResearchThemePage,
    ResearchThemePartner,
)


class ResearchIndexPageFactory(SingletonPageFactory):
    title = "Our research"
    slug = "research"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ResearchIndexPage


class ResearchThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Research theme {n}")
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: rich_text("<p>What the theme studies.</p>"))
    parent = factory.SubFactory(ResearchIndexPageFactory)

    class Meta:
        model = ResearchThemePage

    @classmethod
    def partners_for(cls, organisations):
        """ResearchThemePartner rows for `partner_links=`, in the order given."""
        return [
            ResearchThemePartner(organisation=org, sort_order=i)
            for i, org in enumerate(organisations)
        ]


class PeopleIndexPageFactory(SingletonPageFactory):
    title = "People"
    slug = "people"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Person {n}")
    summary = factory.Faker("sentence")
    parent = factory.SubFactory(PeopleIndexPageFactory)

    class Meta:
        model = PersonPage

    @classmethod
    def roles_for(cls, *roles):
        """PersonRole rows for `roles=`, from (title, kind, organisation)."""
        return [
            PersonRole(title=title, kind=kind, organisation=org, sort_order=i)
            for i, (title, kind, org) in enumerate(roles)
        ]
