#!/bin/bash
# Lifecycle throughput of N Jobdeck nodes on one PostgreSQL database: starts N headless nodes
# (ports 28101..), runs one jobdeck-bench phase c against each at the same time, prints each
# node's figure and the sum, and stops the nodes.
#
#   bench/pg-nodes.sh URL NODES [jobdeck-bench options...]
#   bench/pg-nodes.sh postgresql://jobdeck:jobdeck@127.0.0.1:5432/bench 3 --duration 10 \
#       --producers 64 --workers 8 --complete-conns 8
#
# Use a fresh database per run. Binaries are taken from $BUILD (default: build).
set -euo pipefail
url=$1
nodes=$2
shift 2
build=${BUILD:-build}
out=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$out"' EXIT
for i in $(seq "$nodes"); do
    "$build/app/jobdeck" --headless --db "$url" --port $((28100 + i)) --api-key benchkey \
        --node-id "bench-n$i" >"$out/node$i.log" 2>&1 &
    pids+=($!)
done
for i in $(seq "$nodes"); do
    for _ in $(seq 100); do
        curl -fs -o /dev/null "http://127.0.0.1:$((28100 + i))/api/v1/health" && break
        sleep 0.2
    done
done
benches=()
for i in $(seq "$nodes"); do
    "$build/bench/jobdeck-bench" --key benchkey --port $((28100 + i)) --phases c "$@" \
        >"$out/bench$i.txt" 2>&1 &
    benches+=($!)
done
status=0
for pid in "${benches[@]}"; do wait "$pid" || status=$?; done
total=0
for i in $(seq "$nodes"); do
    rate=$(sed -n 's/^ *lifecycle: *\([0-9]*\) jobs\/s.*/\1/p' "$out/bench$i.txt")
    errors=$(sed -n 's/^ *errors: *//p' "$out/bench$i.txt" | tail -1)
    echo "node $i: ${rate:-?} jobs/s completed, errors: ${errors:-?}"
    total=$((total + ${rate:-0}))
done
echo "all $nodes nodes: $total jobs/s completed"
exit $status
