#!/usr/bin/env bash
# Prints the Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's
# /usr/bin/chromium, installed with apt-get when run as root. Without one the
# browser tests skip, except under CI=true, where this fails the build.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$path" && -z "${CHROMIUM_PATH:-}" && "$(id -u)" == 0 ]]; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  { apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; } >&2
fi
if [[ -x "$path" ]]; then
  echo "$path"
elif [[ "${CI:-}" == true ]]; then
  echo "No browser at $path: CI must run the browser tests (set CHROMIUM_PATH)." >&2
  exit 1
else
  echo "No browser at $path: the browser tests will skip (set CHROMIUM_PATH)." >&2
fi
