#!/usr/bin/env bash
# Installs whatever the local stack is missing, and nothing that is already there. Idempotent.
#   bash tools/stack/install.sh            # node modules, Postgres/Redis if absent, Go companions
#   bash tools/stack/install.sh --browser  # also Debian's chromium and ffmpeg (for browser tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
source tools/stack/versions.env
TOOLS_DIR=${CONFER_TOOLS_DIR:-$HOME/.cache/confer/bin}
WANT_BROWSER=0
for arg in "$@"; do [[ $arg == --browser ]] && WANT_BROWSER=1; done

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]} == 0)) && return 0
  if ! command -v apt-get >/dev/null; then
    say "please install: ${missing[*]} (no apt-get here)"; return 1
  fi
  if ((APT_UPDATED == 0)); then as_root apt-get update -qq; APT_UPDATED=1; fi
  say "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- Node modules -------------------------------------------------------------------------------
STAMP=node_modules/.confer-lock-hash
HASH=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $STAMP || $(cat "$STAMP") != "$HASH" ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$HASH" > "$STAMP"
fi

# --- Postgres and Redis -------------------------------------------------------------------------
# Use the ones that run here; on a fresh Debian machine install and start them.
if ! pg_isready -h 127.0.0.1 -p "${PGPORT:-5432}" -q 2>/dev/null; then
  apt_install postgresql postgresql-client
  if ! pg_isready -h 127.0.0.1 -p "${PGPORT:-5432}" -q; then
    say "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  fi
  if ! psql "postgres://postgres@127.0.0.1:${PGPORT:-5432}/postgres" -c 'select 1' >/dev/null 2>&1; then
    say "PostgreSQL must accept user postgres on 127.0.0.1 without a password (trust), or set CONFER_TEST_PG_URL and DATABASE_URL"
  fi
fi
command -v redis-server >/dev/null || apt_install redis-server
if ! redis-cli -h 127.0.0.1 -p "${REDIS_PORT:-6379}" ping >/dev/null 2>&1; then
  say "starting Redis on 127.0.0.1:${REDIS_PORT:-6379}"
  redis-server --daemonize yes --bind 127.0.0.1 --port "${REDIS_PORT:-6379}" --save "" --appendonly no >/dev/null
fi

# --- Go companions, one binary per pinned version -----------------------------------------------
command -v go >/dev/null || { say "Go is required to build LiveKit, versitygw and Mailpit"; exit 1; }
mkdir -p "$TOOLS_DIR"
go_tool() { # name module version built-binary-name
  local name=$1 module=$2 version=$3 built=$4 target="$TOOLS_DIR/$1-$3"
  [[ -x $target ]] && return 0
  say "go install $module@$version (once; cached afterwards)"
  local tmp; tmp=$(mktemp -d)
  GOBIN="$tmp" GOFLAGS=-trimpath go install "$module@$version"
  mv "$tmp/$built" "$target"
  rm -rf "$tmp"
}
go_tool livekit-server github.com/livekit/livekit-server/cmd/server "$LIVEKIT_VERSION" server
go_tool versitygw github.com/versity/versitygw/cmd/versitygw "$VERSITYGW_VERSION" versitygw
go_tool mailpit github.com/axllent/mailpit "$MAILPIT_VERSION" mailpit

# --- Browser and media tools for the browser journeys --------------------------------------------
if ((WANT_BROWSER)); then
  command -v chromium >/dev/null || apt_install chromium
  command -v ffmpeg >/dev/null || apt_install ffmpeg
fi
say "ready ($ROOT)"
