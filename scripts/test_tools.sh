#!/usr/bin/env bash
# What the whole test suite needs beyond Python: Chromium (browser tests),
# Java (the Nu HTML Checker) and Node.js with npm (the checkers' packages).
# Installs what is missing with apt-get when run as root; otherwise stops at
# once with the one command that installs it.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[[ -x "$browser" ]] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "make test: installing ${missing[*]} with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -q "${missing[@]}" \
    || { apt-get update -q && apt-get install -y -q "${missing[@]}"; }; } >/dev/null
  exit 0
fi
echo "make test needs ${missing[*]}. Install them with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
