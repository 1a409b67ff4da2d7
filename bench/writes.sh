#!/usr/bin/env bash
# Coffer benchmark: the write path on the embedded default (H2). In one run of one server: GET /health
# (the baseline), sandbox deposits spread over ACCOUNTS accounts and deposits to one hot account, each
# with requests/s and p50/p99 latency from wrk. Usage: bench/writes.sh  (see docs/benchmarks.md).
# Needs a JDK 21+, Maven, wrk, python3. Issue 10's targets: >= 5,000 deposits/s spread, >= 1,000/s hot.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ACCOUNTS=${ACCOUNTS:-64}
PORT=${PORT:-5058}

command -v wrk >/dev/null || { echo "wrk is required (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
source bench/common.sh

RUN=bench/results/writes-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
BASE=http://127.0.0.1:$PORT
SERVER_PID=
stop_server() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
  return 0
}
trap stop_server EXIT

COFFER_DATA_DIR=$RUN/data COFFER_MASTER_KEY_FILE=$RUN/master.key COFFER_HTTP_PORT=$PORT \
  java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar target/coffer.jar serve >> "$RUN/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
bench_login "$BASE"
ids=()
for i in $(seq 1 "$ACCOUNTS"); do
  ids+=("$(curl -s -X POST "$BASE/sandbox/accounts" "${AUTH[@]}" -d "{\"name\":\"a$i\",\"currency\":\"ethereum\"}" | json "['id']")")
done

deposit_script "$RUN/spread.lua" "${ids[@]}"
deposit_script "$RUN/hot.lua" "${ids[0]}"

run() {
  local name=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$RUN/wrk-$name.txt"
  if grep -q "Non-2xx" "$RUN/wrk-$name.txt"; then echo "non-2xx answers ($name)" >&2; exit 1; fi
}
run health "$BASE/health"
run spread -s "$RUN/spread.lua" "$BASE"
run hot -s "$RUN/hot.lua" "$BASE"
# The hot account's balance after the run (1 wei a deposit), printed beside the rates.
HOT_BALANCE=$(curl -s "$BASE/accounts/${ids[0]}/balances" "${AUTH[@]}" | json "['total']")
stop_server

rps() { awk '/Requests\/sec/ {print $2}' "$RUN/wrk-$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$RUN/wrk-$1.txt"; }
H=$(rps health); S=$(rps spread); T=$(rps hot)
{
  echo "# Coffer writes benchmark $(basename "$RUN")"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(java -version 2>&1 | head -1)"
  echo "- command: bench/writes.sh (DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS ACCOUNTS=$ACCOUNTS); H2 embedded, one server"
  echo
  echo "| measurement | requests/s | / health | p50 | p99 |"
  echo "|---|---|---|---|---|"
  echo "| GET /health | $H | 1.000 | $(pct health 50%) | $(pct health 99%) |"
  awk -v a="$S" -v b="$H" -v n="$ACCOUNTS" -v p="$(pct spread 50%)" -v q="$(pct spread 99%)" \
    'BEGIN { printf "| deposits over %d accounts | %s | %.3f | %s | %s |\n", n, a, a/b, p, q }'
  awk -v a="$T" -v b="$H" -v p="$(pct hot 50%)" -v q="$(pct hot 99%)" \
    'BEGIN { printf "| deposits to one account | %s | %.3f | %s | %s |\n", a, a/b, p, q }'
  echo
  echo "- the hot account's balance after the run: $HOT_BALANCE wei (every acknowledged 1-wei deposit, warm-up included)"
} | tee "$RUN/summary.md"
