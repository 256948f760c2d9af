#!/bin/sh
# Renders each view of the desktop console to a PNG, on a store with sample jobs:
#   tests/ui/screenshots.sh [build-dir] [out-dir]     (defaults: build, resources/screenshots)
# The store: 20 minutes of generated history (bench/jobdeck-generate), then live traffic over
# the REST API on a headless server (workers completing and failing jobs, an incident, a paused
# type, scheduled jobs, schedules, a limited type, API keys). The console then opens that store
# under Xvfb (xvfb-run; the offscreen platform when Xvfb is not installed) and saves one PNG per
# view (--screenshot).
set -eu

BUILD=${1:-build}
OUT=${2:-resources/screenshots}
JOBDECK="$BUILD/app/jobdeck"
GENERATE="$BUILD/bench/jobdeck-generate"
for tool in "$JOBDECK" "$GENERATE"; do
    [ -x "$tool" ] || { echo "missing $tool: build the jobdeck and jobdeck-generate targets" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER=""
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export XDG_CONFIG_HOME="$WORK/config" # fresh console settings (window size, columns, language)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
DB="$WORK/jobs.db"
KEY=screenshots-admin-key
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
API="http://127.0.0.1:$PORT/api/v1"

"$GENERATE" --db "$DB" --jobs 4000 --days 0.014 --seed 7 2>/dev/null
"$JOBDECK" --headless --db "$DB" --port "$PORT" --api-key "$KEY" >"$WORK/server.log" 2>&1 &
SERVER=$!
tries=0
until curl -sf "$API/health" >/dev/null; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
done

call() { # method path [json]
    curl -sf -X "$1" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
        ${3:+-d "$3"} "$API$2"
}
create() { # type [extra json fields]
    call POST /jobs "{\"type\":\"$1\",\"retries\":${3:-3},\"variables\":{\"order\":$2}${4:-}}" >/dev/null
}
activate() { # type worker n -> job keys, one per line
    call POST /jobs/activate "{\"type\":\"$1\",\"worker\":\"$2\",\"max_jobs\":$3}" |
        grep -o '"key":"[^"]*"' | cut -d'"' -f4
}

for i in $(seq 1 40); do create email-send "$i"; done
for i in $(seq 1 12); do create invoice-pdf "$i"; done
for i in $(seq 1 8); do create report-nightly "$i" 0; done
for i in $(seq 1 4); do create report-nightly "$i" 0 ',"delay":"PT2H"'; done
for i in $(seq 1 10); do create webhook-push "$i"; done

# Workers: mailers complete, the renderer keeps some active, the reporter fails without retries.
for key in $(activate email-send mailer-1 20); do
    call PUT "/jobs/$key/complete" '{"variables":{"sent":true}}' >/dev/null
done
for key in $(activate email-send mailer-2 10); do
    call PUT "/jobs/$key/complete" '{}' >/dev/null
done
n=0
for key in $(activate invoice-pdf renderer-7 6); do
    n=$((n + 1))
    [ $n -le 3 ] && call PUT "/jobs/$key/complete" '{}' >/dev/null
done
for key in $(activate report-nightly reporter-2 3); do
    call PUT "/jobs/$key/fail" '{"retries":0,"error_message":"Template variable missing: customer_name"}' >/dev/null
done
for key in $(activate webhook-push hooks-1 4); do
    call PUT "/jobs/$key/fail" '{"retries":2,"error_message":"Rate limited by provider (429)","retry_back_off":"PT30S"}' >/dev/null
done
call PUT /job-types/webhook-push/pause '{"reason":"Provider maintenance until 14:00"}' >/dev/null
call POST /schedules '{"name":"nightly-report","type":"report-nightly","cron":"0 2 * * *","timezone":"Europe/Moscow"}' >/dev/null
call POST /schedules '{"name":"invoice-sweep","type":"invoice-pdf","every":"PT15M"}' >/dev/null
call POST /schedules '{"name":"weekday-digest","type":"email-send","cron":"30 8 * * MON-FRI","timezone":"Europe/Berlin","paused":true}' >/dev/null
call POST /schedules/invoice-sweep/run >/dev/null
call PUT /job-types/invoice-pdf/limits '{"max_active":4,"rate":{"limit":600,"per":"PT1M"}}' >/dev/null
call POST /bulk-operations '{"action":"cancel","filter":{"type":"webhook-push","state":"retrying"},"reason":"Provider gone"}' >/dev/null
call POST /bulk-operations '{"action":"retry","filter":{"type":"report-nightly","state":"failed,completed"},"retries":2}' >/dev/null
call POST /api-keys '{"name":"ci-worker","permissions":["job"],"tenants":["*"]}' >/dev/null
call POST /api-keys '{"name":"grafana","permissions":["read"],"tenants":["acme","globex"]}' >/dev/null

kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
SERVER=""

# The console as it starts for a new user (fresh settings, the first start's window on a
# 1600x1000 screen), in English into OUT and in Russian into OUT/ru.
shoot() { # out-dir language
    mkdir -p "$1"
    rm -rf "$WORK/config"
    mkdir -p "$WORK/config/Jobdeck"
    printf '[ui]\nlanguage=%s\n' "$2" >"$WORK/config/Jobdeck/jobdeck.conf"
    if command -v xvfb-run >/dev/null; then
        xvfb-run -a -s "-screen 0 1600x1000x24" \
            "$JOBDECK" --db "$DB" --port 0 --api-key "$KEY" --screenshot "$1" >"$WORK/console.log" 2>&1
    else
        echo "xvfb-run not found (apt-get install xvfb): using the offscreen platform" >&2
        QT_QPA_PLATFORM=offscreen \
            "$JOBDECK" --db "$DB" --port 0 --api-key "$KEY" --screenshot "$1" >"$WORK/console.log" 2>&1
    fi
}
shoot "$OUT" en
shoot "$OUT/ru" ru
ls -1 "$OUT"/*.png "$OUT"/ru/*.png
