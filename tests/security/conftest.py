import pytest
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a long and perfectly good passphrase"
LOGIN_URL = "/admin/login/"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Each sign-in hashes the password; the real hasher is slow by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor", "editor@bhp.example", PASSWORD
    )


@pytest.fixture
def require_2fa(settings):
    """Production's rule: the admin needs a verified second factor."""
    settings.BHP_REQUIRE_2FA = True


def trust_proxies(settings, count):
    """The address settings DJANGO_TRUSTED_PROXY_COUNT=`count` gives
    (test_sign_in_lock_out checks them against a fresh process)."""
    settings.TRUSTED_PROXY_COUNT = count
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = (
        ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if count else ("REMOTE_ADDR",)
    )
    settings.AXES_IPWARE_PROXY_COUNT = count - 1 if count else None


def verify_second_factor(client, user):
    """Gives the user a confirmed authenticator and marks the client's session
    as having passed it, as the code form does."""
    device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
