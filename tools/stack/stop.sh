#!/usr/bin/env bash
# npm stop: stops a platform started by npm start, and everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
PID_FILE=${CONFER_DATA_DIR:-.confer}/stack.pid
if [[ ! -f $PID_FILE ]]; then echo "Confer is not running."; exit 0; fi
PID=$(cat "$PID_FILE")
if ! kill -0 "$PID" 2>/dev/null; then rm -f "$PID_FILE"; echo "Confer is not running."; exit 0; fi
kill -TERM "$PID"
for _ in $(seq 1 150); do kill -0 "$PID" 2>/dev/null || { echo "Confer stopped."; exit 0; }; sleep 0.2; done
echo "Confer (pid $PID) did not stop within 30 s" >&2; exit 1
