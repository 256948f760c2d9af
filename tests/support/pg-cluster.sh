#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks (Debian's postgresql package).
#   tests/support/pg-cluster.sh start DIR   initdb's DIR (a fresh directory), starts a server on
#                                           a free loopback port with a socket directory of its
#                                           own, and writes its base URL to DIR/url
#   tests/support/pg-cluster.sh stop DIR    stops it and removes DIR
# The URL names the maintenance database "postgres" as user "jobdeck" (password "jobdeck");
# tests create a database of their own per server. initdb refuses to run as root: as root the
# cluster belongs to the "postgres" system user. JOBDECK_PG_DURABLE=1 keeps fsync on (benchmarks).
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
PY
}

case "$cmd" in
start)
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ -f "$dir/data/postmaster.pid" ]; then
        "$0" stop "$dir"
        mkdir -p "$dir"
    fi
    mkdir -p "$dir/data" "$dir/socket"
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
    chmod 755 "$dir"
    echo jobdeck > "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
    as_owner "$bindir/initdb" -D "$dir/data" -U jobdeck --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${JOBDECK_PG_DURABLE:-0}" = 1 ] && durability=""
    for attempt in 1 2 3 4 5; do
        port="$(free_port)"
        # shellcheck disable=SC2086
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c max_connections=300 -c shared_buffers=128MB $durability" >/dev/null; then
            echo "postgresql://jobdeck:jobdeck@127.0.0.1:$port/postgres" > "$dir/url"
            chmod 644 "$dir/url"
            cat "$dir/url"
            exit 0
        fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
