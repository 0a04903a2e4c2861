#!/usr/bin/env python3
"""`zizhu serve` under load, loopback only: requests per second and p50/p95 latency of POST /api/check for a
50-row class sheet and for a 5,000-row school round, with 4 clients at once, then the server's resident memory
after 50 and after 500 rounds (issue 16's goals: a 50-row sheet answered in under 100 ms at p95; resident memory
after 500 rounds within 10 % of after 50).

    python3 Benchmarks/serve_bench.py [--binary .build/release/zizhu] [--clients 4] [--requests 200]

Every loop is bounded in count and time, and the server it starts is stopped at the end.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "serve"))
from serve_support import Server, sample_files  # noqa: E402

GOAL_P95_SMALL_MS = 100
GOAL_RSS_GROWTH = 0.10


def generate(binary, rows, seed, folder):
    subprocess.run([binary, "generate", "--rows", str(rows), "--seed", str(seed), "-o", folder], check=True,
                   capture_output=True, timeout=600)
    return sample_files(folder)


def one_sheet(files, rows):
    """The first generated sheet cut to its header and `rows` data rows (a class's submission)."""
    field, name, content = next(f for f in files if f[1].endswith(".csv"))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    lines = text.splitlines(keepends=True)
    header = next(k for k, line in enumerate(lines) if "身份证" in line)
    cut = "".join(lines[: header + 1 + rows])
    return [(field, name, cut.encode("utf-8"))]


def load(server, files, clients, requests, seconds=300):
    latencies = []
    lock = threading.Lock()
    issued = [0]
    failures = [0]
    deadline = time.time() + seconds

    def client():
        while time.time() < deadline:
            with lock:
                if issued[0] >= requests:
                    return
                issued[0] += 1
            start = time.perf_counter()
            status, _ = server.check(files)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    failures[0] += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    return {"requests": len(latencies), "failures": failures[0], "rps": len(latencies) / wall,
            "p50": p(0.50), "p95": p(0.95), "mean": statistics.mean(latencies) * 1000}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "zizhu"))
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200, help="requests per load stage")
    parser.add_argument("--rounds", type=int, default=500, help="rounds for the memory stage")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} is missing: make release")

    folder = tempfile.mkdtemp(prefix="zizhu-serve-bench-")
    school = generate(args.binary, 5000, 5, os.path.join(folder, "school"))
    small = one_sheet(school, 50)
    server = Server(args.binary)
    try:
        server.check(small)  # warm up
        print(f"zizhu serve at {server.base}, {args.clients} clients, commit "
              + subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                               text=True).stdout.strip())
        rows = []
        for label, files, count in (("50-row class sheet", small, args.requests),
                                    ("5,000-row school round", school, max(20, args.requests // 10))):
            r = load(server, files, args.clients, count)
            rows.append((label, r))
            print(f"{label:24} {r['requests']:5} requests ({r['failures']} failed)  {r['rps']:7.1f} req/s  "
                  f"p50 {r['p50']:8.1f} ms  p95 {r['p95']:8.1f} ms")
        # Memory: rounds of the class sheet, one client, resident memory after 50 and after `rounds`.
        resident = {}
        for k in range(1, args.rounds + 1):
            status, _ = server.check(small)
            if status != 200:
                print("round", k, "failed with", status)
            if k in (50, args.rounds):
                resident[k] = server.resident_kb()
        growth = resident[args.rounds] / resident[50] - 1
        print(f"resident memory: {resident[50] / 1024:.1f} MB after 50 rounds, "
              f"{resident[args.rounds] / 1024:.1f} MB after {args.rounds} ({growth * 100:+.1f} %)")
        p95 = rows[0][1]["p95"]
        print(f"goal p95 < {GOAL_P95_SMALL_MS} ms for the 50-row sheet: {'met' if p95 < GOAL_P95_SMALL_MS else 'NOT met'}"
              f" ({p95:.1f} ms)")
        print(f"goal resident memory within 10 %: {'met' if growth <= GOAL_RSS_GROWTH else 'NOT met'}")
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", folder])


if __name__ == "__main__":
    main()
