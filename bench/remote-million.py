#!/usr/bin/env python3
# A remote console on a 1,000,000-job server (issue 18): fills a fresh headless jobdeck through
# POST /jobs/batch, times cursor pages of GET /api/v1/jobs, a filtered page and GET /dashboard,
# then three consoles (--connect, offscreen) from their start to their first rows.
#   bench/remote-million.py [BINARY]      (default build/app/jobdeck)
import http.client, json, subprocess, time, os, sys, socket, tempfile, re
BIN = sys.argv[1] if len(sys.argv) > 1 else "build/app/jobdeck"
tmp = tempfile.mkdtemp()
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
env = dict(os.environ, XDG_CONFIG_HOME=tmp + "/srv")
srv = subprocess.Popen([BIN, "--headless", "--db", tmp + "/j.db", "--port", str(port),
                        "--api-key", "m-key"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(100):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port); c.request("GET", "/api/v1/health"); c.getresponse().read(); break
    except Exception: time.sleep(0.1)
H = {"X-API-Key": "m-key", "Content-Type": "application/json"}
c = http.client.HTTPConnection("127.0.0.1", port)
types = ["invoice-render", "email-send", "payment-capture", "report"]
t0 = time.time()
for b in range(1000):
    body = json.dumps({"jobs": [{"type": types[(b * 1000 + i) % 4], "variables": {"n": b * 1000 + i}} for i in range(1000)]})
    c.request("POST", "/api/v1/jobs/batch", body, H); r = c.getresponse(); r.read()
    assert r.status == 201, r.status
print(f"1,000,000 jobs created in {time.time()-t0:.1f} s", flush=True)
time.sleep(3)
def get(path):
    t = time.time(); c.request("GET", path, headers=H); r = c.getresponse(); d = json.loads(r.read()); return d, (time.time() - t) * 1000
d, ms = get("/api/v1/jobs?page_size=100&sort_by=created_at&sort_order=DESC"); print(f"GET /jobs first page of 100: {ms:.1f} ms, total_count {d['data']['pagination']['total_count']}")
cur = d["data"]["pagination"]["next_cursor"]; times = []
for i in range(50):
    d, ms = get("/api/v1/jobs?page_size=100&sort_by=created_at&sort_order=DESC&cursor=" + cur); times.append(ms)
    cur = d["data"]["pagination"]["next_cursor"]
times.sort(); print(f"50 cursor pages of 100: median {times[25]:.1f} ms, max {times[-1]:.1f} ms")
d, ms = get("/api/v1/jobs?page_size=100&type=report&state=pending"); print(f"filtered first page (type, state): {ms:.1f} ms, total_count {d['data']['pagination']['total_count']}")
d, ms = get("/api/v1/dashboard"); print(f"GET /dashboard: {ms:.1f} ms")
# The console: from its start to its first rows.
cenv = dict(os.environ, XDG_CONFIG_HOME=tmp + "/c", QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="jobdeck.ui.*.debug=true")
for run in range(3):
    t = time.time()
    con = subprocess.Popen([BIN, "--connect", f"http://127.0.0.1:{port}", "--api-key", "m-key"],
                           env=cenv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in con.stderr:
        m = re.search(r"page of (\d+) rows in (\d+) us", line)
        if m:
            print(f"console run {run+1}: first {m.group(1)} rows shown {(time.time()-t)*1000:.0f} ms after start (the read: {int(m.group(2))/1000:.1f} ms)", flush=True)
            break
    con.kill(); con.wait()
srv.terminate(); srv.wait()
