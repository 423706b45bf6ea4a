#!/usr/bin/env bash
# The import benchmark: bench/import.sh
#   1. every shared history.state.gov file through POST /api/v1/imports/history-state-gov (target < 60 s);
#   2. a deterministic 100,000-meeting / 10,000-official JSON document through POST /api/v1/imports
#      with the service's heap capped at 512 MiB (target < 3 min), then the same document again
#      (nothing changes; target: faster still).
# Each part runs on a fresh database of its own. Prints a markdown table and writes it to
# bench/results/import-100k.md. Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT=${PORT:-18081}
BASE=http://127.0.0.1:$PORT
WORK=bench/work
JSON=$WORK/json-100k/import.json
export SPRING_SECURITY_USER_PASSWORD=bench-import
mkdir -p "$WORK" bench/results
APP_PID=
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
trap stop_app EXIT
log() { echo "[import-bench $(date +%H:%M:%S)] $*" >&2; }

start_on_fresh_database() {
  local db=$1
  psql -qX -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    java -Xmx512m -jar target/diplomatic-contacts.jar --server.port="$PORT" > "$WORK/import-$db.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 240); do curl -fs "$BASE/actuator/health" > /dev/null 2>&1 && return 0; sleep 0.5; done
  log "the service did not start"; return 1
}

seconds() { local start=$1; echo "$(( ($(date +%s%N) - start) / 1000000 ))" | awk '{printf "%.1f", $1 / 1000}'; }

if [[ ! -f target/diplomatic-contacts.jar || -n "$(find src pom.xml -newer target/diplomatic-contacts.jar -print -quit)" ]]; then
  log "building the jar"; mvn -q -B -DskipTests package
fi
[[ -f "$JSON" ]] || { log "generating $JSON"; python3 bench/generate.py --meetings 100000 --format json --out "$WORK/json-100k"; }

log "history.state.gov: every shared file"
start_on_fresh_database dc_bench_hsg
started=$(date +%s%N)
scripts/load-history-state-gov.sh "$BASE" > "$WORK/hsg-load.txt"
hsg=$(seconds "$started")
hsg_meetings=$(psql -qAtX -d dc_bench_hsg -c "select count(*) from meetings where external_id like 'hsg-%'")
stop_app

log "JSON: $(du -h "$JSON" | cut -f1) document, heap capped at 512 MiB"
start_on_fresh_database dc_bench_import
started=$(date +%s%N)
first=$(curl -fsS -u "admin:$SPRING_SECURITY_USER_PASSWORD" -H 'Content-Type: application/json' --data-binary "@$JSON" "$BASE/api/v1/imports")
first_seconds=$(seconds "$started")
started=$(date +%s%N)
again=$(curl -fsS -u "admin:$SPRING_SECURITY_USER_PASSWORD" -H 'Content-Type: application/json' --data-binary "@$JSON" "$BASE/api/v1/imports")
again_seconds=$(seconds "$started")
rss=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
stop_app

table=$(cat <<TABLE
# Import benchmark, $(date -u +%Y-%m-%dT%H:%MZ)

2 cores shared by the service and PostgreSQL $(psql -qAtX -d postgres -c "show server_version"); \`java -Xmx512m\`.

| import | records | seconds | target | met |
| --- | --- | ---: | --- | --- |
| every shared history.state.gov file (67 POSTs) | $hsg_meetings meetings | $hsg | < 60 s | $(awk -v s="$hsg" 'BEGIN {print (s < 60) ? "yes" : "**no**"}') |
| 100k JSON document, first import | $(echo "$first" | tr -d '\n' | cut -c1-80) | $first_seconds | < 180 s | $(awk -v s="$first_seconds" 'BEGIN {print (s < 180) ? "yes" : "**no**"}') |
| the same document again | $(echo "$again" | tr -d '\n' | cut -c1-80) | $again_seconds | faster than the first | $(awk -v a="$again_seconds" -v f="$first_seconds" 'BEGIN {print (a < f) ? "yes" : "**no**"}') |

Service memory after the imports: RSS ${rss} MB (heap capped at 512 MiB).
TABLE
)
echo "$table" | tee bench/results/import-100k.md
