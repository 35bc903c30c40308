"""`make flood`: one client floods search while a second one keeps browsing.

Measures the claim of docs/security.md ("Floods"): with the site flooded by
one client at 64 connections on search, a second client's cached home page
keeps p50 under 50 ms and /healthz answers in under a second; the flood gets
429s, not timeouts. A benchmark, not a timed test: it prints PASS or MISS
next to each target and fails only when the run itself fails.

1. The database, media and environment of `make bench` (scripts/bench.py:
   demo content plus BENCH_ARTICLES articles, production settings, Redis
   when reachable), but with the production rate limit (RATE_LIMIT_* unset,
   so settings.py's defaults apply) and a cache key prefix of its own.
2. gunicorn with bhp_portal/gunicorn_conf.py (its worker count, timeout,
   max_requests), started and awaited by bench.py's helper; its access log
   goes to var/flood-access.log and its standard error (Django's log, one
   "Too Many Requests" warning per 429, as in production) to
   var/flood-server.log instead of the terminal.
3. Warm-up: the home page until the page cache answers it (HIT), /healthz,
   a few searches.
4. Quiet: the second client alone for FLOOD_QUIET_SECONDS (10): a thread
   each for / and /healthz, one request every 100 ms, a new connection each
   time (sync workers close it anyway).
5. Flooded: wrk (scripts/flood.lua) with FLOOD_CONNECTIONS (64) for
   FLOOD_SECONDS (30) on /search/?q=<two of forty terms>, counting 200, 429
   and other answers, timeouts and socket errors; the second client runs
   throughout. Both clients are 127.0.0.1: pages and probes are never rate
   limited, so they share the address harmlessly.
6. Prints the figures with flooded / quiet ratios (this machine is small and
   shared, so absolute timings are noisy) and writes var/flood.json.
"""

import contextlib
import json
import math
import os
import shutil
import subprocess  # nosec B404 (the flood drives local wrk)
import sys
import threading
import time
from collections import Counter
from pathlib import Path

# scripts/bench.py: the environment, the database, gunicorn. Importing it puts
# the project on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

from bhp_portal import gunicorn_conf  # noqa: E402

PORT = int(os.environ.get("FLOOD_PORT", "8073"))
CONNECTIONS = int(os.environ.get("FLOOD_CONNECTIONS", "64"))
SECONDS = int(os.environ.get("FLOOD_SECONDS", "30"))
QUIET_SECONDS = int(os.environ.get("FLOOD_QUIET_SECONDS", "10"))
WRK_THREADS = 2
WRK_TIMEOUT_SECONDS = 5
INTERVAL_SECONDS = 0.1
LUA_SCRIPT = Path(__file__).resolve().parent / "flood.lua"
ACCESS_LOG = bench.VAR / "flood-access.log"
SERVER_LOG = bench.VAR / "flood-server.log"
PATHS = ("/", "/healthz")
WARM_SEARCHES = 10  # under the limit; the quiet phase outlasts their window

# The claim's targets.
HOME_P50_MS = 50
HEALTHZ_MAX_MS = 1000

SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "rate_limit_requests": settings.RATE_LIMIT_REQUESTS,
    "rate_limit_window_seconds": settings.RATE_LIMIT_WINDOW_SECONDS,
    "cache_backend": settings.CACHES["default"]["BACKEND"],
    "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
}))
"""


def main():
    if shutil.which("wrk") is None:
        bench.install_wrk()
    # bench.py's helpers read these module settings when they run.
    bench.PORT = PORT
    bench.WORKERS = gunicorn_conf.workers
    env = flood_environment()
    bench.prepare_database(env, articles=bench.ARTICLES)
    django = json.loads(
        bench.manage(env, "shell", "-c", SETTINGS, capture=True).splitlines()[-1]
    )
    results = {"settings": settings_summary(env, django)}
    ACCESS_LOG.unlink(missing_ok=True)
    with server_log(), bench.gunicorn(env) as server:
        results["warm_up"] = warm_up()
        _, results["quiet"] = second_client(lambda: time.sleep(QUIET_SECONDS))
        results["flood"], results["flooded"] = second_client(run_wrk)
        results["worker_rss_mb"] = bench.worker_rss_mb(server.pid)
    results["server_log"] = log_lines()
    results["settings"]["load_average_after"] = os.getloadavg()
    results["ratios"] = ratios(results["quiet"], results["flooded"])
    results["targets"] = check_targets(results)
    report(results)
    (bench.VAR / "flood.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {bench.VAR / 'flood.json'}")


def flood_environment():
    env = bench.bench_environment()
    # The production limit, as settings.py sets it, not the bench's 0.
    env.pop("RATE_LIMIT_REQUESTS", None)
    env.pop("RATE_LIMIT_WINDOW_SECONDS", None)
    env["CACHE_KEY_PREFIX"] = "flood"
    # The production gunicorn settings; bench.gunicorn's own arguments (bind,
    # workers, sync worker class) come after them and win.
    env["GUNICORN_CMD_ARGS"] = "--config python:bhp_portal.gunicorn_conf"
    env["GUNICORN_ACCESS_LOG"] = str(ACCESS_LOG)
    return env


@contextlib.contextmanager
def server_log():
    """gunicorn, started meanwhile, writes its standard error to SERVER_LOG."""
    sys.stderr.flush()
    saved = os.dup(2)
    with SERVER_LOG.open("w") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        except SystemExit as stopped:
            raise SystemExit(f"{stopped.code} (server log: {SERVER_LOG})") from None
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def log_lines():
    text = SERVER_LOG.read_text(errors="replace")
    return {
        "server_log_lines": text.count("\n"),
        "too_many_requests_warnings": text.count("Too Many Requests:"),
        "access_log_lines": ACCESS_LOG.read_text(errors="replace").count("\n"),
    }


def settings_summary(env, django):
    shared = "CACHE_URL" in env
    return {
        "cache": (
            f"redis ({env['CACHE_URL']}): rate-limit counts shared by all workers"
            if shared
            else "local memory: each worker counts for itself, so the limit "
            "is per worker"
        ),
        **django,
        "gunicorn_workers": bench.WORKERS,
        "gunicorn_config": "bhp_portal/gunicorn_conf.py (sync workers)",
        "gunicorn_max_requests": gunicorn_conf.max_requests,
        "articles": bench.ARTICLES,
        "connections": CONNECTIONS,
        "flood_seconds": SECONDS,
        "quiet_seconds": QUIET_SECONDS,
        "wrk_threads": WRK_THREADS,
        "wrk_timeout_seconds": WRK_TIMEOUT_SECONDS,
        "second_client_interval_ms": INTERVAL_SECONDS * 1000,
        "cpus": os.cpu_count(),
        "load_average_before": os.getloadavg(),
    }


def warm_up():
    """Every worker has answered pages and searches, and the home page is in
    the page cache; stops the run if a page does not answer 200."""
    for _ in range(4 * bench.WORKERS):
        for path in PATHS:
            if (code := bench.status(path)) != 200:
                sys.exit(f"{path} answers {code} before the flood")
    searches = Counter(
        bench.status(f"/search/?q=warm+{n}") for n in range(WARM_SEARCHES)
    )
    if set(searches) != {200}:
        sys.exit(f"search answers {dict(searches)} before the flood")
    home_cache = bench.fetch("/")[1]
    if home_cache != "HIT":
        print(f"Warning: the page cache does not answer the home page ({home_cache})")
    return {"home_x_cache": home_cache, "searches": WARM_SEARCHES}


def second_client(run):
    """Calls run() while a thread per path requests it every INTERVAL_SECONDS;
    returns run()'s result and each path's figures."""
    stop = threading.Event()
    samples = {path: [] for path in PATHS}
    threads = [
        threading.Thread(target=poll, args=(path, stop, samples[path]))
        for path in PATHS
    ]
    for thread in threads:
        thread.start()
    try:
        outcome = run()
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return outcome, {path: summarise(found) for path, found in samples.items()}


def poll(path, stop, samples):
    while not stop.is_set():
        started = time.perf_counter()
        code, x_cache = bench.fetch(path)
        seconds = time.perf_counter() - started
        samples.append((code, seconds * 1000, x_cache))
        stop.wait(max(0.0, INTERVAL_SECONDS - seconds))


def summarise(samples):
    latencies = sorted(ms for _, ms, _ in samples)
    return {
        "requests": len(samples),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "max_ms": round(latencies[-1], 1) if latencies else None,
        "non_200": sum(code != 200 for code, _, _ in samples),
        "statuses": {str(k): n for k, n in Counter(c for c, _, _ in samples).items()},
        "x_cache": {str(k): n for k, n in Counter(x for _, _, x in samples).items()},
    }


def percentile(ordered, p):
    """Nearest rank."""
    if not ordered:
        return None
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 1)


def run_wrk():
    completed = subprocess.run(  # nosec B603 B607 (fixed argv: wrk on loopback)
        [
            "wrk",
            f"-t{WRK_THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            f"{WRK_TIMEOUT_SECONDS}s",
            "-s",
            str(LUA_SCRIPT),
            f"http://127.0.0.1:{PORT}/search/",
        ],
        text=True,
        capture_output=True,
        check=False,
    )
    lines = [
        line for line in completed.stdout.splitlines() if line.startswith("FLOOD ")
    ]
    if completed.returncode or not lines:
        output = (completed.stderr or completed.stdout).strip()
        sys.exit(f"wrk failed (exit {completed.returncode}): {output}")
    figures = json.loads(lines[-1].removeprefix("FLOOD "))
    figures["rps"] = round(figures["requests"] / figures["seconds"], 1)
    return figures


def ratios(quiet, flooded):
    """Flooded / quiet for each path's p50, p95 and max."""
    return {
        path: {
            key: round(flooded[path][key] / quiet[path][key], 2)
            if flooded[path][key] and quiet[path][key]
            else None
            for key in ("p50_ms", "p95_ms", "max_ms")
        }
        for path in PATHS
    }


def check_targets(results):
    home, healthz = results["flooded"]["/"], results["flooded"]["/healthz"]
    flood = results["flood"]
    limited, timeouts = flood["status"]["429"], flood["errors"]["timeout"]
    return [
        {
            "target": f"home page p50 < {HOME_P50_MS} ms during the flood",
            "measured": f"{home['p50_ms']} ms",
            "met": home["p50_ms"] is not None and home["p50_ms"] < HOME_P50_MS,
        },
        {
            "target": f"/healthz max < {HEALTHZ_MAX_MS} ms during the flood",
            "measured": f"{healthz['max_ms']} ms",
            "met": healthz["max_ms"] is not None and healthz["max_ms"] < HEALTHZ_MAX_MS,
        },
        {
            "target": "the flood gets 429s and no timeouts",
            "measured": f"{limited} x 429, {timeouts} timeouts",
            "met": limited > 0 and timeouts == 0,
        },
    ]


def report(results):
    s, flood = results["settings"], results["flood"]
    print(
        f"\nFlood: {s['connections']} connections for {s['flood_seconds']} s on "
        f"/search/?q=<varying terms> (wrk, {s['wrk_threads']} threads, "
        f"{s['wrk_timeout_seconds']} s timeout)"
    )
    print(
        f"gunicorn: {s['gunicorn_workers']} workers, {s['gunicorn_config']}, "
        f"max_requests {s['gunicorn_max_requests']}; "
        f"DEBUG {s['debug']}; rate limit {s['rate_limit_requests']} per "
        f"{s['rate_limit_window_seconds']} s per client"
    )
    print(f"Cache: {s['cache']} [{s['cache_backend']}]")
    print(
        f"{s['cpus']} CPUs; load average before {s['load_average_before']}, "
        f"after {s['load_average_after']}"
    )
    status, errors, latency = flood["status"], flood["errors"], flood["latency_ms"]
    print(
        f"\nFlood (wrk): {flood['requests']} requests, {flood['rps']} req/s; "
        + ", ".join(f"{code}: {n}" for code, n in status.items())
    )
    print(
        f"  timeouts {errors['timeout']}, socket errors connect {errors['connect']} "
        f"read {errors['read']} write {errors['write']}"
    )
    print(
        "  latency ms: "
        + ", ".join(f"{key} {latency[key]:.1f}" for key in ("p50", "p90", "p99", "max"))
    )
    print(
        f"\nSecond client (every {INTERVAL_SECONDS * 1000:.0f} ms, a new connection "
        f"each), quiet for {s['quiet_seconds']} s, then during the flood:"
    )
    print(
        f"{'':9} {'phase':8} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'max ms':>8} {'non-200':>8}"
    )
    for path in PATHS:
        for phase in ("quiet", "flooded"):
            f = results[phase][path]
            print(
                f"{path:9} {phase:8} {f['requests']:8d} {f['p50_ms']:8.1f} "
                f"{f['p95_ms']:8.1f} {f['max_ms']:8.1f} {f['non_200']:8d}"
            )
        r = results["ratios"][path]
        print(
            f"{path:9} {'ratio':8} {'':8} {r['p50_ms'] or 0:7.2f}x "
            f"{r['p95_ms'] or 0:7.2f}x {r['max_ms'] or 0:7.2f}x"
        )
    print(f"Home page X-Cache during the flood: {results['flooded']['/']['x_cache']}")
    print(f"Worker RSS after the flood (MB): {results['worker_rss_mb']}")
    logs = results["server_log"]
    print(
        f"Server log: {logs['server_log_lines']} lines, "
        f"{logs['too_many_requests_warnings']} of them 'Too Many Requests' "
        f"warnings ({SERVER_LOG.name}); access log {logs['access_log_lines']} lines"
    )
    print("\nTargets (a benchmark: MISS does not fail the run):")
    for t in results["targets"]:
        print(f"  {'PASS' if t['met'] else 'MISS'} {t['target']}: {t['measured']}")


if __name__ == "__main__":
    main()
