"""gunicorn's settings for the site, as the README and docs/deployment.md run it:

    .venv/bin/gunicorn -c python:bhp_portal.gunicorn_conf bhp_portal.wsgi

Each can be changed from the environment (GUNICORN_*) without editing this file.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# 2 x cores + 1; each sync worker takes about 100 MB (docs/performance.md).
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1))
# Image renditions, mail and search indexing run on the task queue's worker,
# so no request needs long; a stuck one is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On a deploy or restart, requests in flight get this long to finish.
graceful_timeout = 30
# Recycle each worker now and then, so slow leaks never build up. Evenly
# loaded workers (a flood of 429s counts too) reach the same count together:
# with a jitter of a tenth, all five restarted within a second and the site
# stalled for 7 s (make flood). A jitter as large as the limit spreads them.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests
# Behind a load balancer that reuses connections.
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
