#!/usr/bin/env bash
# npm run bench:<name>: install what is missing, build what the benchmark runs, then run it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
NAME=${1:?usage: run.sh <benchmark>}
bash tools/stack/install.sh >&2
npx nx run-many -t build -p identity meetings edge --output-style=static >&2
exec npx tsx --tsconfig tsconfig.base.json "tools/bench/$NAME.ts"
