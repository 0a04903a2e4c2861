#!/usr/bin/env python3
"""zizhu benchmark: import, validate and write a 1,000,000-row roster, side by side with a C (libcsv,
libxlsxwriter) and a Python (csv, XlsxWriter) program doing the same job. Prints one table per stage and
writes the same tables as Markdown to Benchmarks/results/latest.md.

    python3 Benchmarks/run.py [--rows N] [--only import|validate|write] [--repeat K]

Every contender runs as its own child process; wall time comes from the clock around it, peak memory
(ru_maxrss) and CPU time from os.wait4. A zizhu command that is missing or fails prints n/a and its
error, and the C and Python parts still run. See Benchmarks/README.md.
"""
import argparse
import datetime
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
BIN = os.path.join(DATA, "bin")
OUT = os.path.join(DATA, "out")
RESULTS = os.path.join(HERE, "results")
ZIZHU = os.path.join(ROOT, ".build", "release", "zizhu")
GIB = 1024 ** 3

# Goals from issues 2, 3 and 4.
GOAL_IMPORT_UTF8_MBS = 150
GOAL_IMPORT_GB_MBS = 100
GOAL_REGISTER_VS_C = 1.1
GOAL_RUN_VS_C = 1.5
GOAL_RSS = GIB


class Result:
    def __init__(self, name, command, ok, wall=None, rss_kb=None, cpu=None, error=None, runs=None):
        self.name, self.command, self.ok = name, command, ok
        self.wall, self.rss_kb, self.cpu, self.error = wall, rss_kb, cpu, error
        self.runs = runs or []
        self.complaint = None


RUNSTAT = None  # Benchmarks/c/runstat, once built

def merged(results):
    """One contender's single runs as one result: the median wall and CPU, the largest peak RSS, each wall."""
    failed = next((r for r in results if not r.ok), None)
    if failed:
        return failed
    first = results[0]
    result = Result(first.name, first.command, True, statistics.median(r.wall for r in results),
                    max(r.rss_kb for r in results), statistics.median(r.cpu for r in results),
                    runs=[r.wall for r in results])
    result.complaint = next((r.complaint for r in results if r.complaint), None)
    return result


def same_round_ratio(r, c):
    """The median of r's wall over c's in the same round (contenders take turns: see stage_write)."""
    return statistics.median(a / b for a, b in zip(r.runs, c.runs))



def measure(name, argv, repeat=1, ok_codes=(0,), cwd=ROOT, verify=None):
    """Runs argv `repeat` times through runstat; the median wall time, the largest peak RSS.
    `verify(stdout_path)` may return a complaint about the output (a zizhu that did not do the work)."""
    walls, rss, cpus = [], [], []
    complaint = None
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as stat, \
                tempfile.NamedTemporaryFile("wb", dir=DATA) as out:
            stdout = out if verify else subprocess.DEVNULL
            try:
                if RUNSTAT:
                    subprocess.run([RUNSTAT, stat.name] + argv, stdout=stdout, stderr=err, cwd=cwd)
                    fields = stat.read().split()
                    if len(fields) != 5:
                        raise OSError(f"cannot run {argv[0]}")
                    wall, user, system, maxrss, code = (float(fields[0]), float(fields[1]), float(fields[2]),
                                                        int(fields[3]), int(fields[4]))
                else:  # without runstat the child's peak RSS includes this Python's (see runstat.c)
                    start = time.perf_counter()
                    child = subprocess.Popen(argv, stdout=stdout, stderr=err, cwd=cwd)
                    _, status, usage = os.wait4(child.pid, 0)
                    wall = time.perf_counter() - start
                    code = os.waitstatus_to_exitcode(status)
                    user, system, maxrss = usage.ru_utime, usage.ru_stime, usage.ru_maxrss
            except OSError as problem:
                return Result(name, argv, False, error=str(problem))
            if code not in ok_codes:
                err.seek(0)
                text = err.read().decode("utf-8", "replace").strip().splitlines()
                reason = text[-1] if text else f"exit {code}"
                return Result(name, argv, False, error=f"exit {code}: {reason}"[:300])
            if verify:
                out.flush()
                complaint = verify(out.name)
        walls.append(wall)
        rss.append(maxrss)
        cpus.append(user + system)
    result = Result(name, argv, True, statistics.median(walls), max(rss), statistics.median(cpus), runs=walls)
    result.complaint = complaint
    return result


def report_rows(expected):
    """A check of `zizhu check --format json` output: the report must account for every row."""
    import json

    def verify(path):
        size = os.path.getsize(path)
        if size == 0:
            return "printed no report"
        if size > 500_000_000:
            return None  # too big to parse cheaply; trust it
        try:
            with open(path, encoding="utf-8") as f:
                rows = json.load(f).get("summary", {}).get("rows")
        except (ValueError, AttributeError) as problem:
            return f"report is not JSON ({problem})"[:120]
        return None if rows == expected else f"report counts {rows} rows, not {expected}"
    return verify


def file_written(path):
    def verify(_stdout):
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            return None
        return f"{os.path.relpath(path, ROOT)} not written"
    return verify


def ensure_data(rows):
    os.makedirs(DATA, exist_ok=True)
    utf8 = os.path.join(DATA, f"roster_{rows}.csv")
    gb = os.path.join(DATA, f"roster_{rows}_gb18030.csv")
    # A cache from before the roster had its 持卡人 column would return every row: made again.
    stale = os.path.exists(utf8) and "持卡人" not in open(utf8, encoding="utf-8-sig").readline()
    if stale or not (os.path.exists(utf8) and os.path.exists(gb)):
        print(f"generating {rows:,} rows (cached in {os.path.relpath(DATA, ROOT)}/) …", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_data.py"), "--rows", str(rows), "--out", utf8,
                        "--gb18030-out", gb], check=True)
    return utf8, gb


def count_records(path, encoding):
    import csv
    with open(path, encoding=encoding, newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def build_c():
    os.makedirs(BIN, exist_ok=True)
    built = {}
    for name, libs in (("runstat", []), ("csv_parse_count", ["-lcsv"]),
                       ("write_register", ["-lcsv", "-lxlsxwriter"])):
        source = os.path.join(HERE, "c", name + ".c")
        target = os.path.join(BIN, name)
        if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
            command = ["gcc", "-O2", "-Wall", "-o", target, source] + libs
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"cannot build {name}: {done.stderr.strip()}", file=sys.stderr)
                continue
        built[name] = target
    return built


def ensure_zizhu(build):
    if os.path.exists(ZIZHU):
        return ZIZHU, None
    if not build:
        return None, f"{os.path.relpath(ZIZHU, ROOT)} missing (run without --no-build to build it)"
    print("building zizhu (swift build -c release --product zizhu) …", flush=True)
    done = subprocess.run(["swift", "build", "-c", "release", "--product", "zizhu"], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0 or not os.path.exists(ZIZHU):
        lines = (done.stderr or done.stdout).strip().splitlines()
        errors = [line for line in lines if "error:" in line]
        return None, "swift build failed: " + ((errors or lines or ["?"])[0])[:200]
    return ZIZHU, None


# ---------- proof that a baseline writes zizhu's cells ----------

PROOF_DATA_ROWS = 2000
TAIL_BYTES = 256 * 1024


def sheet_parts(path):
    """Sheet name → part name inside the .xlsx (from workbook.xml and its relationships)."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {m.group(1): m.group(2) for m in re.finditer(r'<Relationship Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(r'<Relationship Target="([^"]+)"[^>]*?Id="([^"]+)"',
                                                                rels)})
    parts = {}
    for m in re.finditer(r'<sheet name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
        target = targets[m.group(2)].lstrip("/")
        parts[xml_unescape(m.group(1))] = target if target.startswith("xl/") else "xl/" + target
    return parts


def xml_unescape(text):
    import html
    return html.unescape(text)


def sheet_tail(path, part):
    """The end of a sheet's XML, streamed (the 合计 row, the signatures, mergeCells, ignoredErrors): complete
    rows by number → {cell: (type, value, formula)}, the merged ranges and the ignored-error ranges."""
    import re
    import zipfile
    tail = b""
    with zipfile.ZipFile(path) as z, z.open(part) as f:
        while True:
            chunk = f.read(4 << 20)
            if not chunk:
                break
            tail = (tail + chunk)[-TAIL_BYTES:]
    start = tail.find(b"<row ")
    text = tail[start:].decode("utf-8") if start >= 0 else tail.decode("utf-8", "replace")
    rows = {}
    for row in re.finditer(r'<row r="(\d+)"[^>]*?(?:/>|>(.*?)</row>)', text, re.S):
        cells = {}
        for c in re.finditer(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', row.group(2) or "", re.S):
            kind = re.search(r't="([^"]+)"', c.group(2))
            body = c.group(3) or ""
            if kind and kind.group(1) == "s":
                raise ValueError(f"{os.path.basename(path)} uses shared strings; the proof reads inline strings")
            value = re.search(r"<v>(.*?)</v>", body, re.S)
            texts = re.findall(r"<t(?: [^>]*)?>(.*?)</t>", body, re.S)
            formula = re.search(r"<f>(.*?)</f>", body, re.S)
            if texts:
                shown = xml_unescape("".join(texts))
            elif value:
                shown = float(value.group(1)) if not (kind and kind.group(1) in ("str", "b", "e")) else value.group(1)
            else:
                shown = None
            cells[c.group(1)] = (shown, xml_unescape(formula.group(1)) if formula else None)
        rows[int(row.group(1))] = cells
    merged = re.findall(r'<mergeCell ref="([^"]+)"', text)
    ignored = re.findall(r'<ignoredError sqref="([^"]+)"', text)
    return rows, merged, ignored


def first_difference(reference, candidate, data_rows=PROOF_DATA_ROWS):
    """Compares a baseline's register with zizhu's: sheet names; every cell value of the top rows and the
    first `data_rows` data rows of 花名册 and the number formats of its first data row (openpyxl,
    read_only, stopping early); the last rows (合计 with formula and cached value, signatures), merged
    ranges and ignored-error ranges of both sheets (streamed from the end of the sheet XML); every cell
    of 汇总. Returns None when all agree, else the first difference."""
    import itertools

    import openpyxl
    ref_book = openpyxl.load_workbook(reference, read_only=True)
    cand_book = openpyxl.load_workbook(candidate, read_only=True)
    try:
        if ref_book.sheetnames != cand_book.sheetnames:
            return f"sheet names {cand_book.sheetnames} ≠ zizhu's {ref_book.sheetnames}"
        register, summary = ref_book.sheetnames[0], ref_book.sheetnames[-1]
        for name, max_row in ((register, 3 + data_rows), (summary, None)):
            ref_rows = ref_book[name].iter_rows(max_row=max_row, values_only=True)
            cand_rows = cand_book[name].iter_rows(max_row=max_row, values_only=True)
            for number, (ref_row, cand_row) in enumerate(itertools.zip_longest(ref_rows, cand_rows), 1):
                ref_values, cand_values = list(ref_row or ()), list(cand_row or ())
                while ref_values and ref_values[-1] is None:
                    ref_values.pop()
                while cand_values and cand_values[-1] is None:
                    cand_values.pop()
                if ref_values != cand_values:
                    for column, (a, b) in enumerate(itertools.zip_longest(ref_values, cand_values)):
                        if a != b:
                            cell = f"{name}!{openpyxl.utils.get_column_letter(column + 1)}{number}"
                            return f"{cell}: {b!r} ≠ zizhu's {a!r}"
        ref_formats = [c.number_format for c in next(ref_book[register].iter_rows(min_row=4, max_row=4))]
        cand_formats = [c.number_format for c in next(cand_book[register].iter_rows(min_row=4, max_row=4))]
        if ref_formats != cand_formats:
            return f"number formats of {register} row 4: {cand_formats} ≠ zizhu's {ref_formats}"
    finally:
        ref_book.close()
        cand_book.close()
    ref_parts, cand_parts = sheet_parts(reference), sheet_parts(candidate)
    for name in (register, summary):
        ref_rows, ref_merged, ref_ignored = sheet_tail(reference, ref_parts[name])
        cand_rows, cand_merged, cand_ignored = sheet_tail(candidate, cand_parts[name])
        last = max(ref_rows)
        if max(cand_rows) != last:
            return f"{name}: last row {max(cand_rows)} ≠ zizhu's {last}"
        for number in sorted(ref_rows)[1:]:  # the first may be cut by the window
            if cand_rows.get(number) != ref_rows[number]:
                ref_cells, cand_cells = ref_rows[number], cand_rows.get(number, {})
                for cell in sorted(set(ref_cells) | set(cand_cells), key=lambda c: (len(c), c)):
                    if ref_cells.get(cell) != cand_cells.get(cell):
                        return f"{name}!{cell}{number} (value, formula): {cand_cells.get(cell)} ≠ zizhu's {ref_cells.get(cell)}"
        if sorted(cand_merged) != sorted(ref_merged):
            return f"{name}: merged ranges {sorted(cand_merged)} ≠ zizhu's {sorted(ref_merged)}"
        if cand_ignored != ref_ignored:
            return f"{name}: ignored-error ranges {cand_ignored} ≠ zizhu's {ref_ignored}"
    return None


def prove_same_cells(contender, reference):
    """Marks `contender` suspect when its register's cells differ from zizhu's; returns the line to print."""
    started = time.perf_counter()
    try:
        difference = first_difference(reference, contender.command[-1])
    except Exception as problem:  # an unreadable file is a difference too
        difference = f"cannot compare ({type(problem).__name__}: {problem})"[:300]
    took = time.perf_counter() - started
    if difference:
        contender.complaint = "cells differ from zizhu's register"
        return f"{contender.name} — same cells as zizhu register: NO, first difference: {difference} ({took:.1f} s)"
    return f"{contender.name} — same cells as zizhu register: yes ({took:.1f} s)"


# ---------- reporting ----------

def mb(n):
    return n / 1e6


def fmt_s(value):
    return "n/a" if value is None else f"{value:.2f} s"


def fmt_rss(kb):
    return "n/a" if kb is None else f"{kb / 1024:.1f} MB"


def fmt_ratio(value, base):
    if value is None or base is None or base == 0:
        return "—"
    return f"{value / base:.2f}×"


def shown_command(argv):
    parts = []
    for arg in argv:
        if arg == sys.executable:
            arg = "python3"
        elif arg.startswith(ROOT + os.sep):
            arg = os.path.relpath(arg, ROOT)
        parts.append(shlex.quote(arg))
    return " ".join(parts)


class Table:
    def __init__(self, title, columns, note=None):
        self.title, self.columns, self.rows, self.note = title, columns, [], note

    def add(self, *cells):
        self.rows.append([str(c) for c in cells])

    def text(self):
        """The table for a terminal; the command column (long) is listed below the table instead."""
        has_commands = self.columns[-1] == "command"
        columns = self.columns[:-1] if has_commands else self.columns
        rows = [row[:-1] if has_commands else row for row in self.rows]
        widths = [max([display_width(c)] + [display_width(r[i]) for r in rows]) for i, c in enumerate(columns)]
        lines = [self.title, "=" * display_width(self.title)]
        lines.append("  ".join(pad(c, w) for c, w in zip(columns, widths)))
        lines.append("  ".join("-" * w for w in widths))
        for row in rows:
            lines.append("  ".join(pad(c, w) for c, w in zip(row, widths)))
        if has_commands:
            lines += [f"  {row[0]}: {row[-1]}" for row in self.rows]
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)

    def markdown(self):
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "|".join("---" for _ in self.columns) + "|"]
        for row in self.rows:
            cells = [cell.replace("|", "\\|") for cell in row]
            if self.columns[-1] == "command" and cells[-1] and not cells[-1].startswith("["):
                command, _, error = cells[-1].partition("  [")
                cells[-1] = f"`{command}`" + (f" [{error}" if error else "")
            lines.append("| " + " | ".join(cells) + " |")
        if self.note:
            lines += ["", self.note]
        return "\n".join(lines)


def display_width(text):
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text, width):
    return text + " " * (width - display_width(text))


def contender_label(result):
    return result.name + (f" (suspect: {result.complaint})" if result.complaint else "")


def goal_mark(ok):
    return "met" if ok else "NOT met"


# ---------- stages ----------

def stage_import(args, files, c_bins, zizhu, zizhu_error, tables, summary):
    for label, path, encoding, py_encoding, goal in (
            ("UTF-8", files["utf8"], "UTF-8", "utf-8-sig", GOAL_IMPORT_UTF8_MBS),
            ("GB18030", files["gb"], "GB18030", "gb18030", GOAL_IMPORT_GB_MBS)):
        size = os.path.getsize(path)
        rows = files["rows_" + label]
        contenders = []
        if "csv_parse_count" in c_bins:
            contenders.append(measure("C libcsv, raw bytes", [c_bins["csv_parse_count"], path], args.repeat))
            if label == "GB18030":
                contenders.append(measure("C iconv → libcsv", [c_bins["csv_parse_count"], path, "--iconv", "GB18030"],
                                          args.repeat))
        contenders.append(measure(f"Python csv ({py_encoding})",
                                  [sys.executable, os.path.join(HERE, "py", "csv_read.py"), path, py_encoding],
                                  args.repeat))
        if zizhu:
            contenders.append(measure("zizhu check --only-import",
                                      [zizhu, "check", path, "--only-import", "--format", "json"], args.repeat,
                                      ok_codes=(0, 1), verify=report_rows(rows)))
        else:
            contenders.append(Result("zizhu check --only-import", [ZIZHU_DISPLAY, "check", path, "--only-import",
                                                                   "--format", "json"], False, error=zizhu_error))
        c = next((r for r in contenders if r.name.startswith("C libcsv") and r.ok), None)
        py = next((r for r in contenders if r.name.startswith("Python") and r.ok), None)
        table = Table(f"Import, {label}: {mb(size):.1f} MB, {rows:,} rows",
                      ["contender", "wall", "MB/s", "rows/s", "peak RSS", "CPU", "vs C libcsv", "vs Python csv",
                       "command"])
        for r in contenders:
            if r.ok:
                table.add(contender_label(r), fmt_s(r.wall), f"{mb(size) / r.wall:.0f}", f"{rows / r.wall / 1e6:.2f} M",
                          fmt_rss(r.rss_kb), fmt_s(r.cpu), fmt_ratio(r.wall, c and c.wall),
                          fmt_ratio(r.wall, py and py.wall), shown_command(r.command))
            else:
                table.add(r.name, "n/a", "n/a", "n/a", "n/a", "n/a", "—", "—", f"{shown_command(r.command)}  [{r.error}]")
        z = next((r for r in contenders if r.name.startswith("zizhu") and r.ok and not r.complaint), None)
        if z:
            speed = mb(size) / z.wall
            table.note = (f"Goal: zizhu import ≥ {goal} MB/s on {label} — {speed:.0f} MB/s, {goal_mark(speed >= goal)}; "
                          f"peak memory must not grow with the file ({fmt_rss(z.rss_kb)}).")
            summary[f"import_{label}"] = z
        tables.append(table)


def stage_validate(args, files, zizhu, zizhu_error, tables, summary):
    path, size, rows = files["utf8"], os.path.getsize(files["utf8"]), files["rows_UTF-8"]
    table = Table(f"Validate, UTF-8: {mb(size):.1f} MB, {rows:,} rows",
                  ["contender", "wall", "rows/s", "peak RSS", "CPU", "command"])
    if not zizhu:
        table.add("zizhu check --only-import --keep-rows", "n/a", "n/a", "n/a", "n/a", f"[{zizhu_error}]")
        table.add("zizhu check", "n/a", "n/a", "n/a", "n/a", f"[{zizhu_error}]")
        tables.append(table)
        return
    # The import as check runs it: rows kept in memory for the cross-row rules (the import stage above
    # streams them). What check costs beyond this is validation.
    imported = measure(
        "zizhu check --only-import --keep-rows",
        [zizhu, "check", path, "--only-import", "--keep-rows", "--format", "json"], args.repeat,
        ok_codes=(0, 1), verify=report_rows(rows))
    full = measure("zizhu check (import + validate)", [zizhu, "check", path, "--format", "json"], args.repeat,
                   ok_codes=(0, 1), verify=report_rows(rows))
    for r in (imported, full):
        if r.ok:
            table.add(contender_label(r), fmt_s(r.wall), f"{rows / r.wall / 1e6:.2f} M", fmt_rss(r.rss_kb), fmt_s(r.cpu),
                      shown_command(r.command))
        else:
            table.add(r.name, "n/a", "n/a", "n/a", "n/a", f"{shown_command(r.command)}  [{r.error}]")
    if imported.ok and full.ok and not imported.complaint and not full.complaint:
        validation = full.wall - imported.wall
        table.add("validation stage = check − check --only-import --keep-rows", fmt_s(validation),
                  f"{rows / validation / 1e6:.2f} M" if validation > 0 else "—", "—",
                  fmt_s(full.cpu - imported.cpu), f"{validation / imported.wall:.2f}× the import stage")
        table.note = (f"Goals: validation costs less than import — {validation:.2f} s vs {imported.wall:.2f} s, "
                      f"{goal_mark(validation < imported.wall)}; peak memory < 1 GiB — {fmt_rss(full.rss_kb)}, "
                      f"{goal_mark(full.rss_kb * 1024 < GOAL_RSS)}.")
    tables.append(table)


def stage_write(args, files, c_bins, zizhu, zizhu_error, tables):
    path, size, rows = files["utf8"], os.path.getsize(files["utf8"]), files["rows_UTF-8"]
    os.makedirs(OUT, exist_ok=True)
    c_out = os.path.join(OUT, "register_c.xlsx")
    run_dir = os.path.join(OUT, "zizhu_run")
    register_out = os.path.join(OUT, "register_zizhu.xlsx")
    # (name, argv, file whose existence proves the work or None, what to clear before each run)
    specs = []
    if "write_register" in c_bins:
        specs.append(("C libxlsxwriter register", [c_bins["write_register"], path, c_out], None, None))
    if not args.skip_python_register:
        specs.append(("Python csv + XlsxWriter register",
                      [sys.executable, os.path.join(HERE, "py", "register_xlsxwriter.py"), path,
                       os.path.join(OUT, "register_py.xlsx")], None, None))
    zizhu_specs = [("zizhu register", [zizhu or ZIZHU_DISPLAY, "register", path, "-o", register_out],
                    register_out, register_out),
                   ("zizhu run (every document)", [zizhu or ZIZHU_DISPLAY, "run", path, "-o", run_dir],
                    os.path.join(run_dir, "manifest.json"), run_dir)]
    if zizhu:
        specs += zizhu_specs
    # With --repeat K the contenders take turns, K rounds: this machine's speed drifts by a third within
    # minutes, so a contender's runs must be spread over the same minutes as the baseline's.
    runs = {name: [] for name, *_ in specs}
    for _ in range(args.repeat):
        for name, argv, written, clear in specs:
            if clear and os.path.isdir(clear):
                shutil.rmtree(clear, ignore_errors=True)
            elif clear and os.path.exists(clear):
                os.remove(clear)
            if runs[name] and not runs[name][-1].ok:
                continue
            runs[name].append(measure(name, argv, 1, verify=file_written(written) if written else None))
    contenders = [merged(runs[name]) for name, *_ in specs]
    if not zizhu:
        contenders += [Result(name, argv, False, error=zizhu_error) for name, argv, *_ in zizhu_specs]
    # Proof: the baselines must write zizhu's cells, or the comparison means nothing.
    proofs = []
    zizhu_register = next((r for r in contenders if r.name == "zizhu register" and r.ok and not r.complaint), None)
    for r in contenders:
        if r.ok and not r.name.startswith("zizhu"):
            if zizhu_register:
                proofs.append(prove_same_cells(r, zizhu_register.command[-1]))
            else:
                proofs.append(f"{r.name} — same cells as zizhu register: not checked (no zizhu register)")
    for line in proofs:
        print(line, flush=True)
    c = next((r for r in contenders if r.name.startswith("C ") and r.ok), None)
    table = Table(f"Write, register book from UTF-8: {mb(size):.1f} MB, {rows:,} rows",
                  ["contender", "wall", "rows/s", "peak RSS", "CPU", "output", "vs C register", "CPU vs C", "command"])
    for r in contenders:
        if r.ok:
            output = r.command[-1]
            shown = f"{os.path.getsize(output) / 1e6:.1f} MB" if os.path.isfile(output) else (
                "folder" if os.path.isdir(output) else "—")
            table.add(contender_label(r), fmt_s(r.wall), f"{rows / r.wall / 1e3:.0f} k", fmt_rss(r.rss_kb), fmt_s(r.cpu), shown,
                      fmt_ratio(r.wall, c and c.wall), fmt_ratio(r.cpu, c and c.cpu), shown_command(r.command))
        else:
            table.add(r.name, "n/a", "n/a", "n/a", "n/a", "—", "—", "—", f"{shown_command(r.command)}  [{r.error}]")
    notes = []
    if c and c.complaint:
        notes.append("not judged: the C baseline is suspect (its cells differ from zizhu's register)")
        c = None
    register = next((r for r in contenders if r.name == "zizhu register" and r.ok and not r.complaint), None)
    run = next((r for r in contenders if r.name.startswith("zizhu run") and r.ok and not r.complaint), None)
    # With several rounds, the goal is judged on the median of the ratios within a round.
    rounds = f" (median of {args.repeat} same-round ratios)" if args.repeat > 1 else ""
    if c and register:
        ratio = same_round_ratio(register, c)
        notes.append(f"zizhu register within {GOAL_REGISTER_VS_C}× of C — {ratio:.2f}×{rounds}, "
                     f"{goal_mark(ratio <= GOAL_REGISTER_VS_C)}")
    if c and run:
        ratio = same_round_ratio(run, c)
        notes.append(f"zizhu run within {GOAL_RUN_VS_C}× of C's register — {ratio:.2f}×{rounds}, "
                     f"{goal_mark(ratio <= GOAL_RUN_VS_C)}")
    for r in (register, run):
        if r:
            notes.append(f"{r.name} peak memory < 1 GiB — {fmt_rss(r.rss_kb)}, {goal_mark(r.rss_kb * 1024 < GOAL_RSS)}")
    lines = []
    if notes:
        lines.append("Goals: " + "; ".join(notes) + ".")
    lines += [f"Proof: {line}" for line in proofs]
    if lines:
        table.note = "\n\n".join(lines)
    tables.append(table)


ZIZHU_DISPLAY = os.path.relpath(ZIZHU, ROOT)


def machine_line():
    load = os.getloadavg()
    gcc = subprocess.run(["gcc", "-dumpfullversion"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    return (f"{datetime.datetime.now().isoformat(timespec='seconds')}, commit {commit}, {os.cpu_count()} cores, "
            f"load {load[0]:.2f}, Python {platform.python_version()}, gcc {gcc}")


def main():
    parser = argparse.ArgumentParser(description="zizhu benchmark (see Benchmarks/README.md)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="roster rows (default 1,000,000)")
    parser.add_argument("--only", choices=["import", "validate", "write"], help="run one stage")
    parser.add_argument("--repeat", type=int, default=1, help="runs per contender; the median is shown")
    parser.add_argument("--no-build", action="store_true", help="do not build zizhu when it is missing")
    parser.add_argument("--skip-python-register", action="store_true",
                        help="leave out the Python register (about 2 minutes per million rows)")
    parser.add_argument("--zizhu", help="path of the zizhu binary (default .build/release/zizhu)")
    args = parser.parse_args()
    if args.repeat < 1 or args.rows < 1:
        parser.error("--rows and --repeat must be positive")

    started = machine_line()
    print(f"zizhu benchmark — {started}")
    utf8, gb = ensure_data(args.rows)
    files = {"utf8": utf8, "gb": gb, "rows_UTF-8": args.rows, "rows_GB18030": count_records(gb, "gb18030")}
    c_bins = build_c()
    global RUNSTAT
    RUNSTAT = c_bins.get("runstat")
    if not RUNSTAT:
        print("runstat missing: peak RSS figures include the Python parent's (about 17 MB)", file=sys.stderr)
    if args.zizhu:
        zizhu, zizhu_error = (args.zizhu, None) if os.path.exists(args.zizhu) else (None, f"{args.zizhu} missing")
    else:
        zizhu, zizhu_error = ensure_zizhu(not args.no_build)
    if zizhu_error:
        print(f"zizhu: n/a ({zizhu_error})")

    tables, summary = [], {}
    stages = [args.only] if args.only else ["import", "validate", "write"]
    for stage in stages:
        print(f"… {stage}", flush=True)
        if stage == "import":
            stage_import(args, files, c_bins, zizhu, zizhu_error, tables, summary)
        elif stage == "validate":
            stage_validate(args, files, zizhu, zizhu_error, tables, summary)
        else:
            stage_write(args, files, c_bins, zizhu, zizhu_error, tables)

    finished = machine_line()
    runs = f"{args.repeat} run{'s' if args.repeat > 1 else ''} per contender" + (" (median wall, max RSS)" if args.repeat > 1 else "")
    header = f"Started {started}; finished with load {finished.split('load ')[1].split(',')[0]}. {runs}."
    print()
    for table in tables:
        print(table.text())
        print()
    print(header)
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.md"), "w", encoding="utf-8") as f:
        f.write("## Benchmark results\n\n" + header + "\n\n" + "\n\n".join(t.markdown() for t in tables) + "\n")
    print(f"Markdown: {os.path.relpath(os.path.join(RESULTS, 'latest.md'), ROOT)}")


if __name__ == "__main__":
    main()
