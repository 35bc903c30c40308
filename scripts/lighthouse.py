"""`make lighthouse`: Lighthouse's four category scores for one page of every
page type, served as in production.

1. Prepares a database of its own (LIGHTHOUSE_DATABASE_URL, default
   bhp_lighthouse on the embedded PostgreSQL): migrations and the demo content, then
   collectstatic.
2. Starts gunicorn with debug off over HTTPS (a throwaway certificate), the
   app serving media, as tests/live_site.py does.
3. Runs npm's lighthouse (node_modules, `make install-node`) with Debian's
   Chromium (CHROME_PATH, default /usr/bin/chromium) on each page, with
   Lighthouse's default mobile emulation and simulated slow 4G.
   LIGHTHOUSE_PAGES (names from PAGES, comma-separated) measures only those.
4. Prints performance, accessibility, best practices and SEO per page and
   the worst page, writes var/lighthouse/<page>.json, and exits 1 if any
   score is under its target: LIGHTHOUSE_MIN (default 95) for performance,
   100 for the others. Each page is requested once before it is measured,
   so the page cache is warm as for any visitor but the first.
"""

import json
import os
import signal
import socket
import ssl
import subprocess  # nosec B404 (drives local manage.py, openssl, gunicorn and lighthouse)
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
# The embedded server stays up while this script runs: it holds a handle.
from bhp_portal import embedded_postgres  # noqa: E402

VAR = BASE_DIR / "var"
OUT = VAR / "lighthouse"
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
LIGHTHOUSE = str(BASE_DIR / "node_modules" / ".bin" / "lighthouse")
PERFORMANCE_MINIMUM = int(os.environ.get("LIGHTHOUSE_MIN", "95"))
# One page of each page type in the demo content (bhp_portal/core/demo.py and
# each app's demo.py). Not the search results: they ask search engines not to
# index them (noindex), which Lighthouse's SEO score counts against them.
PAGES = {
    "home": "/",
    "standard": "/about/",
    "contact": "/contact/",
    "research": "/research/",
    "theme": "/research/cancer/",
    "partners": "/partners/",
    "partner": "/partners/university-of-birmingham/",
    "hdr-uk": "/hdr-uk/",
    "hdr-uk-site": "/hdr-uk/midlands/",
    "news-index": "/news/",
    "article": "/news/faster-trials-for-blood-cancers/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = dict.fromkeys(CATEGORIES, 100) | {"performance": PERFORMANCE_MINIMUM}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not start on port {port}")


def site_env():
    # Each gunicorn worker keeps its own local-memory cache: no Redis needed.
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    return {
        **environment,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "lighthouse-only-secret-key",  # nosec B105 (local server only)
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "WAGTAILADMIN_BASE_URL": "http://localhost",
        "DATABASE_URL": os.environ.get("LIGHTHOUSE_DATABASE_URL")
        or embedded_postgres.url("bhp_lighthouse"),
        "CACHE_URL": "",
        "SERVE_MEDIA": "true",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # nosec B603


def certificate():
    cert, key = OUT / "cert.pem", OUT / "key.pem"
    subprocess.run(  # nosec B603 B607 (openssl from PATH makes a throwaway certificate)
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost"],
        check=True,
        capture_output=True,
    )
    return cert, key


def warm(url):
    """One request first, as any visit but the first after a publish finds
    the page cache and image renditions ready."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # our own throwaway certificate
    urllib.request.urlopen(url, context=context, timeout=60).read()  # noqa: S310 # nosec B310


def scores(url, name):
    report = OUT / f"{name}.json"
    warm(url)
    subprocess.run(  # nosec B603
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu "
            "--ignore-certificate-errors",
        ],
        env={
            **os.environ,
            "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        },
        check=True,
    )
    categories = json.loads(report.read_text())["categories"]
    return {key: round(categories[key]["score"] * 100) for key in CATEGORIES}


def main():
    if not Path(LIGHTHOUSE).exists():
        sys.exit("lighthouse is not installed: run `make install-node`")
    OUT.mkdir(parents=True, exist_ok=True)
    env = site_env()
    manage(env, "migrate", "--noinput", "--verbosity=0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "--verbosity=0")
    cert, key = certificate()
    port = free_port()
    server = subprocess.Popen(  # nosec B603
        [GUNICORN, "bhp_portal.wsgi:application", f"--bind=127.0.0.1:{port}"]
        + ["--workers=2", f"--certfile={cert}", f"--keyfile={key}"]
        + ["--log-level=warning"],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        wait_for(port)
        results = {
            name: scores(f"https://localhost:{port}{path}", name)
            for name, path in pages_to_measure().items()
        }
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    report(results)


def pages_to_measure():
    names = os.environ.get("LIGHTHOUSE_PAGES", "")
    chosen = [name.strip() for name in names.split(",") if name.strip()]
    unknown = set(chosen) - set(PAGES)
    if unknown:
        sys.exit(f"LIGHTHOUSE_PAGES: no page named {', '.join(sorted(unknown))}")
    return {name: PAGES[name] for name in chosen} if chosen else PAGES


def shortfall(row):
    """How far a page's scores fall under their targets, all told."""
    return sum(max(0, TARGETS[key] - score) for key, score in row.items())


def report(results):
    print(f"{'page':<12}" + "".join(f"{key:>16}" for key in CATEGORIES))
    for name, row in results.items():
        print(f"{name:<12}" + "".join(f"{row[key]:>16}" for key in CATEGORIES))
    worst = max(results, key=lambda name: (shortfall(results[name]), name))
    print(
        f"Worst page: {worst} ({PAGES[worst]}): "
        + ", ".join(f"{key} {results[worst][key]}" for key in CATEGORIES)
    )
    low = [
        f"{name} {key} {score}"
        for name, row in results.items()
        for key, score in row.items()
        if score < TARGETS[key]
    ]
    if low:
        sys.exit("Under target: " + ", ".join(low))


if __name__ == "__main__":
    main()
