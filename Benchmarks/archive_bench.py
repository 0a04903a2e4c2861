#!/usr/bin/env python3
"""Archive scale benchmark: checking a submission against archives of growing size, on SQLite and PostgreSQL.

For each engine (default both) and archive size (default 50k, 500k and 5M payments) it
  1. has zizhu create an empty archive (the test entry `ArchiveScaleBenchmark`, run through
     `swift test --filter ArchiveScaleBenchmark` with ZIZHU_ARCHIVE_BENCH=path), so the schema comes from
     the migrations themselves;
  2. checks that schema against what this script writes (application id, schema version, columns) and
     stops if they differ: update EXPECTED_* below together with a new migration;
  3. fills it with generated batches and payments — SQLite through Python's sqlite3, PostgreSQL with SQL that
     generates the same rows on the server (psql) — indexes dropped during the load and re-created from the
     archive's own index definitions;
  4. writes a submission (default 100,000 rows; about half already in the archive, some in this round,
     some at another school, some cards of other students) and has zizhu check it, timing three runs.

The check's cost should follow the submission, not the archive: compare the rows of the table.

    python3 Benchmarks/archive_bench.py                       # debug build, both engines, 50k/500k/5M, 100k rows
    python3 Benchmarks/archive_bench.py --configuration release --sizes 100000,5000000
    python3 Benchmarks/archive_bench.py --engines postgres --database-url postgres://me@127.0.0.1/postgres

PostgreSQL: without --database-url the script starts a server of its own (Tests/postgres/server.sh, in /tmp)
and stops it at the end; each archive size is a database `zizhu_bench_<size>` on it.
SQLite archives are kept in Benchmarks/data/archive/ (git-ignored) and reused when their row count matches;
results go to Benchmarks/results/archive_bench.json.
"""

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# What ArchiveSchema.swift (and PostgresSchema.swift) set. Change these with a new migration (and the generators
# below if needed).
EXPECTED_APPLICATION_ID = 0x5A5A4855  # "ZZHU"
EXPECTED_SCHEMA_VERSION = 2
EXPECTED_POSTGRES_VERSION = 1
EXPECTED_COLUMNS = {
    "batch": ["id", "school", "program", "term", "year", "recorded_at", "rows", "total_fen", "input_hash",
              "output_hash", "label", "kind"],
    "payment": ["id", "batch_id", "school", "program", "term", "year", "class", "id_number", "name",
                "amount_fen", "card", "source_file", "source_line"],
}

ROUND = ("基准中学", "普通高中国家助学金", "秋季学期", 2026)
SCHOOLS = ["基准中学"] + ["示例县第%d中学" % n for n in range(2, 41)]
PROGRAMS = ["普通高中国家助学金", "免学费", "中职国家助学金"]
TERMS = ["春季学期", "秋季学期"]
YEARS = list(range(2019, 2027))
BATCH_ROWS = 1000
PAYMENTS_PER_STUDENT = 4


def student_id(k):
    """An 18-digit ID of the right shape (the check matches IDs; it does not validate them)."""
    return "37%016d" % k


def student_card(k):
    return "622848%013d" % k


# MARK: PostgreSQL

def psql(url, sql, quiet=True):
    """Runs SQL (several statements) with psql; returns its unaligned output."""
    command = ["psql", url, "-X", "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A"]
    result = subprocess.run(command, input=sql, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit("psql failed: " + result.stderr.strip())
    return result.stdout.strip()


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def postgres_rows(url):
    try:
        out = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-c", "SELECT count(*) FROM zizhu.payment"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return int(out.stdout.strip()) if out.returncode == 0 else -1
    except ValueError:
        return -1


def verify_postgres_schema(url):
    version = int(psql(url, "SELECT max(version) FROM zizhu.schema_version"))
    problems = []
    if version != EXPECTED_POSTGRES_VERSION:
        problems.append("schema_version %d, expected %d" % (version, EXPECTED_POSTGRES_VERSION))
    for table, expected in EXPECTED_COLUMNS.items():
        columns = psql(url, "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                            "information_schema.columns WHERE table_schema = 'zizhu' AND table_name = '%s'" % table)
        if columns.split(",") != expected:
            problems.append("%s columns %s, expected %s" % (table, columns, expected))
    if problems:
        sys.exit("the PostgreSQL archive schema differs from what archive_bench.py writes: " + "; ".join(problems))


def sql_array(values):
    return "ARRAY[%s]" % ",".join("'%s'" % v for v in values)


def fill_postgres(url, payments):
    """The rows `fill` writes to SQLite, generated on the server: the same batches, students, cards and lines."""
    students = max(1, payments // PAYMENTS_PER_STUDENT)
    school, program, term, year = ROUND
    indexes = psql(url, "SELECT indexname || '|' || indexdef FROM pg_indexes WHERE schemaname = 'zizhu' "
                        "AND tablename = 'payment' AND indexname <> 'payment_pkey'").splitlines()
    drops = "".join("DROP INDEX zizhu.%s;\n" % line.split("|", 1)[0] for line in indexes)
    creates = "".join(line.split("|", 1)[1] + ";\n" for line in indexes)
    batches = (payments + BATCH_ROWS - 1) // BATCH_ROWS
    psql(url, """
        SET maintenance_work_mem = '1GB';
        BEGIN;
        %(drops)s
        INSERT INTO zizhu.batch (id, school, program, term, year, recorded_at, rows, total_fen, input_hash,
                                 output_hash, label, kind) OVERRIDING SYSTEM VALUE
        SELECT n + 1, school, program, term, year,
               year || CASE WHEN term = '春季学期' THEN '-03' ELSE '-09' END || '-15T10:00:00+08:00',
               count, count * 115000, 'bench-' || n, '', '基准批次 ' || n, 'round'
        FROM (SELECT n, least(%(batch_rows)d, %(payments)d - n * %(batch_rows)d) AS count, school, program, term,
                     CASE WHEN school = '%(r_school)s' AND program = '%(r_program)s' AND term = '%(r_term)s'
                          AND year0 = %(r_year)d THEN 2025 ELSE year0 END AS year
              FROM (SELECT n, (%(schools)s)[n %% %(n_schools)d + 1] AS school,
                           (%(programs)s)[(n / %(n_schools)d) %% %(n_programs)d + 1] AS program,
                           (%(terms)s)[n %% 2 + 1] AS term,
                           (ARRAY[%(years)s])[(n / 7) %% %(n_years)d + 1] AS year0
                    FROM generate_series(0, %(last_batch)d) n) named) counted;
        INSERT INTO zizhu.payment (batch_id, school, program, term, year, class, id_number, name, amount_fen, card,
                                   source_file, source_line)
        SELECT b.id, b.school, b.program, b.term, b.year,
               '高' || (ARRAY['一', '二', '三'])[k %% 3 + 1] || '(' || (k %% 12 + 1) || ')班',
               '37' || lpad(k::text, 16, '0'), '学生' || k, 115000, '622848' || lpad(k::text, 13, '0'), '基准.csv',
               i + 2
        FROM (SELECT w %% %(students)d AS k, w %% %(batch_rows)d AS i, w / %(batch_rows)d + 1 AS batch_id
              FROM generate_series(0::bigint, %(payments)d - 1) w) x
        JOIN zizhu.batch b ON b.id = x.batch_id;
        SELECT setval(pg_get_serial_sequence('zizhu.batch', 'id'), (SELECT max(id) FROM zizhu.batch));
        %(creates)s
        COMMIT;
        """ % {"drops": drops, "creates": creates, "batch_rows": BATCH_ROWS, "payments": payments,
               "students": students, "r_school": school, "r_program": program, "r_term": term, "r_year": year,
               "schools": sql_array(SCHOOLS), "n_schools": len(SCHOOLS), "programs": sql_array(PROGRAMS),
               "n_programs": len(PROGRAMS), "terms": sql_array(TERMS), "years": ",".join(map(str, YEARS)),
               "n_years": len(YEARS), "last_batch": batches - 1})
    return students


def plant_round_postgres(url, planted):
    school, program, term, year = ROUND
    for label, where in (("repeat", school), ("elsewhere", SCHOOLS[1])):
        chosen = planted[label]
        paid_program = program if label == "repeat" else "免学费"
        psql(url, """
            BEGIN;
            WITH b AS (
                INSERT INTO zizhu.batch (school, program, term, year, recorded_at, rows, total_fen, input_hash,
                                         output_hash, label, kind)
                VALUES ('%(where)s', '%(program)s', '%(term)s', %(year)d, '2026-09-20T10:00:00+08:00', %(count)d,
                        %(count)d * 115000, 'bench-planted-%(label)s', '', '基准已发放 %(label)s', 'round')
                RETURNING id)
            INSERT INTO zizhu.payment (batch_id, school, program, term, year, class, id_number, name, amount_fen, card)
            SELECT b.id, '%(where)s', '%(program)s', '%(term)s', %(year)d, '高一(1)班', '37' || lpad(k::text, 16, '0'),
                   '学生' || k, 115000, '622848' || lpad(k::text, 13, '0')
            FROM b, unnest(ARRAY[%(chosen)s]::bigint[]) k;
            COMMIT;
            ANALYZE zizhu.batch;
            ANALYZE zizhu.payment;
            """ % {"where": where, "program": paid_program, "term": term, "year": year, "count": len(chosen),
                   "label": label, "chosen": ",".join(map(str, chosen))})


class PostgresServer:
    """The server named by --database-url, or one started for this run (and stopped at its end)."""

    def __init__(self, url):
        self.directory = None
        if url:
            self.url = url
            return
        self.directory = tempfile.mkdtemp(prefix="zizhu-bench-postgres-")
        os.rmdir(self.directory)
        script = os.path.join(ROOT, "Tests", "postgres", "server.sh")
        self.url = subprocess.run([script, "start", self.directory], check=True, stdout=subprocess.PIPE,
                                  text=True).stdout.strip()

    def stop(self):
        if self.directory:
            subprocess.run([os.path.join(ROOT, "Tests", "postgres", "server.sh"), "stop", self.directory])


def run_swift_entry(configuration, env_extra):
    env = dict(os.environ)
    env.update(env_extra)
    command = ["swift", "test", "--skip-build", "-c", configuration, "--filter", "ArchiveScaleBenchmark"]
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-4000:])
        sys.exit("the ArchiveScaleBenchmark entry failed")


def verify_schema(con):
    application_id = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    problems = []
    if application_id != EXPECTED_APPLICATION_ID:
        problems.append("application_id %#x, expected %#x" % (application_id, EXPECTED_APPLICATION_ID))
    if version != EXPECTED_SCHEMA_VERSION:
        problems.append("user_version %d, expected %d" % (version, EXPECTED_SCHEMA_VERSION))
    for table, expected in EXPECTED_COLUMNS.items():
        columns = [row[1] for row in con.execute("PRAGMA table_info(%s)" % table)]
        if columns != expected:
            problems.append("%s columns %s, expected %s" % (table, columns, expected))
    if problems:
        sys.exit("the archive schema differs from what archive_bench.py writes: " + "; ".join(problems))


def fill(con, payments):
    """`payments` rows in batches of BATCH_ROWS: each student paid PAYMENTS_PER_STUDENT times over the years."""
    students = max(1, payments // PAYMENTS_PER_STUDENT)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -262144")
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payment' AND sql IS NOT NULL"
    ).fetchall()
    con.execute("BEGIN")
    for name, _ in indexes:
        con.execute("DROP INDEX %s" % name)
    written = 0
    batch_number = 0
    while written < payments:
        count = min(BATCH_ROWS, payments - written)
        school = SCHOOLS[batch_number % len(SCHOOLS)]
        program = PROGRAMS[(batch_number // len(SCHOOLS)) % len(PROGRAMS)]
        term = TERMS[batch_number % 2]
        year = YEARS[(batch_number // 7) % len(YEARS)]
        if (school, program, term, year) == ROUND:
            year = 2025  # this round is not paid yet, except by the planted rows of the submission
        cur = con.execute(
            "INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash, output_hash, "
            "label, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, 'round')",
            (school, program, term, year, "%d-%02d-15T10:00:00+08:00" % (year, 3 if term == "春季学期" else 9),
             count, count * 115000, "bench-%d" % batch_number, "基准批次 %d" % batch_number))
        batch = cur.lastrowid
        rows = []
        for i in range(count):
            k = (written + i) % students
            rows.append((batch, school, program, term, year, "高%s(%d)班" % ("一二三"[k % 3], k % 12 + 1),
                         student_id(k), "学生%d" % k, 115000, student_card(k), "基准.csv", i + 2))
        con.executemany(
            "INSERT INTO payment (batch_id, school, program, term, year, class, id_number, name, amount_fen, card, "
            "source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        written += count
        batch_number += 1
    for _, sql in indexes:
        con.execute(sql)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return students


def planted_students(seed, students):
    """The students already paid in this round: at this school (repeat-aid) and at another (enrolled-elsewhere)."""
    rng = random.Random(seed)
    chosen = rng.sample(range(students), min(students, 4000))
    return {"repeat": chosen[0::2], "elsewhere": chosen[1::2]}


def plant_round(con, planted):
    """A batch of this round at this school and one at another school, for repeat-aid and enrolled-elsewhere."""
    school, program, term, year = ROUND
    for label, where in (("repeat", school), ("elsewhere", SCHOOLS[1])):
        chosen = planted[label]
        con.execute("BEGIN")
        cur = con.execute(
            "INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash, output_hash, "
            "label, kind) VALUES (?, ?, ?, ?, '2026-09-20T10:00:00+08:00', ?, ?, ?, '', ?, 'round')",
            (where, program if label == "repeat" else "免学费", term, year, len(chosen), len(chosen) * 115000,
             "bench-planted-" + label, "基准已发放 " + label))
        con.executemany(
            "INSERT INTO payment (batch_id, school, program, term, year, class, id_number, name, amount_fen, card) "
            "VALUES (?, ?, ?, ?, ?, '高一(1)班', ?, ?, 115000, ?)",
            [(cur.lastrowid, where, program if label == "repeat" else "免学费", term, year, student_id(k),
              "学生%d" % k, student_card(k)) for k in chosen])
        con.execute("COMMIT")


def write_submission(path, rows, students, planted, rng):
    """Half the rows are students of the archive (1 in 10 of them already paid in this round here, 1 in 10
    at another school; 1 in 50 with another student's card), half are new students."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(rows):
            if i % 2 == 0:
                if i % 20 == 0:
                    k = rng.choice(planted["repeat"])
                elif i % 20 == 2:
                    k = rng.choice(planted["elsewhere"])
                else:
                    k = rng.randrange(students)
                card = student_card(rng.randrange(students)) if i % 100 == 4 else student_card(k)
            else:
                k = 10**12 + i
                card = student_card(k)
            out.write("%s\t%s\t学生%d\n" % (student_id(k), card, k))


def archive_rows(path):
    if not os.path.exists(path):
        return -1
    try:
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        return con.execute("SELECT count(*) FROM payment").fetchone()[0]
    except sqlite3.Error:
        return -1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50000,500000,5000000", help="archive sizes in payments")
    parser.add_argument("--submissions", default="100000", help="submission sizes in rows")
    parser.add_argument("--configuration", default="debug", choices=["debug", "release"])
    parser.add_argument("--skip-build", action="store_true", help="the test product is already built")
    parser.add_argument("--workdir", default=os.path.join(ROOT, "Benchmarks", "data", "archive"))
    parser.add_argument("--fresh", action="store_true", help="regenerate archives even when they exist")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engines", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument("--database-url", help="a PostgreSQL server to use (default: start one for this run)")
    args = parser.parse_args()
    engines = args.engines.split(",")
    sizes = [int(s) for s in args.sizes.split(",")]
    submissions = [int(s) for s in args.submissions.split(",")]
    os.makedirs(args.workdir, exist_ok=True)

    if not args.skip_build:
        command = ["swift", "build", "-c", args.configuration, "--build-tests"]
        if args.configuration == "release":
            command += ["-Xswiftc", "-enable-testing"]  # the entry uses @testable imports
        subprocess.run(command, cwd=ROOT, check=True)

    server = PostgresServer(args.database_url) if "postgres" in engines else None
    try:
        results = [report for engine in engines for size in sizes
                   for report in bench(engine, size, submissions, args, server)]
    finally:
        if server:
            server.stop()

    results_dir = os.path.join(ROOT, "Benchmarks", "results")
    os.makedirs(results_dir, exist_ok=True)
    with open(os.path.join(results_dir, "archive_bench.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)

    print()
    print("| engine | archive payments | submission rows | first check (s) | warm check (s) | warm check CPU (s) "
          "| index lookups alone: wall / CPU (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for report in results:
        print("| %s | %s | %s | %.2f | %.2f | %.2f | %.2f / %.2f |" % (
            report["engine"], "{:,}".format(report["archivePayments"]), "{:,}".format(report["submissionRows"]),
            report["seconds"][0], min(report["seconds"][1:]), min(report["cpuSeconds"][1:]),
            report["lookupSeconds"], report["lookupCPUSeconds"]))


def bench(engine, size, submissions, args, server):
    """Makes (or reuses) the archive of `size` payments on `engine` and checks each submission size against it."""
    students = max(1, size // PAYMENTS_PER_STUDENT)
    planted = planted_students(args.seed, students)
    planted_rows = len(planted["repeat"]) + len(planted["elsewhere"])
    if engine == "postgres":
        name = "zizhu_bench_%d" % size
        path = with_database(server.url, name)
        count = lambda: postgres_rows(path)
        if args.fresh or count() != size + planted_rows:
            psql(server.url, "DROP DATABASE IF EXISTS %s WITH (FORCE);" % name)
            psql(server.url, "CREATE DATABASE %s;" % name)
            run_swift_entry(args.configuration, {"ZIZHU_ARCHIVE_BENCH": path})
            verify_postgres_schema(path)
            started = time.monotonic()
            fill_postgres(path, size)
            plant_round_postgres(path, planted)
            print("PostgreSQL archive of %d payments generated in %.1f s" % (size, time.monotonic() - started))
    else:
        path = os.path.join(args.workdir, "archive-%d.sqlite" % size)
        count = lambda: archive_rows(path)
        if args.fresh or archive_rows(path) != size + planted_rows:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            run_swift_entry(args.configuration, {"ZIZHU_ARCHIVE_BENCH": path})
            con = sqlite3.connect(path, isolation_level=None)
            verify_schema(con)
            started = time.monotonic()
            fill(con, size)
            plant_round(con, planted)
            con.close()
            print("archive of %d payments generated in %.1f s (%.0f MB)"
                  % (size, time.monotonic() - started, os.path.getsize(path) / 1e6))
    results = []
    for rows in submissions:
        submission = os.path.join(args.workdir, "submission-%s-%d-%d.tsv" % (engine, size, rows))
        write_submission(submission, rows, students, planted, random.Random(args.seed + rows))
        result_path = os.path.join(args.workdir, "result-%s-%d-%d.json" % (engine, size, rows))
        started = time.monotonic()
        run_swift_entry(args.configuration, {
            "ZIZHU_ARCHIVE_BENCH": path,
            "ZIZHU_ARCHIVE_BENCH_SUBMISSION": submission,
            "ZIZHU_ARCHIVE_BENCH_ROUND": "|".join(str(part) for part in ROUND),
            "ZIZHU_ARCHIVE_BENCH_RESULT": result_path,
        })
        with open(result_path, encoding="utf-8") as f:
            report = json.load(f)
        report["archivePayments"] = count()
        report["processSeconds"] = time.monotonic() - started
        report["configuration"] = args.configuration
        report["engine"] = engine
        results.append(report)
        print("%s archive %9d payments · submission %7d rows · check %s s (CPU %s s) · lookups %.2f s "
              "(CPU %.2f s, %d payments) · findings %s"
              % (engine, report["archivePayments"], rows, " / ".join("%.2f" % s for s in report["seconds"]),
                 " / ".join("%.2f" % s for s in report["cpuSeconds"]), report["lookupSeconds"],
                 report["lookupCPUSeconds"], report["paymentsFetched"],
                 json.dumps(report["findings"], sort_keys=True)))
    return results


if __name__ == "__main__":
    main()
