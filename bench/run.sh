#!/usr/bin/env bash
# Coffer benchmark: balances throughput against a no-op route, balance-history latency on a small
# and a huge account, and the server's RSS. Usage: bench/run.sh  (see docs/benchmarks.md)
# Needs a JDK 21+, Maven and wrk (Debian: apt-get install wrk). Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SMALL_ENTRIES=${SMALL_ENTRIES:-1000}
LARGE_ENTRIES=${LARGE_ENTRIES:-1000000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-5055}
HEAP=${HEAP:-512m}

command -v wrk >/dev/null || { echo "wrk is required (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
source bench/common.sh

RUN=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
DATA=$RUN/data
mkdir -p "$RUN"
BASE=http://127.0.0.1:$PORT
SERVER_PID=

start_server() {
  COFFER_DATA_DIR=$DATA COFFER_MASTER_KEY_FILE=$RUN/master.key COFFER_ACCESS_LOG=${ACCESS_LOG:-true} COFFER_HTTP_PORT=$PORT \
    java -Xmx$HEAP -XX:+ExitOnOutOfMemoryError -jar target/coffer.jar serve >> "$RUN/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.1; done
  echo "server did not start; see $RUN/server.log" >&2; exit 1
}
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi
}
trap stop_server EXIT
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
token() {
  curl -s -X POST "$BASE/auth/token" -H 'X-Ledger-Workspace: bench' -H 'Content-Type: application/json' \
    -d "{\"api_key_id\":\"$KEY_ID\",\"api_key_secret\":\"$KEY_SECRET\"}" | json "['access_token']"
}
# wrk_run <name> <connections> <duration> <path>: prints "rps p50 p99" and keeps the raw output.
wrk_run() {
  local name=$1 connections=$2 duration=$3 path=$4 auth=()
  if [ "$name" != noop ]; then auth=(-H "Authorization: Bearer $(token)" -H "X-Ledger-Workspace: bench"); fi
  wrk -t"$THREADS" -c"$connections" -d"$WARMUP" "${auth[@]}" "$BASE$path" > /dev/null
  wrk -t"$THREADS" -c"$connections" -d"$duration" --latency "${auth[@]}" "$BASE$path" > "$RUN/wrk-$name.txt"
  if grep -q "Non-2xx" "$RUN/wrk-$name.txt"; then echo "non-2xx answers in $name" >&2; exit 1; fi
  awk '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {print rps, p50, p99}' "$RUN/wrk-$name.txt"
}

echo "== setup: workspace and accounts"
start_server
CREATED=$(curl -s -X POST "$BASE/sandbox/workspaces" -H 'Content-Type: application/json' -d '{"name":"bench"}')
KEY_ID=$(echo "$CREATED" | json "['api_user']['api_key_id']")
KEY_SECRET=$(echo "$CREATED" | json "['api_user']['api_key_secret']")
( umask 077; printf 'KEY_ID=%s\nKEY_SECRET=%s\n' "$KEY_ID" "$KEY_SECRET" > "$RUN/credentials.env" )
AUTH=(-H "Authorization: Bearer $(token)" -H "X-Ledger-Workspace: bench" -H 'Content-Type: application/json')
SMALL=$(curl -s -X POST "$BASE/sandbox/accounts" "${AUTH[@]}" -d '{"name":"small","currency":"ethereum"}' | json "['id']")
LARGE=$(curl -s -X POST "$BASE/sandbox/accounts" "${AUTH[@]}" -d '{"name":"large","currency":"ethereum"}' | json "['id']")
stop_server

echo "== seeding ledger history (one year)"
java -cp target/coffer.jar bench/SeedHistory.java "$DATA" "$SMALL" "$SMALL_ENTRIES" 365 | tee "$RUN/seed.txt"
java -cp target/coffer.jar bench/SeedHistory.java "$DATA" "$LARGE" "$LARGE_ENTRIES" 365 | tee -a "$RUN/seed.txt"

echo "== measuring"
start_server
RSS_IDLE=$(rss_kb)
( peak=0; while kill -0 "$SERVER_PID" 2>/dev/null; do r=$(rss_kb || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" > "$RUN/rss-peak"; sleep 0.5; done ) &
SAMPLER=$!
# The no-op route and the balances route alternate, so drift on the machine hits both alike.
: > "$RUN/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "noop $(wrk_run noop "$CONNECTIONS" "$DURATION" /health)" >> "$RUN/rounds.txt"
  echo "balances $(wrk_run balances "$CONNECTIONS" "$DURATION" "/accounts/$SMALL/balances")" >> "$RUN/rounds.txt"
done
median() { grep "^$1 " "$RUN/rounds.txt" | sort -k2 -g | awk '{row[NR]=$2" "$3" "$4} END {print row[int((NR+1)/2)]}'; }
NOOP=$(median noop)
BALANCES=$(median balances)
RSS_LOAD=$(cat "$RUN/rss-peak")
FROM=$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ); TO=$(date -u +%Y-%m-%dT%H:%M:%SZ)
HISTORY_SMALL=$(wrk_run history-small 4 "$DURATION" "/accounts/$SMALL/balances/history?start=$FROM&end=$TO")
HISTORY_LARGE=$(wrk_run history-large 4 "$DURATION" "/accounts/$LARGE/balances/history?start=$FROM&end=$TO")
kill "$SAMPLER" 2>/dev/null || true

read -r NOOP_RPS NOOP_P50 NOOP_P99 <<< "$NOOP"
read -r BAL_RPS BAL_P50 BAL_P99 <<< "$BALANCES"
read -r HS_RPS HS_P50 HS_P99 <<< "$HISTORY_SMALL"
read -r HL_RPS HL_P50 HL_P99 <<< "$HISTORY_LARGE"
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else printf "%.3f", v*1000 }'; }
{
  echo "# Coffer benchmark $(basename "$RUN")"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(java -version 2>&1 | head -1)"
  echo "- command: bench/run.sh (DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS THREADS=$THREADS HEAP=$HEAP ACCESS_LOG=${ACCESS_LOG:-true})"
  echo "- storage: embedded H2 (default); $(tr '\n' ';' < "$RUN/seed.txt")"
  echo
  echo "| measurement | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
  echo "| no-op route GET /health (median of $ROUNDS) | $NOOP_RPS | $(ms "$NOOP_P50") | $(ms "$NOOP_P99") |"
  echo "| authenticated GET /accounts/{id}/balances (median of $ROUNDS) | $BAL_RPS | $(ms "$BAL_P50") | $(ms "$BAL_P99") |"
  echo "| balances history, 1 year, $SMALL_ENTRIES-entry account (4 conns) | $HS_RPS | $(ms "$HS_P50") | $(ms "$HS_P99") |"
  echo "| balances history, 1 year, $LARGE_ENTRIES-entry account (4 conns) | $HL_RPS | $(ms "$HL_P50") | $(ms "$HL_P99") |"
  echo
  awk -v b="$BAL_RPS" -v n="$NOOP_RPS" 'BEGIN { printf "- balances / no-op throughput: **%.2f** (target >= 0.70)\n", b/n }'
  awk -v l="$(ms "$HL_P50")" -v s="$(ms "$HS_P50")" 'BEGIN { printf "- history p50, large / small account: **%.2f** (target <= 2)\n", l/s }'
  echo "- RSS: $((RSS_IDLE/1024)) MiB idle, $((RSS_LOAD/1024)) MiB peak under load (-Xmx$HEAP)"
  echo "- every round (requests/s, p50, p99): $(tr '\n' ';' < "$RUN/rounds.txt")"
} | tee "$RUN/summary.md"
