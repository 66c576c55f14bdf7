#!/usr/bin/env bash
# npm test: installs what is missing, then runs every check: lint (with the module-boundary rules),
# unit tests, builds, integration tests against the real local stack, and the browser journeys.
# Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export CONFER_TEST_SUMMARY="$PWD/tmp/test-summary.jsonl"
mkdir -p tmp && rm -f "$CONFER_TEST_SUMMARY"

summary() {
  local code=$?
  node -e '
    const fs = require("fs"); const f = process.env.CONFER_TEST_SUMMARY;
    const rows = fs.existsSync(f) ? fs.readFileSync(f, "utf8").trim().split("\n").filter(Boolean).map(JSON.parse) : [];
    const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
    const failed = sum("failed") + (process.argv[1] !== "0" && sum("failed") === 0 ? 1 : 0);
    console.log(`\n${sum("passed")} passed, ${failed} failed` + (sum("skipped") ? `, ${sum("skipped")} skipped` : ""));
  ' "$code"
  exit "$code"
}
trap summary EXIT

step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

step "installing what is missing"
bash tools/stack/install.sh --browser

step "lint (module boundaries included)"
npx nx run-many -t lint --output-style=static

step "docker/ lint (Dockerfile and compose, no engine needed)"
bash tools/docker-lint.sh

step "unit tests"
npx nx run-many -t test --skip-nx-cache --output-style=static

step "build"
npx nx run-many -t build --output-style=static

step "infra: synthesise every AWS stage offline (CDK, cdk-nag)"
npx nx run infra:synth --output-style=static

step "integration tests (real Postgres, Redis, LiveKit, S3, SMTP)"
npx nx run-many -t int-test --parallel=1 --output-style=static

step "browser journeys (Debian chromium)"
npx nx run-many -t e2e --parallel=1 --output-style=static
