import pytest

from bhp_portal.core.factories import ContactFormPageFactory
from bhp_portal.core.models import ContactFormField, SiteSettings

# The contact form's fields in these tests; VALID in test_contact_form.py
# fills them in.
FORM_FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": True},
    {"label": "Email address", "field_type": "email", "required": True},
    {
        "label": "Enquiry type",
        "field_type": "radio",
        "required": True,
        "choices": "Press\nPublic",
    },
    {"label": "Organisation", "field_type": "singleline", "required": False},
    {"label": "Your message", "field_type": "multiline", "required": True},
]


@pytest.fixture
def contact_page(db):
    page = ContactFormPageFactory()
    page.form_fields = [ContactFormField(**field) for field in FORM_FIELDS]
    page.save_revision().publish()
    return page


@pytest.fixture
def enquiries_desk(db):
    """The address site settings send contact enquiries to."""
    site_settings = SiteSettings.objects.get()
    site_settings.enquiries_email = "enquiries-desk@example.org"
    site_settings.save()
    return site_settings.enquiries_email
