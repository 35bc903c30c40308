import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from bhp_portal.core.models import CustomImage, KeyFact, SiteSettings


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "key_facts": KeyFact.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


@pytest.mark.django_db
def test_loading_demo_content_again_changes_nothing():
    before = snapshot()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before


@pytest.mark.django_db
def test_demo_content_keeps_an_editors_changes():
    about = Page.objects.get(slug="about").specific
    about.title = "About us"
    about.save_revision().publish()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.get(slug="about").title == "About us"


@pytest.mark.django_db
def test_demo_images_have_alt_text():
    assert CustomImage.objects.exists()
    assert not CustomImage.objects.filter(description="").exists()
