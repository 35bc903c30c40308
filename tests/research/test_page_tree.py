from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from bhp_portal.core.models import HomePage
from partners.models import Organisation
from research.models import ResearchIndexPage, ResearchThemePage
from tests.utils import PageTestCase


class ResearchTreeTests(PageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()
        self.index = ResearchIndexPage.objects.get()

    def test_the_index_sits_under_home_and_holds_only_themes(self):
        self.assertAllowedParentPageTypes(ResearchIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResearchIndexPage, {ResearchThemePage})
        self.assertAllowedParentPageTypes(ResearchThemePage, {ResearchIndexPage})
        self.assertAllowedSubpageTypes(ResearchThemePage, set())

    def test_there_is_one_research_index(self):
        self.assertCanCreateAt(HomePage, ResearchIndexPage)
        self.assertFalse(ResearchIndexPage.can_create_at(self.home))

    def test_themes_cannot_go_elsewhere(self):
        self.assertCanCreateAt(ResearchIndexPage, ResearchThemePage)
        self.assertCanNotCreateAt(HomePage, ResearchThemePage)

    def test_index_and_themes_are_routable_and_render(self):
        theme = ResearchThemePage.objects.live().first()
        for page in (self.index, theme):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)

    def test_an_editor_creates_a_theme_with_partners_through_the_admin(self):
        uob = Organisation.objects.get(name="University of Birmingham")
        cancer = ResearchThemePage.objects.get(slug="cancer")
        self.assertCanCreate(
            self.index,
            ResearchThemePage,
            nested_form_data(
                {
                    "title": "Ageing",
                    "slug": "ageing",
                    "summary": "Research on healthy ageing.",
                    "body": streamfield(
                        [("rich_text", rich_text("<p>Living well for longer.</p>"))]
                    ),
                    "units": streamfield(
                        [
                            (
                                "unit",
                                {
                                    "name": "Centre for Healthy Ageing",
                                    "kind": "centre",
                                    "description": "Studies of ageing.",
                                    "page": "",
                                    "url": "",
                                },
                            )
                        ]
                    ),
                    "lead_contacts": streamfield([]),
                    "key_facts": inline_formset([]),
                    "partner_links": inline_formset([{"organisation": uob.pk}]),
                    "related_theme_links": inline_formset([{"theme": cancer.pk}]),
                }
            ),
        )
        page = ResearchThemePage.objects.get(slug="ageing")
        self.assertEqual(page.get_parent().specific, self.index)
        self.assertEqual(
            [link.organisation for link in page.partner_links.all()], [uob]
        )
        self.assertEqual(page.units[0].value["name"], "Centre for Healthy Ageing")
