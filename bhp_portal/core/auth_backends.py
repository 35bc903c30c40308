from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for sign-ins that come from a web request.

    Axes refuses any authenticate() call without a request; Django's and
    Wagtail's login views always pass one, so what is left out here are calls
    from code that no visitor can drive, such as management commands and the
    test client's login()."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, plus a limit per account across all addresses.

    Axes compares every lock-out parameter against the one AXES_FAILURE_LIMIT,
    so counting by username alone would let five guesses from anywhere lock an
    editor out. Here one address is stopped at AXES_FAILURE_LIMIT and guesses
    spread over many addresses at the higher AXES_ACCOUNT_FAILURE_LIMIT; both
    locks last for the cool-off only."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if (
            account_failures(request, credentials)
            >= settings.AXES_ACCOUNT_FAILURE_LIMIT
        ):
            # Axes locks when this reaches its own limit.
            return max(failures, get_failure_limit(request, credentials))
        return failures


def account_failures(request, credentials):
    """Failed sign-ins for the account within the cool-off, from any address."""
    attempts = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
