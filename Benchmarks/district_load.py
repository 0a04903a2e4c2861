#!/usr/bin/env python3
"""A district's server under load, loopback only: 50 schools of 2,000 rows each upload and submit at once into one
`zizhu serve` on a real PostgreSQL (started for the run and stopped after it).

Each school's roster is generated (`zizhu generate`, a seed per school) and gets a sheet of `--planted` pupils
copied from the previous school's first UTF-8 sheet (双学籍 between them). The run measures, for the uploads
(`POST /api/run`) and then for the submits (`POST /api/rounds/{id}/submit`), every request's latency (p50, p95,
max) and the throughput, then checks that every round is stored once with every row (rows = accepted +
returned, the database's rows = the accepted ones), and that every planted pupil is found on both sides:
`duplicate-id-across-schools` on the copied line naming the school it came from, and on the original line
naming the school it went to.

    python3 Benchmarks/district_load.py [--binary .build/release/zizhu] [--schools 50] [--rows 2000] [--planted 5]

Exits 1 when anything was lost or a planted duplicate was missed.
"""
import argparse
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "serve"))
from serve_support import sample_files  # noqa: E402
from district_support import Browser, Postgres, district_server, person_password, set_up_district  # noqa: E402


def school(number):
    return (f"S{number:03d}", f"示例县第{number}学校", f"clerk-{number:03d}")


def rosters(binary, count, rows, planted, folder):
    """Per school: its files, and the planted pupils it received ((source school, source file, source line,
    line in the copy))."""
    generated = []
    for number in range(1, count + 1):
        out = os.path.join(folder, f"school-{number:03d}")
        subprocess.run([binary, "generate", "--rows", str(rows), "--seed", str(1000 + number), "--anomalies", "0",
                        "-o", out], check=True, capture_output=True, timeout=600)
        generated.append(out)
    schools = []
    for index, out in enumerate(generated):
        files = sample_files(out)
        source = generated[index - 1]
        answers = json.load(open(os.path.join(source, "answers.json")))
        unclean = {(a["file"], a["line"]) for a in answers["anomalies"]}
        sheet = next(f["file"] for f in answers["files"] if f["layout"] == "utf8-bom-csv")
        lines = list(csv.reader(io.StringIO(open(os.path.join(source, sheet), encoding="utf-8-sig").read())))
        header, picked = lines[0], []
        for line, row in enumerate(lines[1:], start=2):
            if (sheet, line) not in unclean and len(picked) < planted:
                picked.append((line, row))
        copy = io.StringIO()
        csv.writer(copy, lineterminator="\r\n").writerows([header] + [row for _, row in picked])
        name = f"转入学生-{index:03d}.csv"
        files.append(("files", name, ("\ufeff" + copy.getvalue()).encode("utf-8")))
        came_from = (index - 1) % count
        schools.append((files, [(came_from, sheet, line, copy_line) for copy_line, (line, _) in
                                enumerate(picked, start=2)], name))
    return schools


def timed(results, index, call):
    start = time.perf_counter()
    outcome = call()
    results[index] = (time.perf_counter() - start, outcome)


def all_at_once(calls):
    results = [None] * len(calls)
    threads = [threading.Thread(target=timed, args=(results, i, call)) for i, call in enumerate(calls)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(900)
    return time.perf_counter() - start, results


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(what, wall, results, rows):
    latencies = [r[0] for r in results if r]
    print(f"{what}: {len(latencies)} requests in {wall:.1f} s — {len(latencies) / wall:.2f} requests/s, "
          f"{rows / wall:,.0f} rows/s; latency p50 {statistics.median(latencies):.1f} s, "
          f"p95 {percentile(latencies, 0.95):.1f} s, max {max(latencies):.1f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "zizhu"))
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--planted", type=int, default=5)
    arguments = parser.parse_args()
    count = arguments.schools
    folder = tempfile.mkdtemp(prefix="zizhu-district-load-")
    postgres = Postgres()
    server = None
    failures = []
    try:
        print(f"generating {count} rosters of {arguments.rows} rows …", flush=True)
        schools = rosters(arguments.binary, count, arguments.rows, arguments.planted, folder)
        server = district_server(arguments.binary, postgres)
        people = [school(n) for n in range(1, count + 1)]
        set_up_district(server, schools=people, reviewers=["reviewer"])
        clerks = []
        for code, name, login in people:
            browser = Browser(server)
            assert browser.sign_in(login, person_password(login)), login
            clerks.append(browser)
        total_rows = sum(arguments.rows + arguments.planted for _ in schools)

        wall, uploads = all_at_once([lambda b=b, s=s: b.upload(s[0]) for b, s in zip(clerks, schools)])
        report("upload (POST /api/run)", wall, uploads, total_rows)
        rounds = []
        for index, result in enumerate(uploads):
            status, answer = result[1] if result else (None, None)
            if status != 201:
                failures.append(f"school {index + 1}: upload answered {status}: {str(answer)[:200]}")
                rounds.append(None)
                continue
            summary = answer["summary"]
            if summary["rows"] != arguments.rows + arguments.planted or summary["rows"] != summary["accepted"] + summary["returned"]:
                failures.append(f"school {index + 1}: rows {summary}")
            rounds.append(answer)

        wall, submits = all_at_once([lambda b=b, r=r: b.api("POST", f"/api/rounds/{r['id']}/submit")
                                     for b, r in zip(clerks, rounds) if r])
        report("submit (POST /api/rounds/{id}/submit)", wall, submits, total_rows)
        for result in submits:
            if not result or result[1][0] != 200:
                failures.append(f"a submit answered {result[1][0] if result else None}")

        stored = postgres.psql("SELECT count(*) || ' ' || count(DISTINCT school_code) FROM zizhu.round")
        if stored != f"{count} {count}":
            failures.append(f"rounds stored: {stored} (expected {count} of {count} schools)")
        accepted = sum(r["summary"]["accepted"] for r in rounds if r)
        in_database = int(postgres.psql("SELECT count(*) FROM zizhu.round_row"))
        if in_database != accepted:
            failures.append(f"accepted rows {accepted}, rows in the database {in_database}")

        reviewer = Browser(server)
        reviewer.sign_in("reviewer", person_password("reviewer"))
        findings = {}
        for index, answer in enumerate(rounds):
            if answer:
                status, seen = reviewer.api("GET", f"/api/rounds/{answer['id']}")
                findings[index] = [f for f in seen.get("crossSchool", []) if f["code"] == "duplicate-id-across-schools"]
        planted = found = 0
        for index, (_, received, copy_name) in enumerate(schools):
            for came_from, sheet, line, copy_line in received:
                planted += 1
                here = any(f["file"] == copy_name and f.get("line") == copy_line and people[came_from][1] in f["school"]
                           for f in findings.get(index, []))
                there = any(f["file"] == sheet and f.get("line") == line and people[index][1] in f["school"]
                            for f in findings.get(came_from, []))
                if here and there:
                    found += 1
                else:
                    failures.append(f"planted pupil school {came_from + 1} {sheet}:{line} → school {index + 1} "
                                    f"{copy_name}:{copy_line} found here {here}, there {there}")
        # Every accepted row whose ID another school also has, counted by the database itself: the findings must
        # be exactly these (the planted ones and any ID the generator happened to give two schools).
        expected = int(postgres.psql("""
            SELECT count(*) FROM zizhu.round_row x JOIN zizhu.round r ON r.id = x.round_id
            WHERE EXISTS (SELECT 1 FROM zizhu.round_row y JOIN zizhu.round o ON o.id = y.round_id
                          WHERE y.id_number = x.id_number AND o.school_code <> r.school_code)"""))
        reported = sum(len(f) for f in findings.values())
        if reported != expected:
            failures.append(f"duplicate-id-across-schools findings {reported}, rows with an ID of another school {expected}")
        print(f"stored: {stored.split()[0]} rounds of {count} schools, {in_database:,} accepted rows; "
              f"planted 双学籍 {planted}, found on both sides {found}; duplicate-id-across-schools findings "
              f"{reported} = rows whose ID another school has {expected} ({reported - 2 * planted} not planted)")

        # The inspector's view of the whole district: the page, then its two workbooks (each the median of 5).
        month = rounds[0]["createdAt"][:7] if rounds and rounds[0] else ""
        for what, path in (("区内汇总 page", "/district?sort=amount&order=desc"),
                           ("汇总表.xlsx", "/district/summary.xlsx"),
                           (f"通报.xlsx ({month})", f"/district/bulletin.xlsx?month={month}")):
            times = []
            for _ in range(5):
                started = time.perf_counter()
                status, _, body = reviewer.get(path)
                times.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(f"{path}: {status}")
            times.sort()
            print(f"{what}: {len(body):,} bytes, median {times[2] * 1000:.0f} ms of 5 ({count} schools)")
        status, _, page = reviewer.get("/district")
        lines = page.decode().split("<tbody>", 1)[-1].split("</tbody>", 1)[0].count("<tr")
        if lines != count:
            failures.append(f"区内汇总 has {lines} school lines, not {count}")
        total = page.decode().split("<tfoot>", 1)[-1].split("</tfoot>", 1)[0]
        if f"<td>{accepted}</td>" not in total:
            failures.append(f"区内汇总's 合计 does not show the {accepted} accepted rows")
    finally:
        if server:
            server.stop()
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
    for failure in failures[:20]:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
