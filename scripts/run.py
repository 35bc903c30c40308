"""`make run` after the install: migrate, load the demo content, then serve
the site (Django's development server) with the task queue's worker beside
it, their lines in one log with a prefix each. Prints a line per phase with
its time. Ctrl-C stops both and the embedded PostgreSQL.

Usage: .venv/bin/python scripts/run.py [PORT]
"""

import os
import signal
import socket
import subprocess  # nosec B404 (starts manage.py runserver and run_worker)
import sys
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
ENV_FILE = BASE_DIR / ".env"
# Written once, so every manage.py command a developer types afterwards runs
# with the same development settings as the server.
ENV_TEMPLATE = """\
# Written by `make run` for local development; see .env.example for the rest.
# Production never has this file: debug stays off there.
DJANGO_DEBUG=true
"""


def say(message):
    print(message, flush=True)


def port_taken(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def phase(title, step):
    say(f"make run: {title}...")
    started = time.monotonic()
    step()
    say(f"make run: {title} done in {time.monotonic() - started:.1f} s")


def prefixed(name, process):
    """Copies a child's output to ours, each line led by its name."""
    for line in process.stdout:
        sys.stdout.write(f"{name:<6} | {line}")
        sys.stdout.flush()


def start(name, *args):
    process = subprocess.Popen(  # noqa: S603 # nosec B603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    threading.Thread(target=prefixed, args=(name, process), daemon=True).start()
    return process


def point_site_at(port):
    """Links the site writes (canonical, Open Graph, sitemap, feeds) name
    the address being served, not the demo's http://localhost/."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != ("127.0.0.1", port):
        site.hostname, site.port = "127.0.0.1", port
        site.save()


def serve(port, began):
    children = [
        start("web", "runserver", f"127.0.0.1:{port}", "--skip-checks"),
        start("worker", "run_worker"),
    ]
    while not port_taken(port):
        if any(child.poll() is not None for child in children):
            return 1
        time.sleep(0.1)
    say(f"make run: [4/4] serving, {time.monotonic() - began:.1f} s after the install")
    say("")
    say(f"  Site:   http://127.0.0.1:{port}/")
    admin_path = os.environ.get("WAGTAIL_ADMIN_PATH", "admin/")
    say(f"  Admin:  http://127.0.0.1:{port}/{admin_path}")
    say("  Make an admin account with: .venv/bin/python manage.py createsuperuser")
    say("  The site's own error pages: /_dev/404/ and /_dev/500/. Ctrl-C stops.")
    say("")
    try:
        children[0].wait()
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            child.send_signal(signal.SIGINT)
        for child in children:
            child.wait(timeout=30)
        wait_for_children_to_let_go_of_the_database()
    return 0


def wait_for_children_to_let_go_of_the_database(seconds=10):
    """The server and worker run in grandchildren (Django's reloader); once
    they are gone this process is the database's last user and stops it."""
    from bhp_portal.embedded_postgres import others_using

    deadline = time.monotonic() + seconds
    while others_using() and time.monotonic() < deadline:
        time.sleep(0.2)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    if port_taken(port):
        say(
            f"make run: something already serves port {port} (another make run?). "
            f"Stop it, or serve on another port: PORT={port + 1} make run"
        )
        return 1
    if not ENV_FILE.exists():
        ENV_FILE.write_text(ENV_TEMPLATE)
        say("make run: wrote .env (DJANGO_DEBUG=true) for local development")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhp_portal.settings")
    import django

    django.setup()
    from django.core.management import CommandError, call_command
    from django.db import connection

    from bhp_portal.embedded_postgres import describe

    began = time.monotonic()
    say(f"make run: database: {describe(connection.settings_dict)}")
    try:
        phase(
            "[2/4] migrate", lambda: call_command("migrate", "--noinput", verbosity=0)
        )
        phase("[3/4] demo content", lambda: call_command("load_demo_content"))
    except CommandError as error:
        say(f"make run: {error}")
        return 1
    point_site_at(port)
    return serve(port, began)


if __name__ == "__main__":
    sys.exit(main())
