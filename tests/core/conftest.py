import pytest

from bhp_portal.core.models import ContactFormPage, SiteSettings


@pytest.fixture
def contact_page(db):
    return ContactFormPage.objects.get(slug="contact")


@pytest.fixture
def enquiries_desk(db):
    """The address site settings send contact enquiries to."""
    site_settings = SiteSettings.objects.get()
    site_settings.enquiries_email = "enquiries-desk@example.org"
    site_settings.save()
    return site_settings.enquiries_email
