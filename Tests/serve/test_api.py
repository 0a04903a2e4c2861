"""The JSON API against a real `zizhu serve`, beside the real `zizhu check --format json`.

- /api/check gives exactly the CLI's report on the samples, on every committed bad input, and on a generated
  10,000-row round; what the CLI refuses (exit 2) the API refuses with the same Chinese reason, and serves on;
- a request cut off half way stores nothing and the server serves on;
- 8 clients at once, 50 rounds: every answer is the report of its own upload, none mixed up; /api/run rounds
  give their documents.zip, whose manifest holds that round's summary;
- 200 more rounds leave the server's resident memory flat (within 10 % + 8 MB of after 50).

    python3 Tests/serve/test_api.py [path/to/zizhu]
"""
import io
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import PACKAGE, Results, Server, cli_report, default_binary, sample_files  # noqa: E402

BAD = os.path.join(PACKAGE, "Tests", "Fixtures", "bad")


def files_of(folder):
    """The sheets of a folder in upload order (the CLI is then given the same files in the same order)."""
    return sample_files(folder)


def same_report(results, api, cli, what):
    status, body = api
    results.check(status == 200, f"{what}: /api/check answers 200 (got {status})")
    if status == 200:
        results.check(body == cli, f"{what}: /api/check equals zizhu check --format json")


def test_samples(results, server, binary):
    code, cli, _ = cli_report(binary, os.path.join(PACKAGE, "samples"))
    same_report(results, server.check(sample_files()), cli, "samples")


def test_bad_inputs(results, server, binary):
    expected = json.load(open(os.path.join(BAD, "expected.json")))["cases"]
    for case in expected:
        if "generated" in case:
            continue
        path = os.path.join(BAD, case["file"])
        upload = [("files", case["file"], open(path, "rb").read())]
        code, cli, stderr = cli_report(binary, path)
        status, body = server.check(upload)
        if case["exit"] == 2:
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False)
            results.check(400 <= status < 500, f"{case['file']}: refused with a 4xx (got {status})")
            results.check(case["message"] in text, f"{case['file']}: the reason says {case['message']!r}: {text[:200]!r}")
        else:
            same_report(results, (status, body), cli, case["file"])
    # An old .xls workbook and an empty upload: what the CLI says, on the page's side of the API.
    folder = tempfile.mkdtemp()
    try:
        old = os.path.join(folder, "旧格式.xls")
        with open(old, "wb") as f:
            f.write(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
        code, cli, stderr = cli_report(binary, old)
        status, body = server.check([("files", "旧格式.xls", open(old, "rb").read())])
        if code == 2:
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False)
            results.check(400 <= status < 500 and ".xls" in text, f".xls refused with the CLI's reason: {text[:200]!r}")
        else:
            same_report(results, (status, body), cli, ".xls")
    finally:
        shutil.rmtree(folder)
    status, _ = server.check([])
    results.check(400 <= status < 500, f"a request without files is refused with a 4xx (got {status})")
    results.check(server.request("GET", "/")[0] == 200, "the server still serves after the bad inputs")


def test_generated_round(results, server, binary, rows=10_000):
    folder = tempfile.mkdtemp()
    try:
        subprocess.run([binary, "generate", "--rows", str(rows), "--seed", "16", "-o", folder], check=True,
                       capture_output=True, timeout=600)
        files = files_of(folder)
        code, cli, _ = cli_report(binary, *[os.path.join(folder, name) for _, name, _ in files])
        same_report(results, server.check(files, timeout=600), cli, f"generated {rows}-row round")
    finally:
        shutil.rmtree(folder)


def test_cut_off_request(results, server):
    rounds = os.path.join(server.data, "data", "rounds")
    before = sorted(os.listdir(rounds)) if os.path.isdir(rounds) else []
    boundary = "cutoff"
    head = (f"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: 5000000\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            f"filename=\"半截.csv\"\r\n\r\n姓名,身份证号\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(head + b"x" * 100_000)
    # The server notices the closed connection and removes what it had received; give it up to 10 s.
    deadline = time.time() + 10
    while True:
        after = sorted(os.listdir(rounds)) if os.path.isdir(rounds) else []
        if after == before or time.time() > deadline:
            break
        time.sleep(0.1)
    results.check(after == before, f"a request cut off half way stores no round ({before} -> {after})")
    results.check(server.request("GET", "/")[0] == 200, "the server still serves after a cut-off request")


def test_concurrent_rounds(results, server, binary, clients=8, rounds=50):
    folder = tempfile.mkdtemp()
    try:
        variants = []
        for seed in range(5):
            sub = os.path.join(folder, str(seed))
            subprocess.run([binary, "generate", "--rows", str(60 + 40 * seed), "--seed", str(100 + seed), "-o", sub],
                           check=True, capture_output=True, timeout=300)
            files = files_of(sub)
            variants.append((files, cli_report(binary, *[os.path.join(sub, name) for _, name, _ in files])[1]))
        order = [random.Random(7).randrange(len(variants)) for _ in range(rounds)]
        answers = [None] * rounds
        lock = threading.Lock()
        next_round = [0]

        def client():
            while True:
                with lock:
                    k = next_round[0]
                    next_round[0] += 1
                if k >= rounds:
                    return
                answers[k] = server.check(variants[order[k]][0])

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        answered = sum(1 for a in answers if a is not None and a[0] == 200)
        results.check(answered == rounds, f"{clients} clients, {rounds} rounds: every one answered ({answered})")
        mixed = [k for k, a in enumerate(answers) if a is not None and a[1] != variants[order[k]][1]]
        results.check(not mixed, f"no answer belongs to another upload (mixed: {mixed[:5]})")

        # /api/run at once: distinct ids, each round's zip holds its own summary.
        ids = [None] * clients

        def runner(k):
            status, _, body = server.post_files("/api/run", variants[k % len(variants)][0])
            ids[k] = (status, json.loads(body).get("id") if status in (200, 201) else None)

        threads = [threading.Thread(target=runner, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        got = [i for s, i in ids if i]
        results.check(len(got) == clients and len(set(got)) == clients, f"/api/run gives {clients} distinct ids: {ids}")
        for k, (status, identifier) in enumerate(ids):
            if not identifier:
                continue
            status, headers, body = server.request("GET", f"/api/rounds/{identifier}/documents.zip")
            results.check(status == 200, f"documents.zip of round {k} is served ({status})")
            if status != 200:
                continue
            with zipfile.ZipFile(io.BytesIO(body)) as bundle:
                name = next((n for n in bundle.namelist() if n.endswith("manifest.json")), None)
                manifest = json.loads(bundle.read(name)) if name else {}
                expected = variants[k % len(variants)][1]["summary"]
                results.check(manifest.get("summary", {}).get("rows") == expected["rows"],
                              f"round {k}'s manifest holds its own rows ({manifest.get('summary')} vs {expected})")
    finally:
        shutil.rmtree(folder)


def test_memory_flat(results, server, binary, rounds=200):
    """The server gives every round back: resident memory after `rounds` within 10 % (+ 8 MB) of after 50."""
    folder = tempfile.mkdtemp()
    try:
        subprocess.run([binary, "generate", "--rows", "300", "--seed", "9", "-o", folder], check=True,
                       capture_output=True, timeout=300)
        files = files_of(folder)
        resident = {}
        for k in range(1, rounds + 1):
            status, _ = server.check(files)
            if status != 200:
                results.check(False, f"memory round {k} answered {status}")
                return
            if k in (50, rounds):
                resident[k] = server.resident_kb()
        limit = resident[50] * 1.10 + 8 * 1024
        results.check(resident[rounds] <= limit,
                      f"resident memory flat: {resident[50] // 1024} MB after 50 rounds, {resident[rounds] // 1024} MB after {rounds}")
        print(f"server resident memory: {resident[50] / 1024:.1f} MB after 50 rounds, {resident[rounds] / 1024:.1f} MB after {rounds}")
    finally:
        shutil.rmtree(folder)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else default_binary()
    rows = int(os.environ.get("ZIZHU_API_ROWS", "10000"))
    results = Results()
    server = Server(binary)
    try:
        for test in (lambda: test_samples(results, server, binary),
                     lambda: test_bad_inputs(results, server, binary),
                     lambda: test_generated_round(results, server, binary, rows),
                     lambda: test_cut_off_request(results, server),
                     lambda: test_concurrent_rounds(results, server, binary),
                     lambda: test_memory_flat(results, server, binary)):
            try:
                test()
            except Exception as error:  # one broken part must not hide the others
                import traceback
                traceback.print_exc()
                results.check(False, f"{error!r}")
        # No ID number (17 digits and a check character) and no card number (16–19 digits) in the log.
        leaked = re.findall(r"(?<!\d)(?:\d{17}[\dXx]|\d{16,19})(?!\d)", server.log_text())
        results.check(not leaked, f"the server's log holds no identifier ({len(leaked)} found)")
    finally:
        server.stop()
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
