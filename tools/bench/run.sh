#!/usr/bin/env bash
# npm run bench:<name>: install what is missing, build what the benchmark runs, then run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
NAME=${1:?usage: run.sh <benchmark>}
bash tools/stack/install.sh >&2
# What each benchmark runs: the browser benchmarks also need the web app behind the edge.
case "$NAME" in
  join) PROJECTS="identity meetings edge web" ;;
  sfu) PROJECTS="" ;; # LiveKit and rtc-node participants only, no Confer service
  chat) PROJECTS="identity meetings chat edge" ;;
  *) PROJECTS="identity meetings edge" ;;
esac
if [[ "$NAME" == join ]]; then bash tools/stack/install.sh --browser >&2; fi
if [[ -n "$PROJECTS" ]]; then npx nx run-many -t build -p $PROJECTS --output-style=static >&2; fi
exec npx tsx --tsconfig tsconfig.base.json "tools/bench/$NAME.ts"
