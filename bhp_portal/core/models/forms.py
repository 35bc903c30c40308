"""The contact form: enquiries are stored first, then emailed by the task
queue's worker, so a mail outage never loses one or keeps a visitor waiting."""

import logging
import math

import django.forms
from django.conf import settings
from django.db import models
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from ..tasks import send_email
from ..throttle import count_attempt, seconds_to_wait, visitor
from .base import BasePage
from .site_settings import SiteSettings

logger = logging.getLogger(__name__)


def enquiry_key(request):
    return f"enquiries:{visitor(request)}"


# Bots fill in every field; people never see this one.
HONEYPOT_FIELD = "website_address"
# Longest answers a visitor can send: a paragraph field, a one-line field.
PARAGRAPH_MAX_CHARACTERS = 5000
LINE_MAX_CHARACTERS = 255
# Enquiries one visitor can send in a window before being asked to wait.
ENQUIRY_LIMIT = 5
ENQUIRY_WINDOW_SECONDS = 60 * 60


class EnquiryForm(BaseForm):
    honeypot = HONEYPOT_FIELD

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def full_clean(self):
        super().full_clean()
        # Point screen readers from each invalid field to its message.
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [attrs.get("aria-describedby", ""), f"id_{name}-error"]
                attrs["aria-describedby"] = " ".join(filter(None, described))

    def is_spam(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class EnquiryFormBuilder(FormBuilder):
    """Wagtail's form builder with plain-English errors and a honeypot."""

    ERRORS = {
        "email": "Enter an email address in the correct format, like name@example.org",
        "number": "Enter a number",
        "url": "Enter a web address in the correct format, like "
        "https://www.example.org",
        "date": "Enter a real date, like 27/03/2025",
    }

    def get_field_options(self, field):
        options = super().get_field_options(field)
        # "Your name" reads as "Enter your name", not "Enter your your name".
        thing = field.label.lower().removeprefix("your ")
        errors = {"required": f"Enter your {thing}"}
        if field.field_type in ("dropdown", "radio", "checkboxes"):
            errors["required"] = f"Choose your {thing}"
            errors["invalid_choice"] = "Choose one of the options given"
        if field.field_type in self.ERRORS:
            errors["invalid"] = self.ERRORS[field.field_type]
        options["error_messages"] = errors
        return options

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = django.forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=django.forms.TextInput(
                attrs={"autocomplete": "off", "tabindex": "-1"}
            ),
        )
        return fields

    def create_singleline_field(self, field, options):
        return self.capped(field, options, LINE_MAX_CHARACTERS)

    def create_multiline_field(self, field, options):
        options["widget"] = django.forms.Textarea
        return self.capped(field, options, PARAGRAPH_MAX_CHARACTERS)

    @staticmethod
    def capped(field, options, characters):
        options["max_length"] = characters
        options["error_messages"]["max_length"] = (
            f"{field.label} must be {characters:,} characters or fewer"
        )
        return django.forms.CharField(**options)

    def get_form_class(self):
        return type("EnquiryForm", (EnquiryForm,), self.formfields)


class ContactFormField(AbstractFormField):
    page = ParentalKey(
        "core.ContactFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


# Wagtail's own form fields come without guidance for editors.
for name, text in {
    "field_type": "The kind of answer: one line, paragraph, email, a choice...",
    "required": "Tick if the form cannot be sent without this answer.",
    "help_text": "A hint shown under the label, e.g. what to include.",
}.items():
    ContactFormField._meta.get_field(name).help_text = text


class ContactFormPage(EmailFormMixin, FormMixin, BasePage):
    introduction = RichTextField(
        features=settings.RICHTEXT_FEATURES["inline"],
        blank=True,
        help_text="Who the form reaches and how soon we reply.",
    )
    thank_you_text = RichTextField(
        features=settings.RICHTEXT_FEATURES["inline"],
        blank=True,
        help_text="Shown after someone sends the form.",
    )

    form_builder = EnquiryFormBuilder
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = "The contact form for press, industry and public enquiries."
    # Where people look for it: the last item of the main menu, whatever its
    # place among the home page's children.
    last_in_menus = True

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email",
            help_text="Enquiries go to the enquiries address in site settings "
            "unless a to address is given here.",
        ),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only a sent form has errors or typed values to show.
        context["form_sent"] = request.method == "POST"
        return context

    def get_form(self, *args, **kwargs):
        build = super().get_form
        if args:  # a sent form, bound to what was typed
            return build(*args, **kwargs)
        # The blank form's fields are a kept fragment: the form is built (its
        # fields read) only when that fragment is not kept.
        return SimpleLazyObject(lambda: build(**kwargs))

    def serve(self, request, *args, **kwargs):
        wait = request.method == "POST" and seconds_to_wait(
            enquiry_key(request), ENQUIRY_LIMIT, ENQUIRY_WINDOW_SECONDS
        )
        if not wait:
            return super().serve(request, *args, **kwargs)
        # The form comes back with what was typed, and says when to try again.
        form = self.get_form(request.POST, page=self, user=request.user)
        form.is_valid()
        minutes = math.ceil(wait / 60)
        form.add_error(
            None,
            f"You have sent {ENQUIRY_LIMIT} enquiries in the last hour. Please "
            f"wait {minutes} minute{pluralize(minutes)} before sending another.",
        )
        context = {**self.get_context(request), "form": form}
        response = TemplateResponse(
            request, self.get_template(request), context, status=429
        )
        response["Retry-After"] = str(wait)
        return response

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if request.method == "POST":
            count_attempt(enquiry_key(request), ENQUIRY_WINDOW_SECONDS)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def get_submissions_list_view_class(self):
        # Wagtail's admin views can only be imported once the models are.
        from ..spreadsheets import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_data_fields(self):
        return [
            (name, label)
            for name, label in super().get_data_fields()
            if name != HONEYPOT_FIELD
        ]

    def _site_enquiries_address(self):
        site = self.get_site()
        if not site:
            return ""
        site_settings = SiteSettings.for_site(site)
        return site_settings.enquiries_email or site_settings.contact_email

    def recipients(self):
        addresses = self.to_address or self._site_enquiries_address()
        return [address.strip() for address in addresses.split(",") if address.strip()]

    def process_form_submission(self, form):
        if form.is_spam():
            logger.info("Contact form: honeypot filled in, submission dropped")
            return None
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        # FormMixin stores the submission; EmailFormMixin's own version would
        # only read to_address, and must not be able to lose the enquiry.
        submission = FormMixin.process_form_submission(self, form)
        recipients = self.recipients()
        if recipients:
            # The worker sends it, and tries again while the mail server
            # refuses: the visitor never waits on the mail server.
            send_email.enqueue(
                self.subject or f"Enquiry from {self.get_site().site_name}",
                self.render_email(form),
                recipients,
                self.from_address or None,
            )
        else:
            logger.warning(
                "Contact form: no enquiries address set; enquiry %s only stored",
                submission.pk,
            )
        return submission


for name, text in {
    "from_address": "Sender of the email; defaults to the site's address.",
    "subject": 'Subject line of the email, e.g. "Website enquiry".',
}.items():
    ContactFormPage._meta.get_field(name).help_text = text
