#!/usr/bin/env bash
# The benchmark: bench/run.sh [--1m]
#   generates a deterministic dataset (100,000 meetings and 10,000 officials; --1m: 1,000,000 and
#   100,000), loads it into a database of its own, starts the built jar on it, drives it with wrk
#   and measures PostgreSQL's own ceiling with pgbench -S -c 2 in the same sitting. Prints a
#   markdown table and writes it to bench/results/.
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres), DURATION (wrk, default 15s),
# WARMUP (per endpoint before measuring, default 20s),
# CONNECTIONS (default 32), PORT (default 18080), FRESH=1 to rebuild a database already loaded by an
# earlier run (loading takes minutes; the service migrates a kept database to the current schema).
set -euo pipefail
cd "$(dirname "$0")/.."

MEETINGS=100000
LABEL=100k
if [[ "${1:-}" == "--1m" ]]; then MEETINGS=1000000; LABEL=1m; fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18080}
# each one's request list is $DATA/urls-NAME.txt; those named list-* are pages of the meetings list, and with
# official-meetings (the same list, by official) they are held to the list targets
ENDPOINTS=(meeting list-days list-pair-year list-pair-year-full list-area list-q list-organization official-meetings relations
  officials-q officials-country)
DB=dc_bench_$LABEL
WORK=bench/work
DATA=$WORK/data-$LABEL
BASE=http://127.0.0.1:$PORT
mkdir -p "$WORK" bench/results
APP_PID=

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

# Starts the jar on the bench database (in this shell, so that APP_PID stays known); sets STARTUP to
# the start-up time Spring Boot reports.
start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    java -Xmx512m -jar target/diplomatic-contacts.jar --server.port="$PORT" > "$WORK/app-$LABEL.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "$BASE/actuator/health" > /dev/null 2>&1; then
      STARTUP=$(grep -o 'Started DiplomaticContactsApplication in [0-9.]* seconds' "$WORK/app-$LABEL.log" | grep -o '[0-9.]*' | head -1)
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app-$LABEL.log" >&2; return 1; }
    sleep 0.5
  done
  log "the service did not start"; return 1
}

command -v wrk > /dev/null || { log "installing wrk"; apt-get install -y wrk > /dev/null; }
command -v pgbench > /dev/null || { log "pgbench (PostgreSQL client tools) is needed"; exit 1; }
if [[ ! -f target/diplomatic-contacts.jar || -n "$(find src pom.xml -newer target/diplomatic-contacts.jar -print -quit)" ]]; then
  log "building the jar"; mvn -q -B -DskipTests package
fi

if [[ ! -f "$DATA/meetings.csv" ]]; then
  log "generating $MEETINGS meetings into $DATA"
  python3 bench/generate.py --meetings "$MEETINGS" --out "$DATA"
fi

loaded=$(psql -qAtX -d "$DB" -c "select count(*) from meetings" 2>/dev/null || echo 0)
if [[ "${FRESH:-0}" == 1 || "$loaded" -lt "$MEETINGS" ]]; then
  log "fresh database $DB, migrated by the service itself"
  psql -qX -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
  start_app
  stop_app

  log "loading (COPY, triggers off; search and meeting documents then built in one pass each)"
  load_started=$(date +%s)
  psql -qX -v ON_ERROR_STOP=1 -d "$DB" <<SQL
  set session_replication_role = replica;
  \copy organizations (id, name, kind, country_code) from '$DATA/organizations.csv' csv
  \copy officials (id, full_name, country_code) from '$DATA/officials.csv' csv
  \copy official_aliases (official_id, alias) from '$DATA/official_aliases.csv' csv
  \copy positions (official_id, list_index, title, organization_id, start_date, end_date) from '$DATA/positions.csv' csv
  \copy cooperation_areas (code, name, parent_code) from '$DATA/cooperation_areas.csv' csv
  \copy meetings (id, kind, title, summary, date_text, date_start, date_end, location_city, location_country) from '$DATA/meetings.csv' csv
  \copy meeting_participants (meeting_id, list_index, official_id, role, country_code) from '$DATA/meeting_participants.csv' csv
  \copy meeting_cooperation_areas (meeting_id, area_code) from '$DATA/meeting_cooperation_areas.csv' csv
  \copy meeting_outcomes (meeting_id, list_index, type, description) from '$DATA/meeting_outcomes.csv' csv
  \copy meeting_sources (meeting_id, list_index, url, publisher, note) from '$DATA/meeting_sources.csv' csv
  set session_replication_role = origin;
  select setval(pg_get_serial_sequence('organizations', 'id'), (select max(id) from organizations));
  select setval(pg_get_serial_sequence('officials', 'id'), (select max(id) from officials));
  select setval(pg_get_serial_sequence('meetings', 'id'), (select max(id) from meetings));
  -- The search documents, set-based: the same text as official_search_words() and
  -- meeting_search_words() of V20, with V27's days (keep them in step), in seconds instead of one call per row.
  insert into official_search (official_id, words)
    select o.id, setweight(to_tsvector('simple', fold(o.full_name)), 'A')
                 || setweight(to_tsvector('simple', fold(coalesce(al.aliases, ''))), 'B')
    from officials o
    left join (select official_id, string_agg(alias, ' ') as aliases from official_aliases group by 1) al
           on al.official_id = o.id
    on conflict (official_id) do update set words = excluded.words;
  insert into meeting_search (meeting_id, date_start, date_end, words)
    select m.id, m.date_start, m.date_end, setweight(to_tsvector('simple', fold(concat_ws(' ', m.title, pn.names))), 'A')
                 || setweight(to_tsvector('simple', fold(concat_ws(' ', m.summary, oc.descriptions))), 'B')
    from meetings m
    left join (select p.meeting_id, string_agg(concat_ws(' ', o.full_name, al.aliases), ' ') as names
               from meeting_participants p join officials o on o.id = p.official_id
               left join (select official_id, string_agg(alias, ' ') as aliases from official_aliases group by 1) al
                      on al.official_id = o.id
               group by 1) pn on pn.meeting_id = m.id
    left join (select meeting_id, string_agg(description, ' ') as descriptions from meeting_outcomes group by 1) oc
           on oc.meeting_id = m.id
    on conflict (meeting_id) do update set words = excluded.words, date_start = excluded.date_start, date_end = excluded.date_end;
  insert into search_words (word)
    select distinct lexeme from (select words from meeting_search union all select words from official_search) d,
                                unnest(d.words) where length(lexeme) >= 3
    on conflict do nothing;
  -- The meeting documents of V23, in one pass as well.
  insert into meeting_documents (meeting_id, document)
    select * from meeting_documents_of(array(select id from meetings))
    on conflict (meeting_id) do update set document = excluded.document;
  -- The filter rows of V23 and their counters (V24), in one pass each (the seed's are rebuilt with the rest).
  -- (analyzed first: planned with the statistics of the empty tables COPY filled, the rebuild
  -- ran for over 13 minutes at 1M before it was stopped; analyzed, it takes 4)
  truncate meeting_country_pairs, meeting_area_tree, meeting_officials,
           country_pair_months, area_months, country_pair_areas, country_pair_officials;
  analyze;
  select rebuild_meeting_filters();
  -- every meeting by month (V32), which the COPY's disabled triggers did not count
  select rebuild_meeting_months();
  vacuum analyze;
SQL
  load_seconds="$(( $(date +%s) - load_started ))s"
  log "loaded in ${load_seconds}: $(psql -qAtX -d "$DB" -c "select (select count(*) from meetings) || ' meetings, ' || (select count(*) from officials) || ' officials, ' || pg_size_pretty(pg_database_size(current_database()))")"
else
  log "reusing $DB ($loaded meetings; FRESH=1 rebuilds it)"
  load_seconds="(kept from an earlier run)"
fi

# The pair + year paths whose page is full (20 meetings or more). At 100k almost two thirds of
# the pages hold fewer (13 meetings a page on average), at 1M one in a hundred: comparing all
# paths across the two sizes compares pages of different sizes, these compare pages of the same.
psql -qAtX -d "$DB" > "$DATA/urls-list-pair-year-full.txt" <<SQL
create temp table paths (path text);
\copy paths from '$DATA/urls-list-pair-year.txt'
select path from (select path, regexp_match(path, 'country=(..)&counterpart=(..)&from=([0-9-]+)&to=([0-9-]+)') as m
                  from paths) p
where (select count(*) from meeting_country_pairs f
       where f.country_code = m[1]::char(2) and f.counterpart_code = m[2]::char(2) and f.date_start <= m[4]::date
         and f.date_end >= m[3]::date) >= 20;
SQL

log "starting the service"
start_app
startup=$STARTUP
log "started in ${startup}s"

# An organization's meetings: each organization that has any, once (from the rows of V30, which
# the service has just brought up to date). They differ a hundredfold in size: the foreign
# ministry of a large country against the parliament of a small one.
psql -qAtX -d "$DB" -c "select '/api/v1/meetings?organization=' || organization_id
                        from meeting_organizations group by organization_id order by organization_id" \
  > "$DATA/urls-list-organization.txt"

# Officials found by name: the same words as the meetings' q. Officials by country: every country
# with officials, once.
sed 's|^/api/v1/meetings?q=|/api/v1/officials?q=|' "$DATA/urls-list-q.txt" > "$DATA/urls-officials-q.txt"
psql -qAtX -d "$DB" -c "select distinct '/api/v1/officials?country=' || country_code from officials
                        where country_code is not null order by 1" > "$DATA/urls-officials-country.txt"

# The list by days alone, as a reader browses it: no filter at all, a year, a month, or any few
# days to three months (a quarter each), drawn with a fixed seed.
psql -qAtX -d "$DB" > "$DATA/urls-list-days.txt" <<SQL
select setseed(0.42) \\gset
select '/api/v1/meetings' || case kind
         when 0 then ''
         when 1 then format('?from=%s-01-01&to=%s-12-31', year, year)
         when 2 then format('?from=%s&to=%s', month, (month + interval '1 month' - interval '1 day')::date)
         else format('?from=%s&to=%s', day, day + span) end
from (select floor(random() * 4)::int as kind, 1990 + floor(random() * 36)::int as year,
             (date '1990-01-01' + floor(random() * 432)::int * interval '1 month')::date as month,
             date '1990-01-01' + floor(random() * 13140)::int as day, floor(random() * 91)::int as span
      from generate_series(1, 5000)) r;
SQL

# wrk stops sending, not the service working: requests it gave up on still hold connections, and
# would slow the next endpoint's first second. Waits (up to 30 s) until no connection is in use.
wait_until_idle() {
  for _ in $(seq 60); do
    curl -fs "$BASE/actuator/prometheus" | grep -q '^hikaricp_connections_active{.*} 0.0$' && return 0
    sleep 0.5
  done
}

# CPU time used so far (user + system, clock ticks): "service postgres", the second summed over every
# PostgreSQL process (the pool's connections stay open, so none of the load's is lost in between)
cpu_ticks() {
  local service postgres=0 pid
  service=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
  for pid in $(pgrep -x postgres); do
    postgres=$(( postgres + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2> /dev/null || echo 0) ))
  done
  echo "$service $postgres"
}

# run NAME URLS-FILE: wrk at $CONNECTIONS connections; prints "name rps p50_ms p99_ms non2xx timeouts
# service_cpu_us postgres_cpu_us" (wrk gives up on a request after 2 s; CPU time per request answered)
run() {
  local output before after
  before=($(cpu_ticks))
  output=$(URLS="$2" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/urls.lua "$BASE")
  after=($(cpu_ticks))
  wait_until_idle
  echo "$output" > "$WORK/wrk-$LABEL-$1.txt"
  awk -v name="$1" -v tick="$(getconf CLK_TCK)" -v service=$(( after[0] - before[0] )) \
      -v postgres=$(( after[1] - before[1] )) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { timeouts = $NF }
    / requests in / { done = $1 }
    # wrk leaves requests it gave up on (2 s) out of its percentiles: with 1 % or more of them,
    # p99 is only known to be over 2 s, written as -1
    END { if (timeouts * 100 >= (done + timeouts) && timeouts > 0) p99 = -1
          if (done == 0) { p50 = -1; p99 = -1 }
          us = done > 0 ? 1000000 / tick / done : 0
          printf "%s %.0f %.1f %.1f %d %d %.0f %.0f\n", name, rps, p50, p99, bad + 0, timeouts + 0, service * us, postgres * us }' <<< "$output"
}

# A steady state, not a cold one: the 1M database (5 GB) is read into the OS cache first, or the
# first pass over each endpoint's rows measures the disk (an official's meetings: p99 1.6 s cold,
# 95 ms warm).
log "reading the database into the OS cache (pg_prewarm)"
psql -qAtX -d "$DB" -c "create extension if not exists pg_prewarm" -c "
  select sum(pg_prewarm(c.oid, 'read')) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'pg_toast') and c.relkind in ('r', 'i', 't', 'm')" > /dev/null

# The JIT needs minutes of load to compile the hot paths: after 5 s per endpoint, by id ran at
# half its steady rate. Each endpoint is warmed for $WARMUP at full load.
log "warming up"
for file in "${ENDPOINTS[@]}"; do
  URLS="$DATA/urls-$file.txt" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/urls.lua "$BASE" > /dev/null
  wait_until_idle
done

# from StatementsPerRequestTest: 1 for the page or document (+ 1 per code or id a filter names when nothing matched);
# officials: 1 for the ids of the page and their total, 1 for the officials
declare -A STATEMENTS=([meeting]=1 [list-days]=1 [list-pair-year]=1 [list-pair-year-full]=1 [list-area]=1 [list-q]=1
  [list-organization]=1 [official-meetings]=1 [relations]=1 [officials-q]=2 [officials-country]=2)
declare -A WHAT=([meeting]="meeting by id (random ids)"
  [list-days]="meetings: days only (none, a year, a month, any days)" [list-pair-year]="meetings: country pair + year"
  [list-pair-year-full]="meetings: country pair + year, full pages only"
  [list-area]="meetings: area (+ country or from)" [list-q]="meetings: q (names, prefixes)"
  [list-organization]="meetings: organization"
  [official-meetings]="an official's meetings" [relations]="relations summary"
  [officials-q]="officials: q (the same words)" [officials-country]="officials: country")
results=()
for file in "${ENDPOINTS[@]}"; do
  log "wrk: ${WHAT[$file]}"
  results+=("$(run "$file" "$DATA/urls-$file.txt")")
done

rss_mb=$(( $(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status") / 1024 ))
heap_mb=$(curl -fs "$BASE/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%.0f", sum / 1048576 }')
stop_app

log "pgbench -S -c 2 (PostgreSQL's ceiling for one-row reads)"
if ! psql -qAtX -d postgres -c "select 1 from pg_database where datname = 'dc_pgbench'" | grep -q 1; then
  psql -qX -d postgres -c "create database dc_pgbench"
  pgbench -q -i -s 10 dc_pgbench > /dev/null 2>&1
fi
pgbench_tps=$(pgbench -n -S -c 2 -j 2 -T "${DURATION%s}" dc_pgbench 2>/dev/null | awk '/^tps/ { printf "%.0f", $3; exit }')

# the report
stamp=$(date -u +%Y-%m-%dT%H:%MZ)
report=bench/results/$LABEL.md
tsv=bench/results/$LABEL.tsv
printf '%s\n' "${results[@]}" > "$tsv"
by_id_rps=$(awk '$1 == "meeting" { print $2 }' "$tsv")
{
  echo "# Benchmark, $LABEL ($MEETINGS meetings), $stamp"
  echo
  echo "$(nproc) cores shared by the service, PostgreSQL $(psql -qAtX -d postgres -c 'show server_version') and wrk;"
  echo "\`java -Xmx512m\`; wrk -t2 -c$CONNECTIONS -d$DURATION over random real paths (bench/urls.lua). Load (COPY + search and meeting documents): ${load_seconds}."
  echo
  echo "| endpoint | requests/s | p50 ms | p99 ms | non-2xx | timeouts (> 2 s) | SQL statements / request | CPU µs / request: service | PostgreSQL |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  while read -r name rps p50 p99 bad timeouts service postgres; do
    [[ $p50 == -1.0 ]] && p50="> 2000"
    [[ $p99 == -1.0 ]] && p99="> 2000"
    echo "| ${WHAT[$name]} | $rps | $p50 | $p99 | $bad | $timeouts | ${STATEMENTS[$name]} | $service | $postgres |"
  done < "$tsv"
  echo "| pgbench -S -c 2 (tps) | $pgbench_tps | | | | | 1 | | |"
  echo
  echo "Start-up: ${startup}s. Memory after load: RSS ${rss_mb} MB, heap used ${heap_mb} MB."
  echo "SQL statements per request are asserted by StatementsPerRequestTest and RelationsTest. CPU per request:"
  echo "user + system time of the service's JVM and of every PostgreSQL process during the run, over the requests"
  echo "answered ($(nproc) cores: at most $(( $(nproc) * 1000000 )) µs a second in all; wrk and the kernel's network work use the rest)."
  echo
  if [[ $LABEL == 1m && -f bench/results/100k.tsv ]]; then
    echo "The 1.5x rows compare with bench/results/100k.md, run at $(head -1 bench/results/100k.md | sed 's/.*, //'):"
    echo "one sitting only when bench/run.sh ran just before bench/run.sh --1m."
    echo
  fi
  echo "| target | measured | met |"
  echo "| --- | --- | --- |"
  awk -v tps="$pgbench_tps" -v id="$by_id_rps" 'BEGIN { r = id / tps; printf "| meeting by id >= 5%% of pgbench -S -c 2 | %.1f%% (%d / %d) | %s |\n", 100 * r, id, tps, (r >= 0.05 ? "yes" : "**no**") }'
  while read -r name rps p50 p99 bad timeouts service postgres; do
    case $name in list-*|official-meetings)
      awk -v n="${WHAT[$name]}" -v rps="$rps" -v id="$by_id_rps" 'BEGIN { r = rps / id; printf "| %s >= 0.6x by id | %.2fx | %s |\n", n, r, (r >= 0.6 ? "yes" : "**no**") }';;
    esac
  done < "$tsv"
  while read -r name rps p50 p99 bad timeouts service postgres; do
    awk -v n="${WHAT[$name]}" -v p99="$p99" -v c="$CONNECTIONS" 'BEGIN { if (p99 < 0) printf "| %s p99 <= 100 ms at %d connections | > 2000 ms | **no** |\n", n, c
      else printf "| %s p99 <= 100 ms at %d connections | %.1f ms | %s |\n", n, c, p99, (p99 <= 100 ? "yes" : "**no**") }'
  done < "$tsv"
  if [[ $LABEL == 1m && -f bench/results/100k.tsv ]]; then
    while read -r name rps p50 p99 bad timeouts service postgres; do
      case $name in list-*|official-meetings)
        small=$(awk -v n="$name" '$1 == n { print $4 }' bench/results/100k.tsv)
        awk -v n="${WHAT[$name]}" -v big="$p99" -v small="$small" 'BEGIN { if (big < 0 || small < 0) { printf "| %s p99 at 1M <= 1.5x at 100k | %s / %s ms (> 2000: timeouts) | **no** |\n", n, (big < 0 ? "> 2000" : big), (small < 0 ? "> 2000" : small); exit }
                   r = big / small; printf "| %s p99 at 1M <= 1.5x at 100k | %.1f / %.1f ms = %.2fx | %s |\n", n, big, small, r, (r <= 1.5 ? "yes" : "**no**") }';;
      esac
    done < "$tsv"
  else
    echo "| list p99 at 1M <= 1.5x at 100k | not measured in this run (bench/run.sh --1m after a 100k run) | - |"
  fi
} > "$report"
cat "$report"
