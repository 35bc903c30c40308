import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def require_2fa(settings):
    """Production's rule: the admin needs a verified second factor."""
    settings.BHP_REQUIRE_2FA = True


def verify_second_factor(client, user):
    """Gives the user a confirmed authenticator and marks the client's session
    as having passed it, as the code form does."""
    device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
