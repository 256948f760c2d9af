#!/usr/bin/env python3
"""Why retention does not compact the search index itself (issue 15).

Replays the search index's traffic under retention on a contentless FTS5 table like jobs_fts
(content='', detail='none'): steps of 500 inserts, then 500 'delete's of the oldest rows once
60,000 are kept, optionally followed by FTS5's incremental 'merge' command with the given
argument. With SQLite 3.40.1 (Debian 12), `merge -500` after each step fails with "database
disk image is malformed" after about 1,100 steps (the same happened to a soak's server after
18 minutes); with `merge 500` or no merge, 4,000 steps end with a passing integrity-check.

    python3 bench/fts5_merge_repro.py -500    # FAILED at step 1118 database disk image is malformed
    python3 bench/fts5_merge_repro.py 0       # ok
"""
import sqlite3
import sys

merge = int(sys.argv[1]) if len(sys.argv) > 1 else 0
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
db = sqlite3.connect(":memory:")
db.execute("CREATE VIRTUAL TABLE f USING fts5(k, t, w, e, v, r, content='', detail='none')")
print("SQLite", sqlite3.sqlite_version, "merge", merge, flush=True)
rows, next_id = {}, 0


def values(i):
    return (f"srv1-job-{i:08x}", f"type{i % 5}", f"worker{i % 8}", None,
            f'{{"i":{i},"c":"cust-{i % 97}"}}', None)


step = 0
try:
    for step in range(steps):
        db.execute("BEGIN")
        for _ in range(500):
            next_id += 1
            rows[next_id] = values(next_id)
            db.execute("INSERT INTO f(rowid, k, t, w, e, v, r) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (next_id,) + rows[next_id])
        oldest = sorted(rows)[:max(0, len(rows) - 60000)][:500]
        for i in oldest:
            db.execute("INSERT INTO f(f, rowid, k, t, w, e, v, r) "
                       "VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)", (i,) + rows.pop(i))
        if merge and oldest:
            db.execute("INSERT INTO f(f, rank) VALUES ('merge', ?)", (merge,))
        db.execute("COMMIT")
    db.execute("INSERT INTO f(f) VALUES ('integrity-check')")
    print("ok after", steps, "steps")
except sqlite3.Error as e:
    print("FAILED at step", step, e)
    sys.exit(1)
