#!/usr/bin/env bash
# Soak (issue 7): a fresh jobdeck server under jobdeck-bench's lifecycle load at a fixed rate
# for a given time, sampled every --interval seconds by bench/soak_sampler.py (RSS, open
# descriptors, store size, jobs in the store, probe latency) into a CSV, plotted to a PNG with
# gnuplot. Run by hand; needs python3 and gnuplot (apt-get install gnuplot-nox), which the
# build does not.
#
#   bench/soak.sh --rate 750 --duration 1800 --retain-s 300
#   bench/soak.sh --rate 500 --duration 1800 --retention PT2M
#
# --retain-s has the sampler delete completed jobs itself (DELETE /jobs, as before the server
# pruned); --retention sets the server's own policy (PUT /settings/retention) for every finished
# state and its [retention] interval_ms, so the server keeps the store bounded.
# Output: bench/results/soak-<UTC time>.{csv,png,txt} (the .txt is jobdeck-bench's report).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-$here/../build}
rate=750
duration=1800
interval=10
retain=0
retention=
retention_interval=60000
port=27599
sync=FULL
probes=100
producers=16
workers=8
out_dir=$here/results

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<EOF
Options: --rate JOBS/S ($rate)  --duration S ($duration)  --interval S ($interval)
         --retain-s S (0: keep every job; else delete completed jobs older than S every sample)
         --retention ISO (server-side retention of every finished state, e.g. PT2M)
         --retention-interval-ms MS ($retention_interval: the server's [retention] interval_ms)
         --port N ($port)  --synchronous FULL|NORMAL ($sync)  --probes N ($probes)
         --producers N ($producers)  --workers N ($workers)  (jobdeck-bench phase c)
         --out DIR ($out_dir)   BUILD=<build dir> ($build)
EOF
}

while [ $# -gt 0 ]; do
    case $1 in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    --retain-s) retain=$2; shift 2 ;;
    --retention) retention=$2; shift 2 ;;
    --retention-interval-ms) retention_interval=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --synchronous) sync=$2; shift 2 ;;
    --probes) probes=$2; shift 2 ;;
    --producers) producers=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --out) out_dir=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "soak.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

for tool in "$build/app/jobdeck" "$build/bench/jobdeck-bench"; do
    [ -x "$tool" ] || { echo "soak.sh: $tool not built" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "soak.sh: needs python3" >&2; exit 1; }
command -v gnuplot >/dev/null || { echo "soak.sh: needs gnuplot (gnuplot-nox)" >&2; exit 1; }

mkdir -p "$out_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv=$out_dir/soak-$stamp.csv
png=$out_dir/soak-$stamp.png
report=$out_dir/soak-$stamp.txt
work=$(mktemp -d /tmp/jobdeck-soak.XXXXXX)
db=$work/jobs.db
key=soak-$RANDOM$RANDOM
server_pid=
bench_pid=

cleanup() {
    [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null || true
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -n "$retention" ]; then
    mkdir -p "$work/config/Jobdeck"
    printf '[retention]\ninterval_ms=%s\n' "$retention_interval" >"$work/config/Jobdeck/jobdeck.conf"
fi
XDG_CONFIG_HOME=$work/config "$build/app/jobdeck" --headless --port "$port" --db "$db" \
    --api-key "$key" --synchronous "$sync" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null ||
    { echo "soak.sh: server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

if [ -n "$retention" ]; then
    curl -sf -X PUT -H "X-API-Key: $key" -H 'Content-Type: application/json' \
        -d "{\"completed\": \"$retention\", \"cancelled\": \"$retention\", \"failed\": \"$retention\"}" \
        "http://127.0.0.1:$port/api/v1/settings/retention" >/dev/null ||
        { echo "soak.sh: could not set the retention policy" >&2; exit 1; }
fi

{
    echo "soak $stamp: rate $rate jobs/s, duration $duration s, synchronous $sync,"
    echo "retain-s $retain, server retention ${retention:-none} every ${retention_interval} ms, interval $interval s, probes $probes per sample,"
    echo "$producers producers, $workers workers, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
} >"$report"
"$build/bench/jobdeck-bench" --key "$key" --port "$port" --phases c --rate "$rate" \
    --duration "$duration" --warmup 1 --drain-timeout 120 --server-pid "$server_pid" \
    --producers "$producers" --workers "$workers" \
    >>"$report" 2>&1 &
bench_pid=$!

python3 "$here/soak_sampler.py" --pid "$server_pid" --until-pid "$bench_pid" --port "$port" \
    --key "$key" --db "$db" --csv "$csv" --interval "$interval" --probes "$probes" \
    --retain-s "$retain"
bench_rc=0
wait "$bench_pid" || bench_rc=$?
bench_pid=
{
    echo
    echo "jobdeck-bench exit status: $bench_rc"
    echo "server warnings: $(grep -c -i 'warn\|critical' "$work/server.log" || true)"
} >>"$report"

gnuplot <<EOF
set datafile separator ","
set terminal pngcairo size 1200,900 font ",10"
set output "$png"
set multiplot layout 4,2 title "Jobdeck soak $stamp: lifecycle load at $rate jobs/s for $duration s (retain-s $retain, retention ${retention:-none}, synchronous $sync)"
set xlabel "minutes"
set grid
set key top left
set yrange [0:*]
set title "server RSS (MiB)"
plot "$csv" using (\$1/60):2 skip 1 with lines lw 2 notitle
set title "open file descriptors"
plot "$csv" using (\$1/60):3 skip 1 with lines lw 2 notitle
set title "store size (MiB)"
plot "$csv" using (\$1/60):4 skip 1 with lines lw 2 title "jobs.db", \
     "$csv" using (\$1/60):5 skip 1 with lines lw 2 title "WAL"
set title "jobs in the store"
plot "$csv" using (\$1/60):6 skip 1 with lines lw 2 notitle
set title "probe latency (ms; $probes creates + reads per sample)"
plot "$csv" using (\$1/60):8 skip 1 with lines lw 2 title "create p99", \
     "$csv" using (\$1/60):7 skip 1 with lines lw 2 title "create p50", \
     "$csv" using (\$1/60):9 skip 1 with lines lw 2 title "read p99"
set title "retention sweep by the sampler (completed jobs deleted per sample)"
plot "$csv" using (\$1/60):11 skip 1 with lines lw 2 notitle
set title "free pages (PRAGMA freelist_count) and store pages (thousands)"
plot "$csv" using (\$1/60):(\$13/1000) skip 1 with lines lw 2 title "free", \
     "$csv" using (\$1/60):(\$14/1000) skip 1 with lines lw 2 title "all"
set title "pages in use per object (thousands, dbstat)"
plot "$csv" using (\$1/60):(\$15/1000) skip 1 with lines lw 2 title "jobs + indexes", \
     "$csv" using (\$1/60):(\$16/1000) skip 1 with lines lw 2 title "job_events + indexes", \
     "$csv" using (\$1/60):(\$17/1000) skip 1 with lines lw 2 title "search index", \
     "$csv" using (\$1/60):(\$18/1000) skip 1 with lines lw 2 title "other"
unset multiplot
EOF

echo "soak.sh: $csv"
echo "soak.sh: $png"
echo "soak.sh: $report"
exit "$bench_rc"
