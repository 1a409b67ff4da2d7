#!/usr/bin/env bash
# Coffer benchmark: what the event outbox costs on deposit throughput (COFFER_EVENTS on and off, in
# the same run, against GET /health of the same server), and how fast webhooks drain to a local
# receiver. Usage: bench/events.sh  (see docs/benchmarks.md). Needs a JDK 21+, Maven, wrk, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ACCOUNTS=${ACCOUNTS:-64}
PORT=${PORT:-5056}
RECEIVER_PORT=${RECEIVER_PORT:-5057}

command -v wrk >/dev/null || { echo "wrk is required (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
source bench/common.sh

RUN=bench/results/events-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
BASE=http://127.0.0.1:$PORT
SERVER_PID=
RECEIVER_PID=
stop_all() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
  [ -n "$RECEIVER_PID" ] && { kill "$RECEIVER_PID" 2>/dev/null || true; wait "$RECEIVER_PID" 2>/dev/null || true; RECEIVER_PID=; }
  return 0
}
trap stop_all EXIT

# start <events on|off>: a fresh server, a workspace and ACCOUNTS accounts; sets AUTH and the Lua script.
start() {
  local events=$1 data=$RUN/data-$1
  COFFER_DATA_DIR=$data COFFER_MASTER_KEY_FILE=$RUN/master-$1.key COFFER_HTTP_PORT=$PORT COFFER_EVENTS=$events \
    COFFER_WEBHOOK_ALLOW_PRIVATE=true java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar target/coffer.jar serve >> "$RUN/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
  bench_login "$BASE"
  local ids=()
  for i in $(seq 1 "$ACCOUNTS"); do
    ids+=("$(curl -s -X POST "$BASE/sandbox/accounts" "${AUTH[@]}" -d "{\"name\":\"a$i\",\"currency\":\"ethereum\"}" | json "['id']")")
  done
  deposit_script "$RUN/deposit.lua" "${ids[@]}"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
measure() {
  local name=$1
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/health" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/health" > "$RUN/wrk-health-$name.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$RUN/deposit.lua" "$BASE" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$RUN/deposit.lua" "$BASE" > "$RUN/wrk-deposits-$name.txt"
  if grep -q "Non-2xx" "$RUN/wrk-deposits-$name.txt"; then echo "non-2xx deposits ($name)" >&2; exit 1; fi
}

echo "== outbox off"
start false
measure off
stop_all
echo "== outbox on, one admin subscribed to a local receiver"
python3 bench/receiver.py "$RECEIVER_PORT" & RECEIVER_PID=$!
start true
curl -sf -X PUT "$BASE/notifications/configuration" "${AUTH[@]}" \
  -d "{\"all\":{\"webhook\":{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"secret\":\"bench-secret\"}}}" > /dev/null
SUBSCRIBED=$(curl -s "$BASE/events?limit=1" "${AUTH[@]}" | json "['last_seq']")
measure on
# The drain: once deposits stop, how fast the deliveries still waiting reach the receiver.
# Only the events after the subscription are posted (the accounts were created before it).
EVENTS=$(( $(curl -s "$BASE/events?limit=1" "${AUTH[@]}" | json "['last_seq']") - SUBSCRIBED ))
T0=$(date +%s.%N); D0=$(curl -s "http://127.0.0.1:$RECEIVER_PORT/count")
DEADLINE=$((SECONDS + 1800))
while [ "$(curl -s "http://127.0.0.1:$RECEIVER_PORT/count")" -lt "$EVENTS" ]; do
  [ "$SECONDS" -lt "$DEADLINE" ] || { echo "deliveries did not drain within 30 minutes" >&2; exit 1; }
  sleep 0.2
done
T1=$(date +%s.%N); D1=$(curl -s "http://127.0.0.1:$RECEIVER_PORT/count")
stop_all

OFF=$(rps "$RUN/wrk-deposits-off.txt"); ON=$(rps "$RUN/wrk-deposits-on.txt")
HOFF=$(rps "$RUN/wrk-health-off.txt"); HON=$(rps "$RUN/wrk-health-on.txt")
{
  echo "# Coffer events benchmark $(basename "$RUN")"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(java -version 2>&1 | head -1)"
  echo "- command: bench/events.sh (DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS ACCOUNTS=$ACCOUNTS); H2 embedded"
  echo
  echo "| measurement | outbox off | outbox on (1 subscriber) |"
  echo "|---|---|---|"
  echo "| GET /health, requests/s | $HOFF | $HON |"
  echo "| sandbox deposits over $ACCOUNTS accounts, requests/s | $OFF | $ON |"
  awk -v a="$OFF" -v b="$HOFF" -v c="$ON" -v d="$HON" 'BEGIN { printf "| deposits / health | %.3f | %.3f |\n", a/b, c/d }'
  echo
  awk -v on="$ON" -v off="$OFF" 'BEGIN { printf "- deposits with the outbox / without: **%.2f**\n", on/off }'
  awk -v d0="$D0" -v d1="$D1" -v t0="$T0" -v t1="$T1" -v e="$EVENTS" 'BEGIN { printf "- webhook drain after the load: %d deliveries in %.1f s, **%.0f deliveries/s** (%d events posted in all)\n", d1-d0, t1-t0, (t1>t0 ? (d1-d0)/(t1-t0) : 0), e }'
} | tee "$RUN/summary.md"
