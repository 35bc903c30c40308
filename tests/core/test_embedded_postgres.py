"""The embedded PostgreSQL that runs when DATABASE_URL is unset: started on
demand, shared, stopped by the last process, and never a traceback."""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest

from bhp_portal.embedded_postgres import BASE_DIR


@pytest.fixture
def data_dir():
    """A data directory of its own, under var/ where the server's system user
    may reach it; removed after the test."""
    path = BASE_DIR / "var" / f"test-postgres-{uuid.uuid4().hex[:8]}"
    yield path
    shutil.rmtree(path, ignore_errors=True)


def embedded(data_dir, *args, settings_needed=False):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["EMBEDDED_POSTGRES_DIR"] = str(data_dir)
    command = [sys.executable, *args]
    return subprocess.run(  # noqa: S603 (our own interpreter and modules)
        command, env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=120
    )


def psql(data_dir, sql):
    """Runs SQL through the embedded server's own psql, with the server up."""
    return embedded(
        data_dir,
        "-m",
        "bhp_portal.embedded_postgres",
        "run",
        "sh",
        "-c",
        f'psql "$DATABASE_URL" -tAc "{sql}"',
    )


def postgres_running(data_dir):
    lock = data_dir / "postmaster.pid"
    if not lock.exists():
        return False
    pid = int(lock.read_text().split("\n", 1)[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_started_on_demand_keeps_its_data_and_stops_after_the_last_user(data_dir):
    made = psql(
        data_dir, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('x')"
    )
    assert made.returncode == 0, made.stderr
    assert not postgres_running(data_dir)  # stopped when the command ended
    read = psql(data_dir, "SELECT note FROM kept")
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "x"


def test_a_server_killed_outright_recovers_with_its_data(data_dir):
    holder = subprocess.Popen(  # keeps the server up while the test kills it
        [sys.executable, "-m", "bhp_portal.embedded_postgres", "run", "sleep", "60"],
        env={**os.environ, "EMBEDDED_POSTGRES_DIR": str(data_dir), "DATABASE_URL": ""},
        cwd=BASE_DIR,
    )
    try:
        deadline = time.monotonic() + 60
        while not postgres_running(data_dir):
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        made = psql(data_dir, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)")
        assert made.returncode == 0, made.stderr
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        os.kill(pid, signal.SIGKILL)  # a crash: its lock file stays behind
    finally:
        holder.kill()
        holder.wait()
    time.sleep(1)
    read = psql(data_dir, "SELECT n FROM kept")
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "7"


def test_a_stale_lock_naming_another_program_gets_one_clear_line(data_dir):
    assert psql(data_dir, "SELECT 1").returncode == 0  # made, then stopped
    # After a reboot the old server's pid may belong to another program.
    (data_dir / "postmaster.pid").write_text(f"{os.getpid()}\n{data_dir}\n")
    for args in (
        ["-m", "bhp_portal.embedded_postgres", "url"],
        ["manage.py", "showmigrations", "core"],
    ):
        result = embedded(data_dir, *args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1, message
        assert "postmaster.pid" in message and "not PostgreSQL" in message
    assert (data_dir / "PG_VERSION").exists()  # nothing removed
