from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.models import BasePage


class ResearchIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["research.ResearchThemePage"]
    max_count_per_parent = 1
    page_description = "The list of BHP's research themes, at /research/."


class ResearchThemePage(BasePage):
    body = StreamField(BodyBlock(), blank=True, help_text="The theme's main content.")

    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []
    page_description = "One research theme, such as Cancer or Rare Diseases."
    search_result_type = "themes"

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
