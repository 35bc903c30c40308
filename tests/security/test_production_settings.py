"""The production configuration, checked in fresh processes so the test
environment's own variables cannot leak in."""

import os

import pytest

from tests.utils import run_in_new_process

PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "bhp_portal.settings",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-x9Q2v7",
    "DJANGO_ALLOWED_HOSTS": "www.birminghamhealthpartners.co.uk",
    "WAGTAILADMIN_BASE_URL": "https://www.birminghamhealthpartners.co.uk",
}


CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def run_python(code, **env):
    return run_in_new_process(["-c", code], {**PRODUCTION_ENV, **env})


def test_check_deploy_passes_with_production_settings_and_nothing_silenced():
    result = run_in_new_process(CHECK_DEPLOY, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_check_deploy_fails_when_two_factor_is_switched_off():
    result = run_in_new_process(
        CHECK_DEPLOY, {**PRODUCTION_ENV, "BHP_REQUIRE_2FA": "false"}
    )
    assert result.returncode != 0
    assert "core.W001" in result.stderr


@pytest.mark.parametrize(("debug", "required"), [("false", "True"), ("true", "False")])
def test_two_factor_is_required_in_production_and_optional_in_development(
    debug, required
):
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.BHP_REQUIRE_2FA, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)",
        DJANGO_DEBUG=debug,
    )
    assert result.stdout.split() == [required, "True"], result.stderr


def test_admin_address_comes_from_the_environment():
    result = run_python(
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('wagtailadmin_home'), reverse('wagtailadmin_login'))",
        WAGTAIL_ADMIN_PATH="/bhp-editors/",
    )
    assert result.stdout.split() == ["/bhp-editors/", "/bhp-editors/login/"], (
        result.stderr
    )


def test_password_validators_refuse_short_and_common_passwords(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["Sh0rt!pass", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple")


@pytest.mark.parametrize(
    "given", ["", "www.birminghamhealthpartners.co.uk", "https://bhp.example/admin/"]
)
def test_production_refuses_to_start_without_its_public_address(given):
    # Password-reset mails link to it; a default would send editors to
    # 127.0.0.1 (security round two, item 15).
    result = run_python("import django; django.setup()", WAGTAILADMIN_BASE_URL=given)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be the site's public address" in result.stderr


def test_development_falls_back_to_the_local_address():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = run_in_new_process(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        {**env, "DJANGO_DEBUG": "true"},
    )
    assert result.stdout.split() == ["http://127.0.0.1:8000"], result.stderr


def test_migrations_are_checked_with_nothing_configured():
    # CI's last step, and the pre-stop check, run this in a bare environment;
    # only the database the suite uses is passed on.
    database = ("DATABASE_URL", "EMBEDDED_POSTGRES_DIR")
    env = {name: os.environ[name] for name in database if name in os.environ}
    result = run_in_new_process(
        ["manage.py", "makemigrations", "--check", "--dry-run"],
        {"PATH": os.environ["PATH"], **env},
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout
