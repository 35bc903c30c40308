from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from bhp_portal.core.models import HomePage
from partners.factories import OrganisationFactory
from partners.models import (
    HDRUKIndexPage,
    HDRUKSitePage,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
)
from tests.utils import PageTestCase


class PartnerTreeTests(PageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()

    def test_partner_pages_live_under_the_one_partner_index(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerPage, set())
        self.assertCanCreateAt(HomePage, PartnerIndexPage)
        self.assertFalse(PartnerIndexPage.can_create_at(self.home))
        self.assertCanNotCreateAt(HomePage, PartnerPage)

    def test_hdruk_sites_live_under_the_one_hdruk_index(self):
        self.assertAllowedParentPageTypes(HDRUKIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HDRUKIndexPage, {HDRUKSitePage})
        self.assertAllowedParentPageTypes(HDRUKSitePage, {HDRUKIndexPage})
        self.assertAllowedSubpageTypes(HDRUKSitePage, set())
        self.assertFalse(HDRUKIndexPage.can_create_at(self.home))
        self.assertCanNotCreateAt(PartnerIndexPage, HDRUKSitePage)

    def test_every_page_type_is_routable_and_renders(self):
        for model in (PartnerIndexPage, PartnerPage, HDRUKIndexPage, HDRUKSitePage):
            page = model.objects.live().first()
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_an_editor_creates_a_partner_page_through_the_admin(self):
        org = OrganisationFactory(name="Birmingham Community Healthcare")
        self.assertCanCreate(
            PartnerIndexPage.objects.get(),
            PartnerPage,
            nested_form_data(
                {
                    "title": "Birmingham Community Healthcare",
                    "slug": "bch",
                    "summary": "Community services.",
                    "organisation": org.pk,
                    "role": "affiliated",
                    "body": streamfield([]),
                    "key_facts": inline_formset([]),
                }
            ),
        )
        self.assertEqual(PartnerPage.objects.get(slug="bch").organisation, org)

    def test_an_editor_creates_an_hdruk_site_with_ordered_members(self):
        warwick = Organisation.objects.get(name="University of Warwick")
        oxford = Organisation.objects.get(name="University of Oxford")
        self.assertCanCreate(
            HDRUKIndexPage.objects.get(),
            HDRUKSitePage,
            nested_form_data(
                {
                    "title": "HDR UK Test",
                    "slug": "test-site",
                    "region": "Test",
                    "strengths": rich_text("<p>Linked records.</p>"),
                    "body": streamfield([]),
                    "members": inline_formset(
                        [{"organisation": oxford.pk}, {"organisation": warwick.pk}],
                        min=1,
                    ),
                }
            ),
        )
        site = HDRUKSitePage.objects.get(slug="test-site")
        self.assertEqual(
            [m.organisation for m in site.members.all()], [oxford, warwick]
        )
