from wagtail.images.forms import BaseImageForm

ALT_TEXT_HELP = (
    "The image's alternative text, read out by screen readers and shown when "
    "it cannot load: say in a sentence what it shows that matters, not "
    '"image of" or the file name.'
)


class ImageForm(BaseImageForm):
    """Wagtail's image form. Its "description" field is the alt text
    (core.CustomImage.default_alt_text) but comes with no help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].help_text = ALT_TEXT_HELP
