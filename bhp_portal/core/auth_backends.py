from axes.backends import AxesStandaloneBackend


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
