from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from bhp_portal.core.models import ContactFormPage, HomePage, StandardPage
from news.models import EventIndexPage, NewsIndexPage
from partners.models import HDRUKIndexPage, PartnerIndexPage
from research.models import PeopleIndexPage, ResearchIndexPage
from tests.utils import PageTestCase


class HomePageTreeTests(PageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_declares_the_general_pages_and_each_sections_index(self):
        # Core names none of them: its subpage_types are the page types that
        # name the home page as their parent.
        children = {
            StandardPage,
            ContactFormPage,
            ResearchIndexPage,
            PartnerIndexPage,
            HDRUKIndexPage,
            NewsIndexPage,
            EventIndexPage,
            PeopleIndexPage,
        }
        self.assertEqual(set(HomePage.clean_subpage_models()), children)
        self.assertAllowedSubpageTypes(HomePage, children)

    def test_there_is_only_one_home_page(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root))

    def test_home_page_is_routable_and_renders(self):
        home = HomePage.objects.get()
        self.assertPageIsRoutable(home)
        self.assertPageIsRenderable(home)


class StandardPageTreeTests(PageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get()

    def test_standard_pages_go_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_an_editor_creates_a_standard_page_through_the_admin_form(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Research governance",
                    "slug": "research-governance",
                    "summary": "How research is approved.",
                    "body": streamfield(
                        [("rich_text", rich_text("<p>Every study is reviewed.</p>"))]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="research-governance")
        self.assertEqual(page.get_parent().specific, self.home)
        self.assertIn("Every study is reviewed.", str(page.body))
