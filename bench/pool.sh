#!/usr/bin/env bash
# Connection pool sizing by measurement: bench/pool.sh [SIZES...] (default 2 4 8 10 16 32)
#   on the database bench/run.sh loaded (dc_bench_100k; run that first), starts the service with each
#   pool size in turn and replays three of the benchmark's request lists with wrk at 32 connections.
#   Writes bench/results/pool-100k.md. Environment as bench/run.sh (PGHOST..., DURATION, WARMUP, PORT).
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
PORT=${PORT:-18080}
DB=dc_bench_100k
DATA=bench/work/data-100k
BASE=http://127.0.0.1:$PORT
SIZES=("$@")
[[ ${#SIZES[@]} -eq 0 ]] && SIZES=(2 4 8 10 16 32)
ENDPOINTS=(meeting list-pair-year list-area)
APP_PID=

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

[[ -f "$DATA/urls-meeting.txt" && -f target/diplomatic-contacts.jar ]] || { echo "run bench/run.sh first" >&2; exit 1; }

# rps and p99 (ms) of one wrk run
measure() {
  URLS="$DATA/urls-$1.txt" wrk -t2 -c32 -d"$DURATION" --latency -s bench/urls.lua "$BASE" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; return v * 1000 }
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f / %.0f ms", rps, p99 }'
}

rows=()
for size in "${SIZES[@]}"; do
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    java -Xmx512m -jar target/diplomatic-contacts.jar --server.port="$PORT" \
    --spring.datasource.hikari.maximum-pool-size="$size" > bench/work/app-pool.log 2>&1 &
  APP_PID=$!
  until curl -fs "$BASE/actuator/health" > /dev/null 2>&1; do sleep 0.5; done
  for endpoint in "${ENDPOINTS[@]}"; do  # warm-up: the JIT needs minutes of load, as in bench/run.sh
    URLS="$DATA/urls-$endpoint.txt" wrk -t2 -c32 -d"$WARMUP" -s bench/urls.lua "$BASE" > /dev/null
  done
  row="| $size"
  for endpoint in "${ENDPOINTS[@]}"; do
    row+=" | $(measure "$endpoint")"
  done
  rows+=("$row |")
  echo "pool $size: $row" >&2
  stop_app
done

{
  echo "# Connection pool size, 100k, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "$(nproc) cores shared by the service, PostgreSQL and wrk; wrk -t2 -c32 -d$DURATION; requests/s / p99."
  echo
  echo "| maximum-pool-size | meeting by id | country pair + year | area (+ country or from) |"
  echo "| ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
} | tee bench/results/pool-100k.md
