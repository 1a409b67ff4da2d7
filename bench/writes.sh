#!/usr/bin/env bash
# Coffer benchmark: the write path, on the embedded default (H2) and on PostgreSQL, one server run per
# engine. In each run: GET /health (the baseline), sandbox deposits spread over ACCOUNTS accounts and
# deposits to one hot account (wrk, requests/s with p50/p99), then bench/Lifecycles.java: raw JDBC
# commits on the same engine, approvals with ES256 verification and full governed lifecycles (p50/p99).
# Usage: bench/writes.sh  (see docs/benchmarks.md). Needs a JDK 21+, Maven, wrk, python3, curl, and for
# PostgreSQL the distribution's server binaries (Debian/Ubuntu: apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINES=${ENGINES:-h2 postgres}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ACCOUNTS=${ACCOUNTS:-64}
WORKERS=${WORKERS:-32}
SECONDS_MEASURED=${SECONDS_MEASURED:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
APPROVALS=${APPROVALS:-150}
APPROVALS_WARMUP=${APPROVALS_WARMUP:-50}
PORT=${PORT:-5058}
PGPORT=${PGPORT:-5459}

command -v wrk >/dev/null || { echo "wrk is required (Debian/Ubuntu: apt-get install wrk)" >&2; exit 1; }
source bench/common.sh

RUN=bench/results/writes-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
BASE=http://127.0.0.1:$PORT
SERVER_PID=
PGDATA=
stop_server() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
  return 0
}
stop_postgres() {
  [ -n "$PGDATA" ] && { as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; PGDATA=; }
  return 0
}
trap 'stop_server; stop_postgres' EXIT

# PostgreSQL refuses to run as root: as root, its files and processes belong to the postgres user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres: a fresh cluster of the distribution's PostgreSQL under the run directory, default
# settings but for its port and socket directory, with databases coffer and raw for user coffer.
start_postgres() {
  PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql, or set PGBIN)" >&2; exit 1; }
  PGDATA=$(realpath "$RUN")/pg
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDATA" "$(realpath "$RUN")"
  as_postgres "$PGBIN/initdb" -D "$PGDATA" -U coffer --auth=trust >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null
  for db in coffer raw; do as_postgres "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U coffer -d postgres -qc "CREATE DATABASE $db"; done
  echo "$("$PGBIN/postgres" --version)" > "$RUN/postgres-version.txt"
}

start_coffer() {
  local engine=$1
  local env=(COFFER_DATA_DIR="$RUN/data-$engine" COFFER_MASTER_KEY_FILE="$RUN/master-$engine.key" COFFER_HTTP_PORT="$PORT")
  [ "$engine" = postgres ] && env+=(COFFER_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/coffer" COFFER_DB_USER=coffer)
  env "${env[@]}" java -Xmx1g -XX:+ExitOnOutOfMemoryError ${SERVER_JAVA_OPTS:-} -jar target/coffer.jar serve \
    >> "$RUN/server-$engine.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.1; done
  echo "Coffer did not start on $engine; see $RUN/server-$engine.log" >&2; exit 1
}

wrk_run() {
  local name=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$RUN/wrk-$name.txt"
  if grep -q "Non-2xx" "$RUN/wrk-$name.txt"; then echo "non-2xx answers ($name)" >&2; exit 1; fi
}

measure() {
  local engine=$1 jdbc=()
  [ "$engine" = postgres ] && { start_postgres; jdbc=(-Dbench.jdbc.url="jdbc:postgresql://127.0.0.1:$PGPORT/raw" -Dbench.jdbc.user=coffer); }
  start_coffer "$engine"
  bench_login "$BASE"
  local ids=()
  for i in $(seq 1 "$ACCOUNTS"); do
    ids+=("$(curl -s -X POST "$BASE/sandbox/accounts" "${AUTH[@]}" -d "{\"name\":\"a$i\",\"currency\":\"ethereum\"}" | json "['id']")")
  done
  deposit_script "$RUN/spread.lua" "${ids[@]}"
  deposit_script "$RUN/hot.lua" "${ids[0]}"
  wrk_run "$engine-health" "$BASE/health"
  wrk_run "$engine-spread" -s "$RUN/spread.lua" "$BASE"
  wrk_run "$engine-hot" -s "$RUN/hot.lua" "$BASE"
  # The hot account's balance after the run (1 wei a deposit): every acknowledged deposit, warm-up included.
  curl -s "$BASE/accounts/${ids[0]}/balances" "${AUTH[@]}" | json "['total']" > "$RUN/$engine-hot-balance.txt"
  java -Xmx512m "${jdbc[@]}" -Dbench.approvals="$APPROVALS" -Dbench.approvals.warmup="$APPROVALS_WARMUP" \
    -cp target/coffer.jar bench/Lifecycles.java "$BASE" "$RUN/jdbc-$engine" "$WORKERS" "$SECONDS_MEASURED" \
    "$WARMUP_SECONDS" > "$RUN/lifecycles-$engine.txt"
  stop_server
  stop_postgres
}

for engine in $ENGINES; do measure "$engine"; done

rps() { awk '/Requests\/sec/ {print $2}' "$RUN/wrk-$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$RUN/wrk-$1.txt"; }
val() { awk -v k="$2" '$1 == k {print $2}' "$RUN/lifecycles-$1.txt"; }
row() { awk -v n="$1" -v a="$2" -v b="$3" -v p="$4" -v q="$5" 'BEGIN { printf "| %s | %s | %.4f | %s | %s |\n", n, a, a/b, p, q }'; }
{
  echo "# Coffer writes benchmark $(basename "$RUN")"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(java -version 2>&1 | head -1)"
  echo "- command: bench/writes.sh (ENGINES='$ENGINES' DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS ACCOUNTS=$ACCOUNTS WORKERS=$WORKERS SECONDS_MEASURED=$SECONDS_MEASURED APPROVALS=$APPROVALS)"
  [ -f "$RUN/postgres-version.txt" ] && echo "- PostgreSQL: $(cat "$RUN/postgres-version.txt"), default settings, on the same machine"
  for engine in $ENGINES; do
    H=$(rps "$engine-health")
    echo
    echo "## $engine"
    echo
    echo "| measurement | per second | / health | p50 | p99 |"
    echo "|---|---|---|---|---|"
    row "GET /health (wrk, $CONNECTIONS connections)" "$H" "$H" "$(pct "$engine-health" 50%)" "$(pct "$engine-health" 99%)"
    row "deposits over $ACCOUNTS accounts (wrk)" "$(rps "$engine-spread")" "$H" "$(pct "$engine-spread" 50%)" "$(pct "$engine-spread" 99%)"
    row "deposits to one account (wrk)" "$(rps "$engine-hot")" "$H" "$(pct "$engine-hot" 50%)" "$(pct "$engine-hot" 99%)"
    row "raw JDBC commits, one-row INSERT ($WORKERS threads)" "$(val "$engine" jdbc_commits_per_s)" "$H" "$(val "$engine" jdbc_commit_p50_ms)ms" "$(val "$engine" jdbc_commit_p99_ms)ms"
    row "approvals with ES256 verification ($WORKERS workers)" "$(val "$engine" approvals_per_s)" "$H" "$(val "$engine" approval_p50_ms)ms" "$(val "$engine" approval_p99_ms)ms"
    row "governed lifecycles ($WORKERS workers)" "$(val "$engine" lifecycles_per_s)" "$H" "$(val "$engine" lifecycle_p50_ms)ms" "$(val "$engine" lifecycle_p99_ms)ms"
    awk -v s="$(rps "$engine-spread")" -v j="$(val "$engine" jdbc_commits_per_s)" \
      'BEGIN { printf "\n- deposits spread / raw JDBC commits: %.3f\n", s/j }'
    echo "- the hot account's balance after its run: $(cat "$RUN/$engine-hot-balance.txt") wei"
  done
} | tee "$RUN/summary.md"
