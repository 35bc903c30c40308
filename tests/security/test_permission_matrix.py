"""Who may do what in the admin: anonymous visitors, the Comms team, Editors,
Moderators and superusers against every action, both what is allowed and what
is refused, through the real admin views and checked in the database."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.contrib.forms.models import FormSubmission
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from bhp_portal.core.models import ContactFormPage, SiteSettings
from news.factories import NewsArticlePageFactory
from news.models import NewsIndexPage, NewsSettings
from partners.factories import OrganisationFactory
from partners.models import Organisation
from research.factories import ResearchThemePageFactory
from tests.utils import ProxyClient, news_article_form

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "Comms team", "Editors", "Moderators", "Enquiries", "superuser"]


@pytest.fixture
def client_for(django_user_model):
    def make(role):
        client = ProxyClient()
        if role == "anonymous":
            return client
        user = django_user_model.objects.create_user(
            username=role.replace(" ", "-"),
            password="a long test password",
            is_staff=role == "superuser",
            is_superuser=role == "superuser",
        )
        if role != "superuser":
            user.groups.set([Group.objects.get(name=role)])
        client.force_login(user)
        return client

    return make


@pytest.fixture
def theme(db):
    return ResearchThemePageFactory(title="Matrix theme", slug="matrix-theme")


@pytest.fixture
def article(db):
    index = NewsIndexPage.objects.get()
    article = NewsArticlePageFactory(parent=index, title="Matrix story")
    article.save_revision().publish()
    return article


def theme_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "matrix-theme",
            "summary": "What the theme studies.",
            "body": streamfield([]),
            "units": streamfield([]),
            "lead_contacts": streamfield([]),
            "key_facts": inline_formset([]),
            "partner_links": inline_formset([]),
            "related_theme_links": inline_formset([]),
        }
    )


def article_form(article, title):
    return news_article_form(title, slug=article.slug, date=article.date.isoformat())


def draft_of(page, title):
    page.title = title
    return page.save_revision()


def refused(response):
    """Anonymous visitors are sent to the login page; signed-in users without
    the right are sent away (Wagtail redirects) or refused outright."""
    return response.status_code in (302, 403)


# Each action returns whether it took effect, judged by the response and the
# database together.


def view_draft(client, theme, article):
    draft_of(theme, "Draft title")
    response = client.get(f"/admin/pages/{theme.pk}/view_draft/")
    shown = response.status_code == 200 and b"Draft title" in response.content
    assert shown or refused(response)
    return shown


def preview_revision(client, theme, article):
    revision = draft_of(theme, "Previewed title")
    response = client.get(f"/admin/pages/{theme.pk}/revisions/{revision.pk}/view/")
    shown = response.status_code == 200 and b"Previewed title" in response.content
    assert shown or refused(response)
    return shown


def edit_theme(client, theme, article):
    client.post(f"/admin/pages/{theme.pk}/edit/", theme_form("Edited theme"))
    return Page.objects.get(pk=theme.pk).draft_title == "Edited theme"


def edit_news(client, theme, article):
    client.post(f"/admin/pages/{article.pk}/edit/", article_form(article, "Edited"))
    return Page.objects.get(pk=article.pk).draft_title == "Edited"


def publish_theme(client, theme, article):
    form = {**theme_form("Published theme"), "action-publish": "action-publish"}
    client.post(f"/admin/pages/{theme.pk}/edit/", form)
    return Page.objects.get(pk=theme.pk).title == "Published theme"


def publish_news(client, theme, article):
    form = {
        **article_form(article, "Published story"),
        "action-publish": "action-publish",
    }
    client.post(f"/admin/pages/{article.pk}/edit/", form)
    return Page.objects.get(pk=article.pk).title == "Published story"


def delete_news(client, theme, article):
    client.post(f"/admin/pages/{article.pk}/delete/")
    return not Page.objects.filter(pk=article.pk).exists()


def delete_theme(client, theme, article):
    client.post(f"/admin/pages/{theme.pk}/delete/")
    return not Page.objects.filter(pk=theme.pk).exists()


def upload_image(client, theme, article):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30)).save(buffer, "PNG")
    client.post(
        "/admin/images/add/",
        {
            "title": "Matrix upload",
            "file": SimpleUploadedFile("m.png", buffer.getvalue(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    return get_image_model().objects.filter(title="Matrix upload").exists()


def change_settings(client, theme, article):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/sitesettings/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200 or refused(page)
    settings = SiteSettings.for_site(site)
    client.post(
        url,
        nested_form_data(
            {
                "address": "1 Changed Street",
                "contact_email": settings.contact_email,
                "enquiries_email": settings.enquiries_email,
                "contact_phone": settings.contact_phone,
                "social_links": streamfield([]),
                "legal_links": streamfield([]),
            }
        ),
    )
    return SiteSettings.for_site(site).address == "1 Changed Street"


def change_news_settings(client, theme, article):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/news/newssettings/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200 or refused(page)
    client.post(url, {"about_bhp": rich_text("<p>Changed note.</p>")})
    return "Changed note." in NewsSettings.for_site(site).about_bhp


def add_organisation(client, theme, article):
    client.post(
        "/admin/snippets/partners/organisation/add/",
        {"name": "Matrix Health Trust", "slug": "matrix-trust", "kind": "nhs_trust"},
    )
    return Organisation.objects.filter(slug="matrix-trust").exists()


def change_organisation(client, theme, article):
    organisation = OrganisationFactory(name="Old name", slug="matrix-old")
    client.post(
        f"/admin/snippets/partners/organisation/edit/{organisation.pk}/",
        {"name": "New name", "slug": "matrix-old", "kind": "nhs_trust"},
    )
    return Organisation.objects.get(pk=organisation.pk).name == "New name"


def read_enquiries(client, theme, article):
    contact = ContactFormPage.objects.get()
    FormSubmission.objects.create(
        page=contact, form_data={"your_message": "My private matrix enquiry"}
    )
    listing = client.get(f"/admin/forms/submissions/{contact.pk}/")
    export = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    bodies = [listing.content, b"".join(getattr(export, "streaming_content", []))]
    shown = [b"My private matrix enquiry" in body for body in bodies]
    assert all(shown) or not any(shown)
    return all(shown)


# action: allowed for (anonymous, Comms team, Editors, Moderators, Enquiries,
# superuser)
MATRIX = {
    view_draft: (False, False, True, True, False, True),
    preview_revision: (False, False, True, True, False, True),
    edit_theme: (False, False, True, True, False, True),
    edit_news: (False, True, True, True, False, True),
    publish_theme: (False, False, True, True, False, True),
    # News goes out through the Moderators' sign-off.
    publish_news: (False, False, False, True, False, True),
    # A live page is deleted only by someone who may publish there.
    delete_theme: (False, False, True, True, False, True),
    delete_news: (False, False, False, True, False, True),
    upload_image: (False, True, True, True, False, True),
    change_settings: (False, False, False, False, False, True),
    change_news_settings: (False, False, False, False, False, True),
    # Editors publish partner pages, so they add the organisations behind them.
    add_organisation: (False, False, True, False, False, True),
    change_organisation: (False, False, True, False, False, True),
    # Enquiries are personal data: read by those who answer them, no one else.
    read_enquiries: (False, False, False, False, True, True),
}

CASES = [
    pytest.param(action, role, allowed, id=f"{action.__name__}-{role}")
    for action, row in MATRIX.items()
    for role, allowed in zip(ROLES, row, strict=True)
]


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission_matrix(client_for, theme, article, action, role, allowed):
    assert action(client_for(role), theme, article) is allowed
