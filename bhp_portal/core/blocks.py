"""StreamField blocks shared by every page type.

Each block names its template, icon, description and a preview value, so
editors see what a block looks like before they add it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

BODY_FEATURES = settings.RICHTEXT_FEATURES["body"]
INLINE_FEATURES = settings.RICHTEXT_FEATURES["inline"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="The heading's words.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Subsection (h3)")],
        default="h2",
        help_text="Keep headings in order: a subsection follows a section.",
    )

    class Meta:
        template = "blocks/heading_block.html"
        icon = "title"
        group = "Text"
        description = "A section heading; it also appears in the page outline."
        preview_value = {"text": "Our research strengths", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=BODY_FEATURES, **kwargs)

    class Meta:
        template = "blocks/rich_text_block.html"
        icon = "pilcrow"
        group = "Text"
        description = "Paragraphs, lists and links."
        preview_value = (
            "<p>Birmingham Health Partners brings the city's university and "
            "hospitals together so that research reaches patients sooner.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it. "
        "Leave empty to use the image's own description.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the image adds nothing to the text; screen "
        "readers will then skip it.",
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Shown under the image."
    )

    class Meta:
        template = "blocks/image_block.html"
        icon = "image"
        group = "Media"
        description = "An image with alternative text and an optional caption."

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        return self.to_python(
            {"image": image.pk if image else None, "alt_text": "", "caption": ""}
        )

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        has_alt = value.get("alt_text") or (image and image.description)
        if image and not value.get("decorative") and not has_alt:
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Add alternative text, or mark the image as decorative."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        if value.get("decorative"):
            context["alt"] = ""
        else:
            context["alt"] = value.get("alt_text") or (image and image.description)
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(required=False, help_text="Who said it.")
    role = blocks.CharBlock(
        required=False, help_text="Their role or organisation, shown after the name."
    )

    class Meta:
        template = "blocks/quote_block.html"
        icon = "openquote"
        group = "Text"
        description = "A quotation with the name and role of the speaker."
        preview_value = {
            "quote": "Working as one partnership lets discoveries reach the ward "
            "in years rather than decades.",
            "attribution": "A BHP director",
            "role": "Birmingham Health Partners",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another site."""

    page = blocks.PageChooserBlock(required=False, help_text="A page on this site.")
    url = blocks.URLBlock(required=False, help_text="Or a web address elsewhere.")
    text = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Link text that makes sense on its own; defaults to the page title.",
    )

    class Meta:
        icon = "link"
        description = "A link to a page on this site or to another site."

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Choose a page or enter a web address.")
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100, help_text="A short, direct heading.")
    text = blocks.TextBlock(required=False, help_text="One or two sentences.")
    link = LinkBlock()

    class Meta:
        template = "blocks/call_to_action_block.html"
        icon = "pick"
        group = "Calls to action"
        description = "A highlighted panel that sends readers to one next step."
        preview_value = {
            "title": "Work with us",
            "text": "Industry partners can reach our research teams directly.",
            "link": {
                "url": "https://www.birminghamhealthpartners.co.uk/",
                "text": "Contact BHP",
            },
        }


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, help_text="Optional heading above the facts."
    )
    facts = blocks.ListBlock(
        SnippetChooserBlock("core.KeyFact"),
        help_text="Choose figures from the shared key facts, "
        "so each is kept in one place.",
    )

    class Meta:
        template = "blocks/key_facts_block.html"
        icon = "table"
        group = "Data"
        description = "A row of headline figures, each with its source."

    def get_preview_value(self):
        # Real figures from the shared key facts, as an editor would choose.
        facts = self.child_blocks["facts"].child_block.target_model.objects
        return self.to_python(
            {
                "heading": "BHP in numbers",
                "facts": list(facts.order_by("pk").values_list("pk", flat=True)[:3]),
            }
        )


class EmbedBlock(blocks.StructBlock):
    embed = WagtailEmbedBlock(help_text="Address of a video or post, e.g. on YouTube.")
    title = blocks.CharBlock(
        max_length=120,
        help_text="What the embedded content is; read out by screen readers.",
    )
    transcript = blocks.URLBlock(
        required=False,
        help_text="Link to a transcript or captions, where there is one.",
    )

    class Meta:
        template = "blocks/embed_block.html"
        icon = "media"
        group = "Media"
        description = "A video or other media from another site."
        # The embed itself is fetched from its site when the page is viewed;
        # the chooser's preview shows where it will sit without fetching.
        preview_template = "blocks/previews/embed_block.html"
        preview_value = {
            "embed": "https://www.youtube.com/",
            "title": "A researcher explains a clinical trial",
        }


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock()),
                ("number", blocks.DecimalBlock()),
                ("rich_text", blocks.RichTextBlock(features=INLINE_FEATURES)),
            ],
            **kwargs,
        )


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(help_text="Says what the table shows; read before it.")
    table = TableBlock()

    class Meta:
        template = "blocks/table_block.html"
        icon = "table"
        group = "Data"
        description = "A table of data with typed columns and a caption."
        preview_value = {
            "caption": "The six Health Data Research UK sites",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Site"},
                    {"type": "text", "heading": "Led from"},
                ],
                "rows": [
                    {
                        "values": [
                            "Midlands",
                            "Birmingham, with Leicester, Nottingham and Warwick",
                        ]
                    },
                    {"values": ["Cambridge", "Cambridge"]},
                    {"values": ["London", "London"]},
                    {"values": ["Oxford", "Oxford"]},
                    {"values": ["Scotland", "Scotland"]},
                    {"values": ["Wales and Northern Ireland", "Wales"]},
                ],
            },
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, help_text="Link text; defaults to the document's title."
    )

    class Meta:
        template = "blocks/document_link_block.html"
        icon = "doc-full"
        group = "Media"
        description = "A download link with the file's type and size."

    def get_preview_value(self):
        document = get_document_model().objects.order_by("pk").first()
        return self.to_python(
            {"document": document.pk if document else None, "title": ""}
        )


SOCIAL_PLATFORMS = [
    ("bluesky", "Bluesky"),
    ("linkedin", "LinkedIn"),
    ("x", "X (Twitter)"),
    ("youtube", "YouTube"),
    ("mastodon", "Mastodon"),
]


class SocialLinkValue(blocks.StructValue):
    def platform_label(self):
        return dict(SOCIAL_PLATFORMS).get(self.get("platform"), "")


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock()

    class Meta:
        icon = "link-external"
        value_class = SocialLinkValue


class LegalLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    text = blocks.CharBlock(required=False, help_text="Defaults to the page title.")

    class Meta:
        icon = "doc-full"


class BodyBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    heading = HeadingBlock()
    rich_text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_facts = KeyFactsBlock()
    embed = EmbedBlock()
    table = TableWithCaptionBlock()
    document = DocumentLinkBlock()
