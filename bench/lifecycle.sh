#!/usr/bin/env bash
# Governed-send benchmark: raw JDBC commits (the storage's ceiling), first approvals with ES256
# signature verification, and full lifecycles (create, two signed approvals, confirm), in one run.
# Usage: bench/lifecycle.sh  (see docs/benchmarks.md). Needs a JDK 21+ and Maven. Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS=${WORKERS:-8}
SECONDS_MEASURED=${SECONDS_MEASURED:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
APPROVALS=${APPROVALS:-800}
APPROVALS_WARMUP=${APPROVALS_WARMUP:-200}
PORT=${PORT:-5056}
HEAP=${HEAP:-512m}

source bench/common.sh

RUN=bench/results/lifecycle-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
BASE=http://127.0.0.1:$PORT
COFFER_DATA_DIR=$RUN/data COFFER_MASTER_KEY_FILE=$RUN/master.key COFFER_ACCESS_LOG=${ACCESS_LOG:-true} COFFER_HTTP_PORT=$PORT \
  java -Xmx$HEAP -XX:+ExitOnOutOfMemoryError ${SERVER_JAVA_OPTS:-} -jar target/coffer.jar serve >> "$RUN/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
curl -sf "$BASE/health" >/dev/null || { echo "server did not start; see $RUN/server.log" >&2; exit 1; }

{
  echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# workers=$WORKERS seconds=$SECONDS_MEASURED warmup=$WARMUP_SECONDS approvals=$APPROVALS+$APPROVALS_WARMUP"
  java -Xmx512m -Dbench.approvals="$APPROVALS" -Dbench.approvals.warmup="$APPROVALS_WARMUP" -cp target/coffer.jar \
    bench/Lifecycles.java "$BASE" "$RUN/jdbc" "$WORKERS" "$SECONDS_MEASURED" "$WARMUP_SECONDS"
} | tee "$RUN/lifecycle.txt"

awk '/^jdbc_commits_per_s/ {j=$2} /^approvals_per_s/ {a=$2} /^lifecycles_per_s/ {l=$2}
     END {printf "approvals / jdbc commits: %.3f\nlifecycles / jdbc commits: %.4f\n", a/j, l/j}' "$RUN/lifecycle.txt" \
  | tee -a "$RUN/lifecycle.txt"
