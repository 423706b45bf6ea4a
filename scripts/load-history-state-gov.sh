#!/usr/bin/env bash
# Loads every shared history.state.gov file into a running service, one POST a file.
# Usage: SPRING_SECURITY_USER_PASSWORD=… scripts/load-history-state-gov.sh [base-url] [data-dir]
# Safe to re-run: records are matched by their publisher ids, a second run changes nothing.
set -euo pipefail
base="${1:-http://localhost:8080}"
data="${2:-$(dirname "$0")/../../shared/data/history-state-gov}"
user="${SPRING_SECURITY_USER_NAME:-admin}"
: "${SPRING_SECURITY_USER_PASSWORD:?set SPRING_SECURITY_USER_PASSWORD to the admin password}"
for file in "$data"/visits/*.xml "$data"/travels/president-travels/*.xml "$data"/travels/secretary-travels/*.xml; do
    printf '%s: ' "${file#"$data"/}"
    curl --silent --show-error --fail-with-body --user "$user:$SPRING_SECURITY_USER_PASSWORD" \
        -H 'Content-Type: application/xml' --data-binary "@$file" "$base/api/v1/imports/history-state-gov"
    echo
done
