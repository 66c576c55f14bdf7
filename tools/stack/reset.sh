#!/usr/bin/env bash
# npm run stack:reset: stop Confer and delete its local data (.confer/) and database.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/stack/stop.sh
rm -rf "${CONFER_DATA_DIR:-.confer}"
DB_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/confer}
DB_NAME=${DB_URL##*/}
psql "${DB_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" && echo "Dropped database $DB_NAME and .confer/."
