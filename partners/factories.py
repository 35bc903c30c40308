"""Factories for organisations and partner pages, used by tests and the demo."""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from bhp_portal.core.factories import HomePageFactory, SingletonPageFactory, rich_text

from .models import (
    HDRUKIndexPage,
    HDRUKSiteMember,
    HDRUKSitePage,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
)


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:100])
    kind = Organisation.Kind.UNIVERSITY

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)


class PartnerIndexPageFactory(SingletonPageFactory):
    title = "Our partners"
    slug = "partners"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.LazyAttribute(lambda o: o.organisation.name)
    slug = factory.LazyAttribute(lambda o: o.organisation.slug)
    summary = factory.Faker("sentence")
    role = PartnerPage.Role.AFFILIATED
    body = factory.LazyFunction(lambda: rich_text("<p>About the partner.</p>"))
    parent = factory.SubFactory(PartnerIndexPageFactory)

    class Meta:
        model = PartnerPage


class HDRUKIndexPageFactory(SingletonPageFactory):
    title = "Health Data Research UK"
    slug = "hdr-uk"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = HDRUKIndexPage


class HDRUKSitePageFactory(wagtail_factories.PageFactory):
    region = factory.Sequence(lambda n: f"Region {n}")
    title = factory.LazyAttribute(lambda o: f"HDR UK {o.region}")
    slug = factory.LazyAttribute(lambda o: slugify(o.region))
    summary = factory.Faker("sentence")
    parent = factory.SubFactory(HDRUKIndexPageFactory)

    class Meta:
        model = HDRUKSitePage

    @classmethod
    def members_for(cls, organisations, roles=None):
        """HDRUKSiteMember rows for `members=`, in the order given; `roles`
        maps an organisation's name to its part in the site."""
        roles = roles or {}
        return [
            HDRUKSiteMember(
                organisation=org, role=roles.get(org.name, ""), sort_order=i
            )
            for i, org in enumerate(organisations)
        ]
