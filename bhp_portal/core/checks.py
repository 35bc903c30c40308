from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def two_factor_required(app_configs, **kwargs):
    if settings.BHP_REQUIRE_2FA:
        return []
    return [
        Warning(
            "Two-factor sign-in is not required for editors.",
            hint="Unset BHP_REQUIRE_2FA (it defaults to on when DJANGO_DEBUG is off).",
            id="core.W001",
        )
    ]
