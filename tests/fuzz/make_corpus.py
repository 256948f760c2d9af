#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the seeds' curl examples and JSON blocks plus one
canonical body per endpoint of API.md.

    tests/fuzz/make_corpus.py /work/shared/seeds tests/fuzz/corpus

writes corpus/raw/* (whole HTTP requests, for fuzz_http_raw) and corpus/json/* (route byte +
body, for fuzz_api_json; the route numbers are those of fuzz_api_json.cpp)."""
import hashlib
import json
import pathlib
import re
import sys
from urllib.parse import urlsplit

KEY = "fuzz-admin-key"

# fuzz_api_json.cpp: first byte % 14 picks the endpoint.
ROUTES = [
    (0, "POST", "/api/v1/jobs"), (1, "POST", "/api/v1/jobs/batch"),
    (2, "POST", "/api/v1/jobs/activate"), (3, "PUT", "/complete"), (4, "PUT", "/fail"),
    (5, "POST", "/throw-error"), (6, "PUT", "/cancel"), (7, "PATCH", "/api/v1/jobs/"),
    (8, "PUT", "/progress"), (9, "POST", "/api/v1/api-keys"), (10, "GET", "/api/v1/jobs?"),
    (11, "GET", "/api/v1/jobs/stats?"), (12, "GET", "/await?"), (13, "PUT", "/resolve"),
]

CANONICAL = {
    0: ['{"type":"payment","variables":{"order":42},"retries":3,"timeout":"PT2M",'
        '"custom_headers":{"k":"v"},"tenant_id":"default","priority":5}',
        '{"type":"later","variables":{},"delay":"PT1H30M",'
        '"process_context":{"process_instance_id":"p1","element_id":"e1"},'
        '"next_jobs":[{"type":"next","variables":{"x":1}}],'
        '"error_handlers":{"PAYMENT_DECLINED":{"type":"refund"}}}',
        '{"type":"at","variables":{"a":[1,2,{"b":null}]},"run_at":"2025-01-11T10:30:00.000Z"}'],
    1: ['{"jobs":[{"type":"a","variables":{}},{"type":"b","variables":{"n":1},"retries":0}]}'],
    2: ['{"type":"fz","worker":"w1","max_jobs":10,"timeout":300000,"fetch_variables":["a"],'
        '"request_timeout":0,"tenant_ids":["default"]}'],
    3: ['{"variables":{"paymentStatus":"completed","amount":299.99}}', '{}'],
    4: ['{"retries":1,"error_message":"boom","backoff_duration":"PT0.5S","variables":{"e":1}}',
        '{"retries":0,"error_message":"final"}'],
    5: ['{"error_code":"PAYMENT_DECLINED","error_message":"declined","variables":{"r":"x"}}'],
    6: ['{"reason":"operator"}'],
    7: ['{"retries":5,"timeout":"PT10M","priority":-3}'],
    8: ['{"total":1000,"processed":450,"succeeded":440,"failed":10,"message":"m",'
        '"extend_deadline":true}'],
    9: ['{"name":"k2","permissions":["job","read"],"tenants":["*"]}'],
    10: ['state=pending,failed&type=fz&page=2&page_size=5&sort_by=priority&sort_order=ASC&q=a',
         'period=24h&created_after=2025-01-11T10:30:00.000Z&cursor=abc'],
    11: ['period=7d&type=fz&worker=w1&tenant_id=default'],
    12: ['timeout=30'],
    13: ['{"retries":1}'],
}


def route_of(method, path):
    for number, m, fragment in ROUTES:
        if m == method and (path.endswith(fragment) or fragment in path):
            return number
    return 0


def curl_examples(seeds):
    pattern = re.compile(r"curl -X (\w+) \"([^\"]+)\"(.*?)(?:\n```|\n\n)", re.S)
    for text in (p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))):
        for method, url, rest in pattern.findall(text):
            body = re.search(r"-d '(.*?)'", rest, re.S)
            yield method, urlsplit(url).path, body.group(1) if body else ""


def json_blocks(seeds):
    for text in (p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))):
        for block in re.findall(r"```json\n(.*?)```", text, re.S):
            try:
                json.loads(block)
            except ValueError:
                continue
            yield block.strip()


def raw_request(method, path, body):
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:27555\r\nX-API-Key: {KEY}\r\n"
    if body or method != "GET":
        head += f"Content-Type: application/json\r\nContent-Length: {len(body.encode())}\r\n"
    return (head + "\r\n" + body).encode()


def write(directory, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    seeds, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    raw, js = out / "raw", out / "json"
    for method, path, body in curl_examples(seeds):
        path = path.replace("/predictions", "")
        write(raw, raw_request(method, path, body))
        write(js, bytes([route_of(method, path)]) + body.encode())
    for block in json_blocks(seeds):
        for number in (0, 3, 2):
            write(js, bytes([number]) + block.encode())
    for number, bodies in CANONICAL.items():
        _, method, fragment = ROUTES[number]
        for body in bodies:
            write(js, bytes([number]) + body.encode())
            if number in (10, 11):
                write(raw, raw_request(method, fragment + body, ""))
            elif fragment.startswith("/api/"):
                write(raw, raw_request(method, fragment.rstrip("/"), body))
            else:
                write(raw, raw_request(method, "/api/v1/jobs/srv1-job-1" + fragment, body))
    # Connection-level shapes: pipelining, keep-alive, chunked, bad lengths, no key, health.
    write(raw, raw_request("GET", "/api/v1/health", "") * 3)
    write(raw, b"POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY.encode() +
          b"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
    write(raw, b"POST /api/v1/jobs HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
    write(raw, b"GET /metrics HTTP/1.0\r\nAuthorization: Bearer " + KEY.encode() + b"\r\n\r\n")


if __name__ == "__main__":
    main()
