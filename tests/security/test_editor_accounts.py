"""Editor sign-in: lock-out after repeated failures and the second factor."""

import pytest
from axes.helpers import get_client_ip_address
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.conftest import (
    LOGIN_URL,
    PASSWORD,
    trust_proxies,
    verify_second_factor,
)
from tests.utils import ProxyClient, soup


def sign_in(client, password, username="editor"):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}
    )


def test_right_password_signs_in(client, editor):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_five_failures_lock_the_account_even_with_the_right_password(client, editor):
    for _ in range(4):
        assert sign_in(client, "wrong password").status_code == 200
    locked = sign_in(client, "wrong password")
    assert locked.status_code == 429
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    message = soup(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert "Too many failed sign-in attempts for editor" in message
    assert "0:30:00" in message
    assert "_auth_user_id" not in client.session


def test_lock_out_is_per_account_and_address(client, editor):
    for _ in range(5):
        sign_in(client, "wrong password")
    other_address = ProxyClient(REMOTE_ADDR="192.0.2.7")
    assert sign_in(other_address, PASSWORD).status_code == 302


def test_axes_reset_lifts_the_lock(client, editor):
    for _ in range(5):
        sign_in(client, "wrong password")
    call_command("axes_reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sign_in(client, PASSWORD).status_code == 302


def test_cool_off_period_is_configurable(settings):
    from datetime import timedelta

    assert timedelta(minutes=30) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_FAILURE_LIMIT == 5


def test_address_behind_the_proxy_is_the_one_the_proxy_saw(rf, settings):
    request = rf.get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.2"
    )
    trust_proxies(settings, 1)
    # The left entry was sent by the client and could be anything.
    assert get_client_ip_address(request) == "203.0.113.9"
    trust_proxies(settings, 0)
    assert get_client_ip_address(request) == "10.0.0.2"
    # Two proxies: the entry the outer one wrote, two places from the right.
    request.META["HTTP_X_FORWARDED_FOR"] = "6.6.6.6, 203.0.113.9, 10.0.0.1"
    trust_proxies(settings, 2)
    assert get_client_ip_address(request) == "203.0.113.9"


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


@pytest.mark.usefixtures("require_2fa")
class TestTwoFactorRequired:
    def test_password_alone_does_not_open_the_admin(self, client, editor):
        sign_in(client, PASSWORD)
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/set-up/")

    def test_editor_sets_up_an_authenticator_then_the_admin_opens(self, client, editor):
        sign_in(client, PASSWORD)
        page = client.get("/admin/two-factor/set-up/?next=/admin/pages/")
        assert page.status_code == 200
        html = soup(page)
        assert html.select_one('img[src^="data:image/svg+xml;base64,"]')["alt"]
        device = TOTPDevice.objects.get(user=editor, confirmed=False)

        wrong = client.post(
            "/admin/two-factor/set-up/",
            {"otp_token": "000000", "next": "/admin/pages/"},
        )
        assert "That code is not right" in wrong.text
        assert client.get("/admin/pages/").status_code == 302

        device.refresh_from_db()
        too_soon = client.post(
            "/admin/two-factor/set-up/",
            {"otp_token": current_code(device), "next": "/admin/pages/"},
        )
        assert "Too many wrong codes in a row" in too_soon.text
        device.throttle_reset()  # as if the wait had passed
        response = client.post(
            "/admin/two-factor/set-up/",
            {"otp_token": current_code(device), "next": "/admin/pages/"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/admin/pages/"
        assert TOTPDevice.objects.get(user=editor).confirmed
        assert client.get("/admin/pages/").status_code == 200

    def test_editor_with_an_authenticator_must_enter_its_code(self, client, editor):
        device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
        sign_in(client, PASSWORD)
        response = client.get("/admin/images/")
        assert response["Location"] == "/admin/two-factor/?next=%2Fadmin%2Fimages%2F"
        # The set-up page cannot be used to add a second device unverified.
        assert client.get("/admin/two-factor/set-up/")["Location"].startswith(
            "/admin/two-factor/"
        )
        response = client.post(
            "/admin/two-factor/",
            {"otp_token": current_code(device), "next": "https://evil.example/"},
        )
        # An off-site "next" is ignored.
        assert response["Location"] == "/admin/"
        assert client.get("/admin/images/").status_code == 200

    def test_unsafe_next_and_wrong_codes_are_refused(self, client, editor):
        TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
        sign_in(client, PASSWORD)
        response = client.post("/admin/two-factor/", {"otp_token": "12ab56"})
        assert response.status_code == 200
        assert soup(response).select_one(".error-message, .w-field__errors")
        assert client.get("/admin/").status_code == 302

    def test_public_pages_do_not_ask_for_the_code(self, client, editor):
        sign_in(client, PASSWORD)
        assert client.get("/about/").status_code == 200

    def test_verified_session_opens_the_admin(self, client, editor):
        client.force_login(editor)
        verify_second_factor(client, editor)
        assert client.get("/admin/").status_code == 200


def test_reset_2fa_command_removes_the_editors_devices(editor):
    TOTPDevice.objects.create(user=editor, name="Lost phone", confirmed=True)
    call_command("reset_2fa", "editor", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_two_factor_can_be_off_in_development(client, editor, settings):
    settings.BHP_REQUIRE_2FA = False
    sign_in(client, PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_sign_in_without_a_web_request_skips_only_the_lock_out_check(editor):
    from django.contrib.auth import authenticate

    assert authenticate(username="editor", password=PASSWORD) == editor
    assert authenticate(username="editor", password="wrong") is None
