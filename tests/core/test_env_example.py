""".env.example lists every variable the settings read, each with a comment,
and copying it as it is changes nothing the site depends on for safety."""

import json
import re
from pathlib import Path

from django.conf import settings

from tests.security.test_production_settings import CHECK_DEPLOY, PRODUCTION_ENV
from tests.utils import run_in_new_process

ENV_EXAMPLE = Path(settings.BASE_DIR) / ".env.example"
# A variable, set ("NAME=...") or shown as an example left unset ("# NAME=...").
VARIABLE = re.compile(r"^(?:# )?([A-Z][A-Z0-9_]*)=")

# Imports the settings in a fresh process and prints every name they asked
# django-environ for; every typed getter (env.str, env.bool, env.db, ...) goes
# through Env.get_value.
RECORD_READS = """
import json
import environ

read = set()
get_value = environ.Env.get_value

def recording(self, var, *args, **kwargs):
    read.add(var)
    return get_value(self, var, *args, **kwargs)

environ.Env.get_value = recording
import bhp_portal.settings
print(json.dumps(sorted(read)))
"""
# Some variables are read only when another one switches a feature on.
FEATURES = [
    {},
    {
        "DATABASE_URL": "postgres://bhp@db.example/bhp",
        "AWS_STORAGE_BUCKET_NAME": "bhp-media",
        "FRONTEND_CACHE": "cloudflare",
        "CLOUDFLARE_BEARER_TOKEN": "token",
        "CLOUDFLARE_ZONE_ID": "zone",
    },
    {"FRONTEND_CACHE": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E2EXAMPLE"},
]
# Listed for the operator, but read by something other than the settings.
READ_ELSEWHERE = {
    "EMBEDDED_POSTGRES_DIR",  # bhp_portal/embedded_postgres
    "AWS_ACCESS_KEY_ID",  # boto3
    "AWS_SECRET_ACCESS_KEY",  # boto3
    "GUNICORN_BIND",  # bhp_portal/gunicorn_conf.py, and the three below
    "GUNICORN_WORKERS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
}
# Settings whose values must not move when the example is copied as it is.
SAFETY_SETTINGS = [
    "BHP_REQUIRE_2FA",
    "DEBUG",
    "EMAIL_BACKEND",
    "MEDIA_ROOT",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "SERVE_MEDIA",
    "STATIC_ROOT",
    "STORAGES",
    "TASKS",
    "TRUSTED_PROXY_COUNT",
]
SHOW_SAFETY_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    f"print(json.dumps({{n: str(getattr(settings, n)) for n in {SAFETY_SETTINGS}}}))"
)


def listed_variables():
    """(name, the line above it) for every variable in .env.example."""
    lines = ENV_EXAMPLE.read_text().splitlines()
    return [
        (match[1], lines[number - 1] if number else "")
        for number, line in enumerate(lines)
        if (match := VARIABLE.match(line))
    ]


def read_by_settings():
    names = set()
    for feature in FEATURES:
        # Values only have to be well formed: nothing is connected to.
        switched_on = {**PRODUCTION_ENV, **feature}
        result = run_in_new_process(["-c", RECORD_READS], switched_on)
        assert result.returncode == 0, result.stderr
        names |= set(json.loads(result.stdout.splitlines()[-1]))
    return names


def safety_settings(env_file):
    result = run_in_new_process(
        ["-c", SHOW_SAFETY_SETTINGS], {**PRODUCTION_ENV, "DJANGO_ENV_FILE": env_file}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_env_example_lists_exactly_the_variables_the_settings_read():
    listed = {name for name, _ in listed_variables()}
    assert read_by_settings() == listed - READ_ELSEWHERE


def test_every_variable_in_env_example_has_a_comment_above_it():
    uncommented = [
        name
        for name, above in listed_variables()
        if not above.startswith("# ") or VARIABLE.match(above)
    ]
    assert uncommented == []


def test_env_example_copied_as_it_is_keeps_the_production_defaults():
    assert safety_settings(str(ENV_EXAMPLE)) == safety_settings("")
    copied = {**PRODUCTION_ENV, "DJANGO_ENV_FILE": str(ENV_EXAMPLE)}
    check = run_in_new_process(CHECK_DEPLOY, copied)
    assert check.returncode == 0, check.stderr
