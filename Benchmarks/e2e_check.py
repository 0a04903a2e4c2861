#!/usr/bin/env python3
"""End-to-end check of the validator against the generator's answer key (issue 3):
every planted anomaly is found, and no clean row gets an error finding.

    python3 Benchmarks/e2e_check.py [--rows 100000] [--seed 7] [--anomalies 0.05] [--zizhu PATH]
    python3 Benchmarks/e2e_check.py --dir GENERATED_DIR [--report REPORT.json]

Runs `zizhu generate --rows N --seed S --anomalies RATE -o DIR`, then `zizhu check DIR --format json`, and
compares the report with DIR/answers.json. A planted anomaly counts as found when a finding with its code
is reported on its (file, line) or names that row in `related` (a cross-row finding may be reported on
one row of the group). Files are compared by name. Exit 0 when both conditions hold, 1 when not, 2 when the
check could not run. Warnings on clean rows are listed (they should be rare) but only fail with --strict.

TODO(integrator): once the validator is merged, port this to
Tests/ZizhuGenerateTests/PlantedAnomaliesEndToEndTests.swift over 100,000 rows (RosterGenerator.generate,
then the library's check API, then the same comparison).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def name(path):
    return os.path.basename(path or "")


def main():
    parser = argparse.ArgumentParser(description="every planted anomaly found, no error on a clean row")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--anomalies", type=float, default=0.05)
    parser.add_argument("--zizhu", default=os.path.join(ROOT, ".build", "release", "zizhu"))
    parser.add_argument("--dir", help="an already generated folder (skips generate)")
    parser.add_argument("--report", help="an existing `zizhu check --format json` report of --dir (skips check)")
    parser.add_argument("--strict", action="store_true", help="warnings on clean rows fail too")
    parser.add_argument("--show", type=int, default=10, help="examples to print per problem")
    args = parser.parse_args()

    work = args.dir or tempfile.mkdtemp(prefix="zizhu-e2e-")
    try:
        if not args.dir:
            subprocess.run([args.zizhu, "generate", "--rows", str(args.rows), "--seed", str(args.seed),
                            "--anomalies", str(args.anomalies), "-o", work], check=True, stdout=subprocess.DEVNULL)
        if args.report:
            with open(args.report, encoding="utf-8") as f:
                report = json.load(f)
        else:
            done = subprocess.run([args.zizhu, "check", work, "--format", "json"], capture_output=True)
            if done.returncode not in (0, 1):
                print(f"zizhu check failed (exit {done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
                return 2
            report = json.loads(done.stdout)
        with open(os.path.join(work, "answers.json"), encoding="utf-8") as f:
            key = json.load(f)
    except (OSError, subprocess.CalledProcessError, ValueError) as problem:
        print(f"cannot run the check: {problem}")
        return 2

    planted = {(a["file"], a["line"], a["code"]) for a in key["anomalies"]}
    planted_rows = {(f, l) for f, l, _ in planted}
    found = set()
    errors_on_clean, warnings_on_clean, file_errors = [], collections.Counter(), []
    warning_examples = collections.defaultdict(list)
    for finding in report.get("findings", []):
        code, line, file = finding.get("code"), finding.get("line"), name(finding.get("file"))
        severity = finding.get("severity")
        if line is None:
            if severity == "error":
                file_errors.append(finding)
            continue
        found.add((file, line, code))
        for other in finding.get("related") or []:
            found.add((name(other.get("file")), other.get("line"), code))
        if (file, line) not in planted_rows:
            if severity == "error":
                errors_on_clean.append(finding)
            elif severity == "warning":
                warnings_on_clean[code] += 1
                warning_examples[code].append(f"{file}:{line}")

    missed = sorted(planted - found)
    by_code = collections.Counter(code for _, _, code in planted)
    missed_by_code = collections.Counter(code for _, _, code in missed)
    print(f"{key['rows']:,} rows in {len(key['files'])} sheets, {len(planted):,} planted anomalies "
          f"on {len(planted_rows):,} rows")
    print(f"{'code':28} {'planted':>8} {'found':>8} {'missed':>8}")
    for code in sorted(by_code):
        print(f"{code:28} {by_code[code]:8} {by_code[code] - missed_by_code[code]:8} {missed_by_code[code]:8}")
    summary = report.get("summary", {})
    if summary.get("rows") != key["rows"]:
        print(f"report counts {summary.get('rows')} rows, the generator wrote {key['rows']}")

    ok = not missed and not errors_on_clean and not file_errors and summary.get("rows") == key["rows"]
    for label, items in (("missed", [f"{f}:{l} {c}" for f, l, c in missed]),
                         ("errors on clean rows", [f"{name(x['file'])}:{x['line']} {x['code']}" for x in errors_on_clean]),
                         ("file-level errors", [f"{name(x['file'])} {x['code']}" for x in file_errors])):
        if items:
            print(f"{label}: {len(items)}")
            for item in items[:args.show]:
                print(f"  {item}")
    if warnings_on_clean:
        print(f"warnings on clean rows: {sum(warnings_on_clean.values())}")
        for code, count in warnings_on_clean.most_common():
            print(f"  {code}: {count} (e.g. {', '.join(warning_examples[code][:3])})")
        ok = ok and not args.strict
    print("PASS" if ok else "FAIL")
    if not args.dir:
        print(f"(generated folder kept at {work})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
