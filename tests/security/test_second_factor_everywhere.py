"""With two-factor sign-in required, a password alone opens nothing private:
not the admin, not login-restricted pages, not documents and images in
private collections, not their listings in the API. The second factor is
asked for wherever a sign-in is, and each set-up attempt gets its own secret.
"""

import base64

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.two_factor import RequireTwoFactorMiddleware
from tests.security.conftest import verify_second_factor
from tests.utils import ProxyClient, soup

PASSWORD = "a long and perfectly good passphrase"
SET_UP_URL = "/admin/two-factor/set-up/"

pytestmark = pytest.mark.usefixtures("require_2fa")


@pytest.fixture
def editor(db, settings):
    # Each sign-in hashes the password; the real hasher is slow by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_superuser(
        "editor", "editor@bhp.example", PASSWORD
    )


@pytest.fixture
def private(db):
    """A login-restricted page, and a document and an image in a collection
    only signed-in users may see."""
    page = StandardPageFactory(title="Board minutes", slug="board-minutes")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(
        title="Minutes",
        collection=collection,
        file__filename="minutes.pdf",
        file__data=b"%PDF-1.4\n%%EOF\n",
    )
    image = ImageFactory(title="Embargoed photo", collection=collection)
    return {"page": page, "document": document, "image": image}


def api_ids(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?limit=100")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def sees_private(client, private):
    """What the client gets of each private thing, as a dict of booleans."""
    return {
        "page": client.get(private["page"].url).status_code == 200,
        "document": client.get(private["document"].url).status_code == 200,
        "document listed": private["document"].pk in api_ids(client, "documents"),
        "image listed": private["image"].pk in api_ids(client, "images"),
    }


def test_password_alone_opens_nothing_private(client, editor, private):
    client.force_login(editor)
    assert not any(sees_private(client, private).values())
    page = client.get(private["page"].url)
    assert page["Location"].startswith("/_util/login/?next=")
    document = client.get(private["document"].url)
    assert document["Location"].startswith("/_util/login/?next=")


def test_second_factor_opens_everything_private(client, editor, private):
    client.force_login(editor)
    verify_second_factor(client, editor)
    assert all(sees_private(client, private).values())


def test_password_in_a_basic_auth_header_opens_nothing(client, editor, private):
    credentials = base64.b64encode(f"editor:{PASSWORD}".encode()).decode()
    client.defaults["HTTP_AUTHORIZATION"] = f"Basic {credentials}"
    assert private["document"].pk not in api_ids(client, "documents")
    assert private["image"].pk not in api_ids(client, "images")


def test_async_code_finds_no_user_either(rf, editor):
    request = rf.get("/")
    editor.is_verified = lambda: False

    async def session_user():
        return editor

    request.user, request.auser = editor, session_user
    seen = {}

    def view(request):
        seen["user"] = request.user
        seen["auser"] = async_to_sync(request.auser)()
        return HttpResponse()

    RequireTwoFactorMiddleware(view)(request)
    assert seen["user"].is_anonymous
    assert seen["auser"].is_anonymous


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_front_end_sign_in_asks_for_the_code_then_opens_the_page(
    client, editor, private
):
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    url = private["page"].url
    response = client.post(
        "/_util/login/",
        {"username": "editor", "password": PASSWORD, "next": url},
        follow=True,
    )
    code_form = "/admin/two-factor/?next=%2Fboard-minutes%2F"
    assert response.redirect_chain[-1][0] == code_form
    assert soup(response).h1.get_text(strip=True) == "Enter your sign-in code"
    response = client.post(
        "/admin/two-factor/", {"otp_token": current_code(device), "next": url}
    )
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_unverified_editor_can_still_sign_out(client, editor):
    client.force_login(editor)
    assert client.get(SET_UP_URL).status_code == 200
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session


def test_two_factor_pages_send_strangers_to_the_sign_in(client, db):
    for url in ("/admin/two-factor/", SET_UP_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


def set_up_secret(client):
    page = client.get(SET_UP_URL)
    assert page.status_code == 200
    return soup(page).select_one("main code").get_text(strip=True)


def code_for(secret):
    key = base64.b32decode(secret)
    return f"{totp(key):06d}"


def test_each_set_up_visit_gets_a_new_secret(client, editor):
    client.force_login(editor)
    first = set_up_secret(client)
    second = set_up_secret(client)
    assert first != second
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    stale = client.post(SET_UP_URL, {"otp_token": code_for(first)})
    assert "That code is not right" in stale.text
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    TOTPDevice.objects.filter(user=editor).update(throttling_failure_count=0)
    response = client.post(SET_UP_URL, {"otp_token": code_for(second)})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert base64.b32encode(device.bin_key).decode() == second


def test_a_set_up_in_another_session_replaces_the_first(client, editor):
    client.force_login(editor)
    later = ProxyClient()
    later.force_login(editor)
    first = set_up_secret(client)
    second = set_up_secret(later)
    assert first != second
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    # The first session's device is gone; even the code of the second
    # session's secret does not confirm from here.
    response = client.post(SET_UP_URL, {"otp_token": code_for(second)})
    assert response["Location"].startswith(SET_UP_URL)
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert later.post(SET_UP_URL, {"otp_token": code_for(second)}).status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
