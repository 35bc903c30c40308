#!/usr/bin/env bash
# Back up the database and the uploaded media into one timestamped folder.
# Usage: make backup, or DATABASE_URL=postgres://... [MEDIA_ROOT=var/media] scripts/backup.sh [folder]
# Prints the folder it wrote (default under var/backups/).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
media="${MEDIA_ROOT:-var/media}"
dest="${1:-var/backups}/$(date -u +%Y%m%dT%H%M%SZ)"

mkdir -p "$dest"
# Custom format: compressed, and pg_restore can restore it selectively.
pg_dump --format=custom --no-owner --no-privileges --file "$dest/database.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$dest/media.tar.gz" .
fi
echo "$dest"
