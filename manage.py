#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhp_portal.settings")
    # Writing or checking migrations signs nothing, so it needs no secret key;
    # everything else still refuses to start without one when debug is off.
    if sys.argv[1:2] == ["makemigrations"]:
        os.environ.setdefault("DJANGO_SECRET_KEY", "makemigrations-only")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
