#!/usr/bin/env python3
"""Cross-check benchmark (issue 8): an enrolment roster, assistance lists and applications at school-district
scale, timed through the CLI with peak memory from os.wait4.

Default scale: 200,000 enrolled students, 500,000 people on three assistance lists (低保 household list,
脱贫户 list, 残疾人 list; household heads are not students), 50,000 applications in 50 class files.
About 3 % of the applicants are not enrolled or inactive, 2 % differ in name or class, and a share of the
listed students do not apply (they are what `zizhu missed` finds).

    python3 Benchmarks/crosscheck_bench.py                 # full scale, debug build (.build/debug/zizhu)
    python3 Benchmarks/crosscheck_bench.py --scale 0.1     # a tenth
    python3 Benchmarks/crosscheck_bench.py --binary .build/release/zizhu

Measured 2026-11-29 on the shared 2-core machine, DEBUG build (no release builds allowed there), full scale:
  check 50k applications without references   6.4 s wall (4.0 s user),  68 MB peak
  check … --enrolment --evidence ×3          71.6 s wall (46.7 s user), 282 MB peak
  missed --enrolment --evidence ×3 (50k apps) 60.3 s wall (40.0 s user), 252 MB peak, 43,339 students listed
Almost all of the extra time is reading the 700,000 reference rows through RosterReader (debug build); the
joins themselves are one hash lookup per row.
Again after the per-class counts (check now also runs the missed join and the proof hook), same machine,
debug, load average ≈ 7:
  check 50k applications without references   5.2 s wall (3.1 s user),  69 MB peak
  check … --enrolment --evidence ×3          77.9 s wall (46.2 s user), 297 MB peak; crossCheck totals:
                                             39,870 verified, 1,249 unverified, 2,005 not enrolled, 43,339 missed
  missed --enrolment --evidence ×3 (50k apps) 59.3 s wall (34.6 s user), 259 MB peak, 43,339 students listed

Data goes to Benchmarks/data/crosscheck/ (git-ignored, rewritten on each run); results are printed and
written to Benchmarks/results/crosscheck_bench.json.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "子欣梓浩雨宇诗俊思佳若天晨可博嘉一婉志梦明文晓雅睿泽安心紫书语乐昊辰景立家"


def rid(region, birth, seq):
    body = f"{region}{birth}{seq:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, W)) % 11]


def person_id(n, adult=False):
    """A unique, valid ID for person n (students born 2008-2010, adults 1970-1985)."""
    region = ("370102", "370112", "370124", "371521")[n % 4]
    k = n // 4
    year = (1970 + k % 16) if adult else (2008 + k % 3)
    k //= 16 if adult else 3
    month, day = 1 + k % 12, 1 + (k // 12) % 28
    seq = (k // 336) % 1000
    return rid(region, f"{year}{month:02d}{day:02d}", seq)


def name(n):
    return SURNAMES[n % 20] + GIVEN[(n // 20) % len(GIVEN)] + GIVEN[(n // 700) % len(GIVEN)]


def generate(folder, students, listed, applications):
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))
    rng = random.Random(8)
    classes = [(g, f"{g}({c})班") for g in ("高一", "高二", "高三") for c in range(1, 21)]
    # Student k: ID from the "student" space (distinct from adults: offset).
    sid = lambda k: person_id(k)
    klass = lambda k: classes[k % len(classes)]
    with open(os.path.join(folder, "在校生信息.csv"), "w", encoding="gb18030", newline="") as f:
        f.write("示例县在校生信息,,,,,,,\r\n\r\n序号,姓名,性别,全国学籍号,身份证号,年级,班级,学籍状态\r\n")
        for k in range(students):
            i = sid(k)
            status = "休学" if k % 97 == 0 else "在读"
            g, c = klass(k)
            f.write(f"{k + 1},{name(k)},{'男' if int(i[16]) % 2 else '女'},G{i},{i},{g},{c},{status}\r\n")
    # Lists: each listed row is a household member; students among them are the first `listed_students`.
    listed_students = min(students, max(applications * 2, listed // 5))
    per_list = [listed * 2 // 5, listed * 2 // 5, listed - 2 * (listed * 2 // 5)]
    kinds = [("低保", "低保名单.csv"), ("脱贫户", "脱贫户名单.csv"), ("残疾", "残疾人名单.csv")]
    categories = {"低保": "低保", "脱贫户": "脱贫家庭", "残疾": "残疾学生"}
    on_list = {}  # student k -> kind
    adult = 0
    for (kind, file), rows in zip(kinds, per_list):
        with open(os.path.join(folder, file), "w", encoding="utf-8-sig", newline="") as f:
            f.write(f"{kind}对象花名册,,,,\r\n序号,户主姓名,户主身份证号,成员姓名,与户主关系,成员身份证号码\r\n")
            for r in range(rows):
                head = person_id(adult, adult=True)
                adult += 1
                if r % 3 == 0:   # a student member
                    k = rng.randrange(listed_students)
                    on_list.setdefault(k, kind)
                    f.write(f"{r + 1},{name(adult + 7)},{head},{name(k)},子女,{sid(k)}\r\n")
                else:
                    f.write(f"{r + 1},{name(adult + 7)},{head},{name(adult + 7)},本人,{head}\r\n")
    # Applications: mostly listed students claiming their category, some others, some not enrolled.
    listed_keys = list(on_list)
    rng.shuffle(listed_keys)
    chosen = listed_keys[: applications * 7 // 10]
    others = rng.sample(range(students), applications - len(chosen))
    per_file = max(1, applications // 50)
    rows = []
    for n, k in enumerate(chosen + others):
        g, c = klass(k)
        i, nm = sid(k), name(k)
        category = categories[on_list[k]] if k in on_list else "其他"
        if n % 33 == 0:
            i = person_id(students + 10_000_000 + n)  # not enrolled
        elif n % 50 == 1:
            nm = nm[0] + "某" + nm[2:]               # name differs
        elif n % 50 == 2:
            c = g + "(99)班"                           # class differs
        rows.append((nm, i, g, c, category))
    header = "序号,姓名,性别,身份证号,年级,班级,困难类型,困难等级,资助金额,申请表,户口本,身份证复印件,困难证明\r\n"
    for f_no in range(0, len(rows), per_file):
        chunk = rows[f_no: f_no + per_file]
        with open(os.path.join(folder, f"申请{f_no // per_file + 1:03d}.csv"), "w", encoding="utf-8-sig",
                  newline="") as f:
            f.write(header)
            for s, (nm, i, g, c, category) in enumerate(chunk, 1):
                f.write(f"{s},{nm},{'男' if int(i[16]) % 2 else '女'},{i},{g},{c},{category},特别困难,1500,有,有,有,有\r\n")
    return kinds


def timed(command):
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=devnull)
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return {"seconds": round(elapsed, 2), "user": round(usage.ru_utime, 2), "sys": round(usage.ru_stime, 2),
            "peakMB": round(usage.ru_maxrss / 1024, 1), "exit": os.waitstatus_to_exitcode(status)}, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "zizhu"))
    args = parser.parse_args()
    students, listed, applications = (int(200_000 * args.scale), int(500_000 * args.scale),
                                      int(50_000 * args.scale))
    folder = os.path.join(ROOT, "Benchmarks", "data", "crosscheck")
    t0 = time.perf_counter()
    kinds = generate(folder, students, listed, applications)
    print(f"generated {students} students, {listed} listed, {applications} applications "
          f"in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    apps = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith("申请"))
    refs = ["--enrolment", os.path.join(folder, "在校生信息.csv")]
    for kind, file in kinds:
        refs += ["--evidence", f"{kind}={os.path.join(folder, file)}"]
    results = {"students": students, "listed": listed, "applications": applications, "binary": args.binary}
    base, _ = timed([args.binary, "check", *apps, "--format", "json", "--no-archive"])
    results["checkWithout"] = base
    cross, out = timed([args.binary, "check", *apps, "--format", "json", "--no-archive", *refs])
    results["checkCross"] = cross
    try:
        counts = {}
        report = json.loads(out)
        # The per-class counts of the report, summed; `missed` must equal what `zizhu missed` lists.
        results["crossCheckTotals"] = report.get("crossCheck", {}).get("totals")
        for finding in report["findings"]:
            if finding["code"] in ("not-enrolled", "enrolment-mismatch", "category-unverified", "category-verified"):
                counts[finding["code"]] = counts.get(finding["code"], 0) + 1
        results["crossFindings"] = counts
    except (ValueError, KeyError):
        results["crossFindings"] = "report not parseable"
    missed, out = timed([args.binary, "missed", *apps, *refs, "-o", os.path.join(folder, "out-未申请名单.xlsx")])
    results["missed"] = missed
    results["missedSummary"] = out.decode("utf-8", "replace").strip().splitlines()[-1:] if out else []
    os.makedirs(os.path.join(ROOT, "Benchmarks", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "Benchmarks", "results", "crosscheck_bench.json"), "w") as f:
        json.dump(results, f, ensure_ascii=False, indent=2)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
