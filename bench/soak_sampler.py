#!/usr/bin/env python3
"""Samples a running Jobdeck server for bench/soak.sh, one CSV row every --interval seconds, until
--until-pid (the load generator) exits: RSS and open descriptors (/proc/<pid>), store size (the
SQLite file and its WAL), jobs in the store, and the latency of a probe (create, read and delete
one job, --probes times, over one keep-alive connection). With --retain-s it also deletes
completed jobs older than that (DELETE /api/v1/jobs?state=completed&created_before=...), as an
operator keeping the store bounded would, and records how many and how long it took.

Each sample also reads the store's pages through a read-only SQLite connection of its own:
PRAGMA freelist_count and page_count, and the pages in use per object from dbstat (jobs with
its indexes, job_events with its indexes, the FTS5 search index, everything else), to explain
how the file grows."""

import argparse
import datetime
import http.client
import json
import os
import sqlite3
import time


def proc_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def proc_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


class Api:
    def __init__(self, port, key):
        self.port, self.key = port, key
        self.conn = None

    def request(self, method, path, body=None, timeout=60):
        for attempt in (1, 2):  # one reconnect: the server closes idle keep-alive connections
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            try:
                started = time.perf_counter()
                headers = {"X-API-Key": self.key}
                data = None
                if body is not None:
                    data = json.dumps(body)
                    headers["Content-Type"] = "application/json"
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                elapsed_ms = (time.perf_counter() - started) * 1000.0
                return response.status, json.loads(payload or b"{}"), elapsed_ms
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise RuntimeError("unreachable")


def probe(api, count):
    creates, reads, failures = [], [], 0
    for i in range(count):
        status, body, ms = api.request(
            "POST", "/api/v1/jobs", {"type": "soak-probe", "variables": {"i": i}})
        if status != 201:
            failures += 1
            continue
        creates.append(ms)
        key = body["data"]["job_key"]
        status, _, ms = api.request("GET", f"/api/v1/jobs/{key}/status")
        if status != 200:
            failures += 1
        reads.append(ms)
        if api.request("DELETE", f"/api/v1/jobs/{key}")[0] != 200:
            failures += 1
    return creates, reads, failures


def sweep(api, retain_s):
    before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=retain_s)
    stamp = before.strftime("%Y-%m-%dT%H:%M:%S.") + f"{before.microsecond // 1000:03d}Z"
    status, body, ms = api.request(
        "DELETE", f"/api/v1/jobs?state=completed&created_before={stamp}", timeout=600)
    deleted = body.get("data", {}).get("deleted_count", 0) if status == 200 else -1
    return deleted, ms


def page_groups(name):
    if name == "jobs" or name.startswith("jobs_") and not name.startswith("jobs_fts"):
        return "jobs"
    if name.startswith("job_events"):
        return "events"
    if name.startswith("jobs_fts"):
        return "fts"
    return "other"


def store_pages(db):
    """(free pages, all pages, {group: pages in use}); an empty answer if the store is busy."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            total = conn.execute("PRAGMA page_count").fetchone()[0]
            groups = {"jobs": 0, "events": 0, "fts": 0, "other": 0}
            for name, pages in conn.execute(
                    "SELECT name, count(*) FROM dbstat GROUP BY name"):
                groups[page_groups(name)] += pages
            return free, total, groups
        finally:
            conn.close()
    except sqlite3.Error:
        return -1, -1, {"jobs": -1, "events": -1, "fts": -1, "other": -1}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pid", type=int, required=True, help="server process id")
    ap.add_argument("--until-pid", type=int, required=True, help="stop when this process exits")
    ap.add_argument("--port", type=int, default=27555)
    ap.add_argument("--key", required=True)
    ap.add_argument("--db", required=True, help="the server's SQLite store file")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--interval", type=float, default=10.0)
    ap.add_argument("--probes", type=int, default=100)
    ap.add_argument("--retain-s", type=float, default=0.0)
    args = ap.parse_args()

    api = Api(args.port, args.key)
    start = time.monotonic()
    with open(args.csv, "w") as out:
        out.write("elapsed_s,rss_mb,open_fds,db_mb,wal_mb,jobs_in_store,"
                  "probe_create_p50_ms,probe_create_p99_ms,probe_read_p99_ms,probe_failures,"
                  "swept_jobs,sweep_ms,free_pages,pages,pages_jobs,pages_events,pages_fts,"
                  "pages_other\n")
        next_at = start
        while alive(args.until_pid) and alive(args.pid):
            next_at += args.interval
            elapsed = time.monotonic() - start
            rss_mb = proc_rss_kb(args.pid) / 1024.0
            fds = proc_fds(args.pid)
            db_mb = size(args.db) / 1048576.0
            wal_mb = size(args.db + "-wal") / 1048576.0
            status, body, _ = api.request("GET", "/api/v1/jobs?page_size=1")
            jobs = body["data"]["pagination"]["total_count"] if status == 200 else -1
            creates, reads, failures = probe(api, args.probes)
            swept, sweep_ms = sweep(api, args.retain_s) if args.retain_s > 0 else (0, 0.0)
            free, total, groups = store_pages(args.db)
            out.write(f"{elapsed:.1f},{rss_mb:.1f},{fds},{db_mb:.1f},{wal_mb:.1f},{jobs},"
                      f"{percentile(creates, 50):.2f},{percentile(creates, 99):.2f},"
                      f"{percentile(reads, 99):.2f},{failures},{swept},{sweep_ms:.0f},"
                      f"{free},{total},{groups['jobs']},{groups['events']},{groups['fts']},"
                      f"{groups['other']}\n")
            out.flush()
            time.sleep(max(0.0, next_at - time.monotonic()))


if __name__ == "__main__":
    main()
