#!/usr/bin/env bash
# npm start: install what is missing, build, and run the whole platform in the foreground.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
bash tools/stack/install.sh
echo "[start] building the services, the edge and the web app (cached after the first time)"
npx nx run-many -t build -p identity meetings chat recording analytics edge web --output-style=static
exec npx tsx --tsconfig tsconfig.base.json tools/stack/run.ts
