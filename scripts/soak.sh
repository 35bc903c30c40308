#!/usr/bin/env bash
# Bounded load test: CONNECTIONS (64) concurrent connections for DURATION (60s)
# against gunicorn with production settings on DATABASE_URL (PostgreSQL).
# Reports every error wrk saw and each worker's resident memory at the start,
# every 15 s and at the end. Not part of CI; docs/security.md has results.
# Usage: make soak (the embedded database), or DATABASE_URL=postgres://... scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?DATABASE_URL must name a PostgreSQL database with the demo content}"
VENV="${VENV:-.venv}"
PORT="${SOAK_PORT:-8099}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-60}"
WORKERS="${WORKERS:-2}"
THREADS="${THREADS:-8}"
export SOAK_PATHS="${SOAK_PATHS:-/ /about/ /about/governance/ /contact/ /privacy/ /healthz}"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q wrk >/dev/null
  else
    echo "wrk is not installed (apt-get install wrk)" >&2
    exit 1
  fi
fi

export DJANGO_DEBUG=false
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-soak-test-only-$(head -c 24 /dev/urandom | base64)}"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
export LOG_LEVEL=WARNING

"$VENV/bin/python" manage.py collectstatic --noinput --verbosity 0
"$VENV/bin/gunicorn" bhp_portal.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers "$WORKERS" --worker-class gthread --threads "$THREADS" \
  --log-level warning --pid var/soak-gunicorn.pid &
master=$!
trap 'kill "$master" 2>/dev/null; wait "$master" 2>/dev/null || true' EXIT

for _ in $(seq 50); do
  curl -sf -o /dev/null -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.2
done
for path in $SOAK_PATHS; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT$path")
  [ "$status" = 200 ] || { echo "$path answers $status before the load; fix SOAK_PATHS" >&2; exit 1; }
done

rss() {
  local total=0 line=""
  for pid in $(pgrep -P "$master"); do
    kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    line+="$pid:$((kb / 1024))MB "
    total=$((total + kb))
  done
  echo "$1 workers RSS: ${line}total $((total / 1024))MB"
}

# Warm up (imports, templates, connections) so growth is measured from a steady start.
wrk -t2 -c8 -d10s -s scripts/soak.lua "http://127.0.0.1:$PORT" >/dev/null
rss "start   "
(for i in $(seq 15 15 $((DURATION - 1))); do sleep 15; rss "$(printf '%4ss    ' "$i")"; done) &
sampler=$!
wrk -t4 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency \
  -s scripts/soak.lua "http://127.0.0.1:$PORT" | tee var/soak-wrk.txt
wait "$sampler" || true
rss "end     "
summary=$(grep '^SOAK' var/soak-wrk.txt)
errors=0
for field in status connect read write timeout; do
  n=$(echo "$summary" | sed -E "s/.*errors_$field=([0-9]+).*/\1/")
  errors=$((errors + n))
done
echo "errors: $errors"
[ "$errors" = 0 ]
