"""Two-factor sign-in with django-otp's TOTP devices, and the admin's
sign-out.

wagtail-2fa does not load on Wagtail 8 (it imports wagtail.users.widgets,
which Wagtail 7 removed), so the pieces are wired here: after the password,
an editor with an authenticator app enters its code; an editor without one
is sent to set it up. Until then the password opens nothing a visitor could
not see. docs/security.md describes the flow and the reset.
"""

import base64
import io

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import LogoutView

# Where a signed-in user goes before the second factor, as themselves.
SECOND_FACTOR_FLOW = {"two_factor_verify", "two_factor_setup", "wagtailadmin_logout"}
# Sign-in forms: a user who has given the password is sent on to the code.
SIGN_IN_FORMS = {"wagtailadmin_login", "wagtailcore_login"}
# Admin views that need no user, opened as a visitor would open them.
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
DEVICE_NAME = "Authenticator app"
# The unconfirmed device made for this session's set-up page.
SETUP_DEVICE_SESSION_KEY = "two_factor_setup_device"


def is_required():
    return settings.BHP_REQUIRE_2FA


class RequireTwoFactorMiddleware:
    """A user who has given the password but not the code counts as signed
    out everywhere but the code form, set-up and sign-out: a password alone
    must not open login-restricted pages, private documents or the API's
    private listings, nor the admin. The admin and the sign-in forms send
    such a user on to the code form (or to set-up when they have no device
    yet). Must follow django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if is_required() and user.is_authenticated and not user.is_verified():
            name = _url_name(request.path_info)
            if name in SIGN_IN_FORMS or _is_closed_admin_view(request, name):
                return _to_second_factor(request, name)
            if name not in SECOND_FACTOR_FLOW:
                _treat_as_visitor(request)
        return self.get_response(request)


def _url_name(path_info):
    try:
        return resolve(path_info).url_name
    except Resolver404:
        return None


def _is_closed_admin_view(request, name):
    return (
        request.path_info.startswith("/" + settings.WAGTAIL_ADMIN_PATH)
        and name not in OPEN_ADMIN_VIEWS | SECOND_FACTOR_FLOW
    )


def _to_second_factor(request, name):
    target = (
        "two_factor_verify"
        if django_otp.user_has_device(request.user, confirmed=True)
        else "two_factor_setup"
    )
    # After the code, a sign-in form's own destination, not the form again.
    if name in SIGN_IN_FORMS:
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    else:
        next_url = request.get_full_path()
    return _redirect_with_next(target, next_url)


def _redirect_with_next(target, next_url):
    query = urlencode({REDIRECT_FIELD_NAME: next_url})
    return redirect(f"{reverse(target)}?{query}")


def _treat_as_visitor(request):
    visitor = AnonymousUser()
    # What django_otp's middleware gives every request.user.
    visitor.otp_device = None
    visitor.is_verified = lambda: False

    async def auser():
        return visitor

    request.user = visitor
    # Async code asks request.auser(), which would still find the session's user.
    request.auser = auser


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label="Six-digit code",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].strip().replace(" ", "")
        # django-otp doubles the wait after each wrong code.
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                "Too many wrong codes in a row. Wait a minute, then enter the "
                "code your authenticator app shows."
            )
        if not (token.isdigit() and self.device.verify_token(token)):
            raise forms.ValidationError(
                "That code is not right or has expired. Enter the code your "
                "authenticator app shows now."
            )
        return token


def _next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(
        REDIRECT_FIELD_NAME, ""
    )
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _signed_in(request, device):
    django_otp.login(request, device)
    return redirect(_next_url(request))


@never_cache
@sensitive_post_parameters("otp_token")
def verify(request):
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _signed_in(request, device)
    return TemplateResponse(
        request,
        "account/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@never_cache
@sensitive_post_parameters("otp_token")
def setup(request):
    devices = TOTPDevice.objects.devices_for_user(request.user)
    if devices.filter(confirmed=True).exists():
        # Adding a second device needs the first one's code.
        return redirect("two_factor_verify")
    if request.method == "POST":
        device = devices.filter(
            pk=request.session.get(SETUP_DEVICE_SESSION_KEY), confirmed=False
        ).first()
        if device is None:
            # A later set-up, here or in another session, replaced this secret.
            return _redirect_with_next("two_factor_setup", _next_url(request))
    else:
        device = _new_setup_device(request)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        del request.session[SETUP_DEVICE_SESSION_KEY]
        return _signed_in(request, device)
    qr_svg = io.BytesIO()
    write_qrcode_image(device.config_url, qr_svg)
    return TemplateResponse(
        request,
        "account/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": base64.b64encode(qr_svg.getvalue()).decode("ascii"),
            "secret": base64.b32encode(device.bin_key).decode("ascii"),
        },
    )


def _new_setup_device(request):
    """A fresh secret for every showing of the set-up page, so a secret seen
    once (over a shoulder, in another session) never becomes the device.
    Earlier unconfirmed devices go, and only this session may confirm the
    new one."""
    TOTPDevice.objects.devices_for_user(request.user, confirmed=False).delete()
    device = TOTPDevice.objects.create(
        user=request.user, name=DEVICE_NAME, confirmed=False
    )
    request.session[SETUP_DEVICE_SESSION_KEY] = device.pk
    return device


_wagtail_logout = LogoutView.as_view()


@never_cache
@require_admin_access
@require_http_methods(["GET", "HEAD", "POST"])
def sign_out(request):
    """Wagtail's sign-out view deletes the session cookie whatever the answer,
    even the 405 Django's LogoutView gives a GET: the browser forgets a
    session the server still honours, and the editor thinks they have signed
    out. Here only a POST signs out; a GET shows a button that POSTs."""
    if request.method == "POST":
        return _wagtail_logout(request)
    return TemplateResponse(request, "account/sign_out.html")


urlpatterns = [
    path("two-factor/", verify, name="two_factor_verify"),
    path("two-factor/set-up/", setup, name="two_factor_setup"),
]
