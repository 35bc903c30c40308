"""Register interest: a short form on each recruiting study. The
registration is stored at once, then the task queue's worker emails the study
team, as the contact form does with enquiries; a visitor may send only so
many an hour (core.throttle)."""

import logging
import math

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from bhp_portal.core.models.forms import HONEYPOT_FIELD, EnquiryForm
from bhp_portal.core.tasks import send_email
from bhp_portal.core.throttle import count_attempt, seconds_to_wait, visitor

from .models import InterestRegistration

logger = logging.getLogger(__name__)

# Registrations one visitor can send in a window before being asked to wait.
INTEREST_LIMIT = 5
INTEREST_WINDOW_SECONDS = 60 * 60
PHONE_CHARACTERS = set("0123456789 +()-")


def interest_key(request):
    return f"interest:{visitor(request)}"


class InterestForm(EnquiryForm):
    """The contact form's form (its hints and errors tied to their fields for
    screen readers, its honeypot), with this form's three fields."""

    name = forms.CharField(
        label="Your name",
        max_length=120,
        error_messages={"required": "Enter your name"},
    )
    contact = forms.CharField(
        label="Email address or phone number",
        max_length=255,
        help_text="How the study team can reach you",
        error_messages={"required": "Enter an email address or phone number"},
    )
    consent = forms.BooleanField(
        error_messages={
            "required": "Tick the box to agree, so the team may contact you"
        },
    )

    def __init__(self, *args, consent_text, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if "@" in contact:
            validate_email(contact)
            return contact
        digits = [char for char in contact if char.isdigit()]
        if set(contact) <= PHONE_CHARACTERS and 10 <= len(digits) <= 15:
            return contact
        raise forms.ValidationError(
            "Enter an email address like name@example.org, or a phone number "
            "like 0121 414 3344"
        )


def interest_form(study, data=None):
    return InterestForm(data, consent_text=study.interest_consent)


def interest_context(study, request, form=None):
    if not study.is_recruiting:
        return {}
    return {"interest_form": form or interest_form(study)}


def handle_interest(study, request):
    form = interest_form(study, request.POST)
    wait = seconds_to_wait(
        interest_key(request), INTEREST_LIMIT, INTEREST_WINDOW_SECONDS
    )
    if wait:
        form.is_valid()
        minutes = math.ceil(wait / 60)
        form.add_error(
            None,
            f"You have registered interest {INTEREST_LIMIT} times in the last "
            f"hour. Please wait {minutes} minute{pluralize(minutes)} and try again.",
        )
        response = render(study, request, form, status=429)
        response["Retry-After"] = str(wait)
        return response
    if not form.is_valid():
        return render(study, request, form, status=200)
    count_attempt(interest_key(request), INTEREST_WINDOW_SECONDS)
    if form.is_spam():
        logger.info("Register interest: honeypot filled in, submission dropped")
    else:
        register(study, form.cleaned_data)
    return TemplateResponse(
        request,
        "research/study_page_registered.html",
        {"page": study, "self": study},
    )


def render(study, request, form, status):
    context = study.get_context(request, interest_form=form)
    return TemplateResponse(
        request, study.get_template(request), context, status=status
    )


def register(study, data):
    registration = InterestRegistration.objects.create(
        study=study,
        name=data["name"],
        contact=data["contact"],
        consent=study.interest_consent,
    )
    recipients = study.interest_recipients()
    if not recipients:
        logger.warning(
            "Register interest: study %s has no team address; registration %s "
            "only stored",
            study.pk,
            registration.pk,
        )
        return registration
    message = render_to_string(
        "research/emails/interest_registered.txt",
        {"study": study, "registration": registration},
    )
    # The worker sends it, and tries again while the mail server refuses.
    send_email.enqueue(
        f"Interest in {study.title}, from {settings.WAGTAIL_SITE_NAME}",
        message,
        recipients,
    )
    return registration
