"""Blocks for research themes: the units behind a theme and who leads it."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class UnitValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        return page.url if page else self.get("url")

    def kind_label(self):
        return dict(UnitBlock.KINDS).get(self.get("kind"), "")


class UnitBlock(blocks.StructBlock):
    KINDS = [
        ("unit", "Unit"),
        ("centre", "Centre"),
        ("programme", "Programme"),
        ("network", "Network or collaboration"),
    ]

    name = blocks.CharBlock(
        max_length=160, help_text='Full name, e.g. "Birmingham Clinical Trials Unit".'
    )
    kind = blocks.ChoiceBlock(choices=KINDS, default="centre")
    description = blocks.TextBlock(
        required=False, max_length=400, help_text="What it does, in a sentence or two."
    )
    page = blocks.PageChooserBlock(
        required=False, help_text="Its page on this site, if it has one."
    )
    url = blocks.URLBlock(required=False, help_text="Or its own website.")

    class Meta:
        template = "research/blocks/unit_block.html"
        icon = "group"
        description = "A unit, centre or programme that belongs to the theme."
        value_class = UnitValue
        preview_value = {
            "name": "Birmingham Clinical Trials Unit",
            "kind": "unit",
            "description": "Designs and runs trials across many areas of medicine.",
            "url": "https://www.birmingham.ac.uk/",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Choose a page or a web address, not both.")
                }
            )
        return value


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text='e.g. "Professor Jane Smith".')
    role = blocks.CharBlock(
        max_length=200, required=False, help_text="Their role in the theme."
    )
    organisation = blocks.CharBlock(
        max_length=200, required=False, help_text="Where they work."
    )
    email = blocks.EmailBlock(required=False, help_text="A public contact address.")
    profile = blocks.URLBlock(required=False, help_text="Link to a staff profile.")
    person = blocks.PageChooserBlock(
        page_type="research.PersonPage",
        required=False,
        help_text="Their page in the people directory, if they have one: the "
        "name then links to it, and it is not listed again under People.",
    )

    class Meta:
        template = "research/blocks/contact_block.html"
        icon = "user"
        description = "A person to contact about the theme."
        preview_value = {
            "name": "Theme lead",
            "role": "Academic lead",
            "organisation": "University of Birmingham",
        }


class UnitsBlock(blocks.StreamBlock):
    unit = UnitBlock()


class ContactsBlock(blocks.StreamBlock):
    contact = ContactBlock()
