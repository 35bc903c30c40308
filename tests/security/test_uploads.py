"""Uploads: only safe types and sizes get in, and documents are served so
they cannot run script on the site's origin."""

import io
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.utils import soup

pytestmark = pytest.mark.django_db


def png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_document(client, name, content, content_type):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_error(response):
    assert response.status_code == 200, "a bad upload is re-shown with an error"
    errors = soup(response).select(".error-message, .w-field__errors")
    return " ".join(e.get_text(" ", strip=True) for e in errors)


def test_a_good_image_is_accepted(admin_client):
    before = get_image_model().objects.count()
    response = upload_image(admin_client, "photo.png", png(40, 30))
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("drawing.svg", SVG, "Not a supported image format"),
        ("photo.png", b"<html><script>alert(1)</script></html>", "Not a valid"),
    ],
)
def test_svg_and_disguised_images_get_a_form_error(
    admin_client, name, content, message
):
    before = get_image_model().objects.count()
    error = file_error(upload_image(admin_client, name, content))
    assert message in error
    assert get_image_model().objects.count() == before


def test_oversized_image_gets_a_form_error(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    # Noise does not compress, so this is well over a kilobyte.
    noise = PILImage.frombytes("L", (100, 100), os.urandom(100 * 100))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    error = file_error(upload_image(admin_client, "big.png", buffer.getvalue()))
    assert "This file is too big" in error


def test_decompression_bomb_gets_a_form_error(admin_client, settings):
    # A few kilobytes that would unpack into 50 million pixels.
    content = png(10_000, 5_000, "1")
    assert len(content) < 100_000
    error = file_error(upload_image(admin_client, "bomb.png", content))
    assert "too many pixels" in error


@pytest.mark.parametrize(
    "name", ["page.html", "page.htm", "script.js", "drawing.svg", "tool.exe"]
)
def test_documents_of_unsafe_types_get_a_form_error(admin_client, name):
    before = get_document_model().objects.count()
    error = file_error(
        upload_document(admin_client, name, b"<script>alert(1)</script>", "text/html")
    )
    assert "File extension" in error and "is not allowed" in error
    assert get_document_model().objects.count() == before


def test_oversized_document_gets_a_form_error(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    error = file_error(
        upload_document(admin_client, "minutes.txt", b"x" * 2048, "text/plain")
    )
    assert "This file is too big" in error


def make_document(name, content, collection=None):
    document = get_document_model()(
        title=name, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_documents_download_in_a_sandbox(client):
    document = make_document("notes.txt", b"<html><script>alert(1)</script>")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_pdfs_open_in_the_browser_but_still_sandboxed(client):
    document = make_document("report.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.fixture
def board_papers():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return make_document("minutes.pdf", b"%PDF-1.4\n%%EOF\n", collection)


def test_private_collection_documents_need_a_sign_in(
    client, admin_client, board_papers
):
    refused = client.get(board_papers.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith("/_util/login/")
    assert admin_client.get(board_papers.url).status_code == 200


def test_password_protected_collection_shows_the_password_form(client):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Partner drafts")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="partners-only-2026",
    )
    document = make_document("draft.pdf", b"%PDF-1.4 secret\n", collection)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"secret" not in response.content
    assert soup(response).select_one("input[type=password]")
