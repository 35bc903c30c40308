"""Security headers on public pages, and the admin still working under its
own policy."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_factories import DocumentFactory

from tests.utils import soup


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


PUBLIC_PATHS = ["/", "/about/", "/contact/", "/no-such-page/"]
# django-permissions-policy's spelling: features sorted, `()` for "nobody".
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), usb=()"
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_carry_every_security_header(client, path):
    assert_every_security_header(client.get(path))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/about/"])
def test_cached_copies_carry_every_security_header(client, path):
    # The page cache answers before the security middleware: the copy it
    # stored must hold what that middleware added.
    client.get(path)
    hit = client.get(path)
    assert hit["X-Cache"] == "HIT"
    assert_every_security_header(hit)


def assert_every_security_header(response):
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "upgrade-insecure-requests" in csp


@pytest.mark.django_db
def test_public_pages_have_no_inline_scripts_so_cached_copies_need_no_nonce(client):
    response = client.get("/")
    scripts = soup(response).select("script")
    assert scripts
    for script in scripts:
        if script.get("type") in {"application/json", "application/ld+json"}:
            continue
        assert script.get("src", "").startswith("/static/"), script
        assert not script.get("nonce")
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_http_requests_are_redirected_to_https():
    from django.test import Client

    response = Client().get("/about/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/about/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"],
)
def test_admin_pages_load_under_the_admin_policy(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    csp = directives(response)
    # The admin's own inline scripts may run; nothing from elsewhere may.
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    # Every script and style sheet comes from the site itself ('self').
    for url in [s["src"] for s in soup(response).select("script[src]")] + [
        s["href"] for s in soup(response).select("link[rel=stylesheet]")
    ]:
        assert url.startswith("/") and not url.startswith("//"), url


class HttpsClient(Client):
    """Every request over HTTPS, with no proxy header."""

    def generic(self, *args, **kwargs):
        return super().generic(*args, **{**kwargs, "secure": True})


@pytest.fixture(params=["behind a TLS proxy", "TLS at gunicorn"])
def editor_client(request, admin_client, admin_user):
    """An editor over HTTPS, told by the proxy's X-Forwarded-Proto or by
    gunicorn terminating TLS itself (no proxy header at all)."""
    if request.param == "behind a TLS proxy":
        return admin_client
    client = HttpsClient()
    client.force_login(admin_user)
    return client


@pytest.mark.django_db
def test_page_editor_and_its_preview_frame_work(editor_client):
    page = Page.objects.get(url_path="/home/about/").specific
    edit = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    # The editor posts the form to the preview view, then frames a GET of it.
    posted = editor_client.post(
        preview_url,
        nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "body": streamfield([]),
            }
        ),
    )
    assert posted.json()["is_valid"], posted.json()
    # Wagtail renders the preview through a request built from the Site
    # record (http://localhost here): it must not be redirected to HTTPS.
    preview = editor_client.get(preview_url)
    assert preview.status_code == 200
    # The preview panel frames this response from the admin's own origin.
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(preview)["frame-ancestors"] == ["'self'"]
    assert soup(preview).h1.get_text() == page.title


def no_store(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.django_db
def test_personal_responses_are_kept_by_no_cache(client, admin_client):
    # Security round two, item 13. A public page is the same for everyone.
    assert not no_store(client.get("/about/"))
    # A form sets the visitor's own CSRF cookie.
    contact = client.get("/contact/")
    assert "csrftoken" in contact.cookies
    assert no_store(contact)
    # Pages rendered for a signed-in user.
    assert no_store(admin_client.get("/about/"))


@pytest.mark.django_db
def test_private_document_downloads_are_kept_by_no_cache(client):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="board-papers-2026",
    )
    document = DocumentFactory(
        collection=collection, file__filename="papers.pdf", file__data=b"%PDF-1.4\n"
    )
    public = DocumentFactory(file__filename="leaflet.pdf", file__data=b"%PDF-1.4\n")
    leaflet = client.get(public.url)
    assert not no_store(leaflet)
    assert leaflet["Permissions-Policy"] == PERMISSIONS_POLICY
    answer = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    client.post(answer, {"password": "board-papers-2026", "return_url": "/"})
    download = client.get(document.url)
    assert download.status_code == 200
    assert no_store(download)
