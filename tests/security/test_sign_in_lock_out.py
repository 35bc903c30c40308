"""The sign-in lock-out counts the address the site can trust, cannot be
dodged by a forged X-Forwarded-For, also limits guesses at one account from
many addresses, and still lets the owner back in when the lock ends."""

import os

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F

from tests.security.conftest import LOGIN_URL, PASSWORD, trust_proxies
from tests.utils import run_in_new_process, soup

SOCKET_ADDRESS = "127.0.0.1"


@pytest.fixture
def behind_nginx(settings):
    trust_proxies(settings, 1)


def sign_in(client, password, username="editor", **meta):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        **meta,
    )


def address(n):
    return f"198.51.100.{n}"


def wrong_guesses(client, count, start=0):
    """`count` wrong passwords for the editor, each claiming a new address."""
    return [
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=address(n)).status_code
        for n in range(start, start + count)
    ]


def lock_message(response):
    return soup(response).select_one("[role=alert]").get_text(" ", strip=True)


ADDRESS_SETTINGS = (
    "TRUSTED_PROXY_COUNT",
    "AXES_IPWARE_META_PRECEDENCE_ORDER",
    "AXES_IPWARE_PROXY_COUNT",
    "IPWARE_STRICT",
)


def address_settings_in_a_new_process(**env):
    result = run_in_new_process(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            f"print(repr([getattr(settings, n) for n in {ADDRESS_SETTINGS!r}]))",
        ],
        {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "bhp_portal.settings",
            "DJANGO_SECRET_KEY": "a-production-like-secret-key-x9Q2v7-long",
            "DJANGO_ALLOWED_HOSTS": "www.birminghamhealthpartners.co.uk",
            "WAGTAILADMIN_BASE_URL": "https://www.birminghamhealthpartners.co.uk",
            **env,
        },
    )
    assert not result.returncode, result.stderr
    return result.stdout.strip()


def test_nothing_forwarded_is_trusted_unless_configured(settings):
    trust_proxies(settings, 0)
    expected = repr([getattr(settings, name) for name in ADDRESS_SETTINGS])
    for debug in ("false", "true"):
        assert address_settings_in_a_new_process(DJANGO_DEBUG=debug) == expected


@pytest.mark.parametrize("count", [1, 2])
def test_the_proxy_count_sets_what_axes_reads(settings, count):
    trust_proxies(settings, count)
    expected = repr([getattr(settings, name) for name in ADDRESS_SETTINGS])
    assert (
        address_settings_in_a_new_process(DJANGO_TRUSTED_PROXY_COUNT=str(count))
        == expected
    )


def test_forged_forwarded_for_does_not_escape_the_lock(client, editor):
    assert wrong_guesses(client, 40) == [200] * 4 + [429] * 36
    right = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=address(99))
    assert right.status_code == 429
    assert "Too many failed sign-in attempts for editor" in lock_message(right)
    assert "_auth_user_id" not in client.session
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        SOCKET_ADDRESS
    }


@pytest.mark.usefixtures("behind_nginx")
def test_behind_one_proxy_the_address_it_saw_is_counted(client, editor):
    sign_in(
        client,
        "wrong",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
        REMOTE_ADDR="10.0.0.2",
    )
    # The left entry was written by the client; nginx appended the right one.
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"


@pytest.mark.usefixtures("behind_nginx")
def test_a_forwarded_entry_that_is_no_address_falls_back_to_the_socket(client, editor):
    response = sign_in(client, "wrong", HTTP_X_FORWARDED_FOR="<script>")
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == SOCKET_ADDRESS


@pytest.mark.usefixtures("behind_nginx")
def test_one_account_is_locked_after_twenty_failures_from_any_addresses(client, editor):
    assert wrong_guesses(client, 40) == [200] * 19 + [429] * 21
    right = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert right.status_code == 429
    assert "Too many failed sign-in attempts for editor" in lock_message(right)
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("behind_nginx")
def test_the_account_lock_leaves_other_accounts_alone(client, editor):
    get_user_model().objects.create_user("author", "author@bhp.example", PASSWORD)
    wrong_guesses(client, 20)
    response = sign_in(
        client, PASSWORD, username="author", HTTP_X_FORWARDED_FOR=address(1)
    )
    assert response.status_code == 302


@pytest.mark.usefixtures("behind_nginx")
def test_the_owner_signs_in_once_the_cool_off_has_passed(client, editor, settings):
    wrong_guesses(client, 20)
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=address(99)).status_code == (
        429
    )
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME
    )
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=address(99))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("behind_nginx")
def test_axes_reset_username_lifts_the_account_lock(client, editor):
    wrong_guesses(client, 20)
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=address(99)).status_code == (
        429
    )
    call_command("axes_reset_username", "editor", stdout=open(os.devnull, "w"))  # noqa: SIM115
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=address(99))
    assert response.status_code == 302


def test_attempts_during_the_lock_do_not_extend_it(client, editor):
    for _ in range(5):
        sign_in(client, "wrong")
    locked = AccessAttempt.objects.get()
    for password in ("wrong", "wrong", PASSWORD):
        assert sign_in(client, password).status_code == 429
    after = AccessAttempt.objects.get()
    # Otherwise anyone could keep an editor locked out with one guess an hour.
    assert after.failures_since_start == 5
    assert after.attempt_time == locked.attempt_time
