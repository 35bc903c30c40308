#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhp_portal.settings")
    # Writing or checking migrations signs nothing and sends nothing, so it
    # needs neither a secret key nor the public address; everything else
    # still refuses to start without them when debug is off.
    if sys.argv[1:2] == ["makemigrations"]:
        os.environ.setdefault("DJANGO_SECRET_KEY", "makemigrations-only")
        os.environ.setdefault("WAGTAILADMIN_BASE_URL", "https://makemigrations.invalid")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
