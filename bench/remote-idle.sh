#!/usr/bin/env bash
# The idle cost of a console attached over HTTP (issue 18): a headless jobdeck with 200 jobs, a
# console with --connect showing page N (0 jobs, 1 dashboard, 3 incidents; offscreen), then the
# server's request count (/metrics) and both processes' CPU over SECS seconds.
#   bench/remote-idle.sh [PAGE] [SECS]      (JOBDECK: the binary, build/app/jobdeck)
set -uo pipefail
bin=${JOBDECK:-build/app/jobdeck}; page=${1:-0}; secs=${2:-60}
tmp=$(mktemp -d)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
XDG_CONFIG_HOME=$tmp/srv $bin --headless --db $tmp/j.db --port $port --api-key idle-key >$tmp/srv.log 2>&1 & spid=$!
for i in $(seq 50); do curl -sf localhost:$port/api/v1/health >/dev/null && break; sleep 0.2; done
for i in $(seq 200); do curl -s -X POST localhost:$port/api/v1/jobs -H 'X-API-Key: idle-key' -H 'Content-Type: application/json' -d '{"type":"mail","variables":{}}' >/dev/null; done
mkdir -p $tmp/c/Jobdeck; printf '[window]\npage=%s\n' $page > $tmp/c/Jobdeck/jobdeck.conf
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$tmp/c $bin --connect http://127.0.0.1:$port --api-key idle-key >$tmp/c.log 2>&1 & cpid=$!
sleep 10 # settle: first reads
reqs() { curl -s localhost:$port/metrics -H 'X-API-Key: idle-key' | awk '/^jobdeck_http_requests_total/ {s+=$2} END {print s}'; }
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
r0=$(reqs); s0=$(cpu $spid); c0=$(cpu $cpid)
sleep $secs
r1=$(reqs); s1=$(cpu $spid); c1=$(cpu $cpid)
hz=$(getconf CLK_TCK)
echo "page=$page ${secs}s: requests $((r1-r0-1)) ($(python3 -c "print(round(($r1-$r0-1)/$secs,3))")/s), server CPU $(python3 -c "print(round(100*($s1-$s0)/$hz/$secs,3))") %, console CPU $(python3 -c "print(round(100*($c1-$c0)/$hz/$secs,3))") %"
kill $cpid $spid; wait 2>/dev/null; rm -rf $tmp
