#!/usr/bin/env bash
# Restore a folder written by backup.sh into DATABASE_URL and MEDIA_ROOT.
# Usage: make restore BACKUP=<folder>, or DATABASE_URL=postgres://... scripts/restore.sh <folder>
# The database must exist; tables already in it are replaced.
set -euo pipefail

backup="${1:?usage: scripts/restore.sh <backup folder>}"
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"
media="${MEDIA_ROOT:-var/media}"

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname "$DATABASE_URL" "$backup/database.dump"
if [ -f "$backup/media.tar.gz" ]; then
  mkdir -p "$media"
  tar -C "$media" -xzf "$backup/media.tar.gz"
fi
echo "Restored $backup"
