"""Two-factor sign-in for the Wagtail admin with django-otp's TOTP devices.

wagtail-2fa does not load on Wagtail 8 (it imports wagtail.users.widgets,
which Wagtail 7 removed), so the pieces are wired here: after the password,
an editor with an authenticator app enters its code; an editor without one
is sent to set it up. docs/security.md describes the flow and the reset.
"""

import base64
import io

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

# Admin views an editor may open before entering a code.
OPEN_BEFORE_VERIFYING = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_setup",
}
DEVICE_NAME = "Authenticator app"


def is_required():
    return settings.BHP_REQUIRE_2FA


class RequireTwoFactorMiddleware:
    """Sends a signed-in but unverified user from any admin page to the code
    form (or to set-up when they have no device yet). Public pages are not
    affected. Must follow django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            is_required()
            and user.is_authenticated
            and not user.is_verified()
            and request.path_info.startswith("/" + settings.WAGTAIL_ADMIN_PATH)
            and _url_name(request.path_info) not in OPEN_BEFORE_VERIFYING
        ):
            target = (
                "two_factor_verify"
                if django_otp.user_has_device(user, confirmed=True)
                else "two_factor_setup"
            )
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)


def _url_name(path_info):
    try:
        return resolve(path_info).url_name
    except Resolver404:
        return None


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
    device = devices.filter(confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name=DEVICE_NAME, confirmed=False
    )
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
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


urlpatterns = [
    path("two-factor/", verify, name="two_factor_verify"),
    path("two-factor/set-up/", setup, name="two_factor_setup"),
]
