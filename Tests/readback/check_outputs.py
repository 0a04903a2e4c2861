#!/usr/bin/env python3
"""Check the outputs of `zizhu run` with readers zizhu did not write (openpyxl, zipfile, Python codecs).

Usage: check_outputs.py OUTDIR

Opens every output listed in OUTDIR/manifest.json and checks:
  * every file exists and its SHA-256 matches the manifest;
  * register (花名册.xlsx): exactly the accepted rows; ID and card cells are strings of the right length;
    the 合计 equals the sum of the rows and the manifest's amountAccepted; merged title, frozen panes and
    print titles exist on every register sheet;
  * notice (公示名单.xlsx): no 15-19 digit number anywhere, as text or as a number; as many rows as accepted;
  * bank list (银行代发清单.xlsx) and every bank upload file: count and total equal the register's;
  * returned list: as many returned rows as the manifest says; report: one row per finding, report.json parses.
Prints one line per check and `N passed, M failed`; exits 1 on any failure.
"""
import hashlib
import json
import os
import re
import sys
import zipfile
from decimal import Decimal

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "..", "Sources", "ZizhuExport", "Resources", "BankTemplates")
LONG_DIGITS = re.compile(r"\d{15,19}")
ID_RE = re.compile(r"^(\d{17}[\dX]|\d{15})$")
CARD_RE = re.compile(r"^\d{16,19}$")


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print("ok    " + what)
        else:
            self.failed += 1
            print("FAIL  " + what)
        return condition


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fen(value):
    """A cell's amount in fen (cells hold yuan as floats; round to the fen, never sum floats)."""
    return int((Decimal(str(value)) * 100).quantize(Decimal(1)))


def sheet_xml_parts(path):
    """Per sheet name: (head, tail) of its XML (the first and last 256 KiB), plus workbook.xml, streamed."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
        for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', workbook):
            member = "xl/" + targets[rid].lstrip("/").replace("xl/", "", 1)
            head = b""
            tail = b""
            with z.open(member) as f:
                while True:
                    block = f.read(1 << 20)
                    if not block:
                        break
                    if len(head) < 262144:
                        head += block[: 262144 - len(head)]
                    tail = (tail + block)[-262144:]
            parts[unescape(name)] = (head.decode("utf-8", "replace"), tail.decode("utf-8", "replace"))
    return parts, workbook


def unescape(text):
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")


def rows_of(ws):
    for row in ws.iter_rows(values_only=True):
        yield list(row)


def find_header(rows, first, second):
    for number, row in enumerate(rows):
        if len(row) > 1 and row[0] == first and row[1] == second:
            return number, row
    return None, None


def check_register(c, path, summary):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    names = [n for n in wb.sheetnames if n.startswith("花名册")]
    c.check(len(names) >= 1 and "汇总" in wb.sheetnames, "register: sheets %s" % wb.sheetnames)
    parts, workbook_xml = sheet_xml_parts(path)
    count = 0
    total = 0
    totals_row = None
    bad_ids = bad_cards = bad_numbers = 0
    for name in names:
        rows = rows_of(wb[name])
        _, header = find_header(rows, "序号", "姓名")
        if not c.check(header is not None, "register[%s]: header row found" % name):
            continue
        col = {h: i for i, h in enumerate(header) if h}
        id_col, card_col, amount_col = col.get("身份证号"), col.get("银行卡号"), col.get("资助金额")
        student_col = col.get("学籍号")
        c.check(None not in (id_col, card_col, amount_col), "register[%s]: 身份证号, 银行卡号, 资助金额 columns" % name)
        for row in rows:
            if row[0] in ("合计", "本表小计"):
                if row[0] == "合计":
                    totals_row = row
                break
            count += 1
            if row[amount_col] is not None:
                total += fen(row[amount_col])
            for column, pattern, label in ((id_col, ID_RE, "id"), (card_col, CARD_RE, "card")):
                value = row[column]
                if value is None:
                    continue
                if not isinstance(value, str):
                    bad_numbers += 1
                elif not pattern.match(value):
                    if label == "id":
                        bad_ids += 1
                    else:
                        bad_cards += 1
            if student_col is not None and row[student_col] is not None and not isinstance(row[student_col], str):
                bad_numbers += 1
        head, tail = parts.get(name, ("", ""))
        c.check("<mergeCell " in tail, "register[%s]: merged cells (title)" % name)
        c.check('state="frozen"' in head, "register[%s]: frozen panes" % name)
        quoted = re.escape("'%s'" % name) + "|" + re.escape(name)
        titles = re.search(r'<definedName name="_xlnm.Print_Titles" localSheetId="\d+">(?:%s)!\$\d+:\$\d+</definedName>' % quoted,
                           unescape(workbook_xml))
        c.check(titles is not None, "register[%s]: print titles (header repeated on every page)" % name)
        setup = re.search(r"<pageSetup [^>]*>", tail)
        c.check(setup is not None and 'paperSize="9"' in setup.group(0) and 'orientation="landscape"' in setup.group(0),
                "register[%s]: A4 landscape" % name)
    c.check(bad_numbers == 0, "register: identifier cells are strings (%d numeric)" % bad_numbers)
    c.check(bad_ids == 0, "register: every 身份证号 is 18 (or 15) characters (%d bad)" % bad_ids)
    c.check(bad_cards == 0, "register: every 银行卡号 is 16-19 digits (%d bad)" % bad_cards)
    c.check(count == summary["accepted"], "register: %d rows = accepted %d" % (count, summary["accepted"]))
    if c.check(totals_row is not None, "register: 合计 row present"):
        stated = fen(totals_row[9]) if totals_row[9] is not None else None
        c.check(stated == total, "register: 合计 %s = sum of rows %s" % (stated, total))
        c.check(totals_row[1] == count, "register: 合计 人数 %s = rows %d" % (totals_row[1], count))
        c.check(isinstance(totals_row[2], str) and totals_row[2].startswith("大写：人民币"), "register: amount in words")
    c.check(total == fen(summary["amountAccepted"]), "register: total %s = manifest amountAccepted %s"
            % (total, summary["amountAccepted"]))
    wb.close()
    return count, total


def check_notice(c, path, summary):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    leaks = []
    rows_seen = 0
    for ws in wb.worksheets:
        in_table = False
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and LONG_DIGITS.search(value):
                    leaks.append(value)
                elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 1e14:
                    leaks.append(value)
            if row and row[0] == "序号":
                in_table = True
                continue
            if in_table:
                if isinstance(row[0], (int, float)):
                    rows_seen += 1
                else:
                    in_table = False
    c.check(not leaks, "notice: no 15-19 digit numbers anywhere (%d found)" % len(leaks))
    c.check(rows_seen == summary["accepted"], "notice: %d rows = accepted %d" % (rows_seen, summary["accepted"]))
    wb.close()


def check_bank_list(c, path, register):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = rows_of(wb.worksheets[0])
    _, header = find_header(rows, "序号", "卡号")
    if not c.check(header is not None, "bank list: header row found"):
        return
    count = total = bad = 0
    footer = None
    for row in rows:
        if row[0] == "合计":
            footer = row
            break
        count += 1
        total += fen(row[3]) if row[3] is not None else 0
        if not (isinstance(row[1], str) and CARD_RE.match(row[1])):
            bad += 1
    c.check(bad == 0, "bank list: card cells are 16-19 digit strings (%d bad)" % bad)
    c.check((count, total) == register, "bank list: %d payments, %d fen = register %s" % (count, total, register))
    c.check(footer is not None and footer[1] == count and fen(footer[3]) == total, "bank list: 合计 row matches")
    wb.close()


def check_bank_upload(c, path, template_name, register):
    template_path = os.path.join(TEMPLATES, template_name + ".json")
    if not c.check(os.path.exists(template_path), "bank upload %s: template %s found" % (os.path.basename(path), template_name)):
        return
    with open(template_path, encoding="utf-8") as f:
        template = json.load(f)
    encoding = template.get("encoding", "GBK").lower()
    ending = b"\r\n" if template.get("lineEnding", "CRLF") == "CRLF" else b"\n"
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    c.check(data.endswith(ending), "bank upload %s: lines end with %r" % (name, ending))
    if ending == b"\r\n":
        c.check(data.count(b"\n") == data.count(b"\r\n"), "bank upload %s: CRLF everywhere" % name)
    try:
        lines = data.split(ending)[:-1]
        text_lines = [line.decode(encoding) for line in lines]
    except UnicodeDecodeError as error:
        c.check(False, "bank upload %s: decodes as %s (%s)" % (name, encoding, error))
        return
    header, trailer = len(template.get("header", [])), len(template.get("trailer", []))
    records = lines[header:len(lines) - trailer]
    fields = template["fields"]
    amount_index = [i for i, f in enumerate(fields) if f["value"] == "amount"][0]
    total = 0
    for record in records:
        if template.get("delimiter") is not None:
            value = record.decode(encoding).split(template["delimiter"])[amount_index]
        else:
            start = sum(f["width"] for f in fields[:amount_index])
            value = record[start:start + fields[amount_index]["width"]].decode(encoding)
        value = value.strip()
        total += int(value) if template.get("amountFormat", "yuan") == "fen" else fen(value)
    c.check((len(records), total) == register, "bank upload %s: %d payments, %d fen = register %s"
            % (name, len(records), total, register))
    # Every {count}/{total…} placeholder of the template's header and trailer, filled with the register's
    # numbers, must appear in the file's header and trailer lines.
    stated = "\n".join(text_lines[:header] + text_lines[len(text_lines) - trailer:])
    yuan = "%d.%02d" % divmod(register[1], 100)
    values = {"count": str(register[0]), "totalFen": str(register[1]), "totalYuan": yuan,
              "total": str(register[1]) if template.get("amountFormat") == "fen" else yuan}
    for key, width in re.findall(r"\{(count|total|totalFen|totalYuan)(?::(\d+))?\}",
                                 " ".join(template.get("header", []) + template.get("trailer", []))):
        value = values[key]
        if width:
            value = value.rjust(int(width), "0" if width.startswith("0") else " ")
        c.check(value in stated, "bank upload %s: header/trailer states {%s} = %s" % (name, key, value))


def check_returned(c, path, summary, rows):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for ws in wb.worksheets[1:]:
        in_table = False
        for row in ws.iter_rows(values_only=True):
            if row and row[0] == "文件" and len(row) > 1 and row[1] == "行号":
                in_table = True
                continue
            if in_table:
                if row and isinstance(row[1], (int, float)):
                    count += 1
                else:
                    in_table = False
    c.check(count == summary["returned"] == rows, "returned: %d rows = returned %d" % (count, summary["returned"]))
    wb.close()


def check_report(c, path, rows, summary):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        c.check(isinstance(report, dict), "report.json parses")
        if isinstance(report, dict) and isinstance(report.get("summary"), dict) and report["summary"]:
            c.check(report["summary"] == summary, "report.json summary = manifest summary")
        return
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    findings = max(0, wb.worksheets[0].max_row - 2)
    c.check(findings == rows, "report: %d findings rows = manifest %d" % (findings, rows))
    wb.close()


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    outdir = sys.argv[1]
    c = Checker()
    manifest_path = os.path.join(outdir, "manifest.json")
    if not c.check(os.path.exists(manifest_path), "manifest.json exists"):
        print("%d passed, %d failed" % (c.passed, c.failed))
        return 1
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    summary = manifest["summary"]
    c.check(summary["rows"] == summary["accepted"] + summary["returned"], "summary: rows = accepted + returned")
    c.check(fen(summary["amountIn"]) == fen(summary["amountAccepted"]) + fen(summary["amountReturned"]),
            "summary: amountIn = amountAccepted + amountReturned")
    for entry in manifest["inputs"]:
        if os.path.exists(entry["path"]):
            c.check(sha256(entry["path"]) == entry["sha256"], "input %s: sha256 matches" % entry["path"])
    outputs = manifest["outputs"]
    for entry in outputs:
        path = os.path.join(outdir, entry["path"])
        c.check(os.path.exists(path) and sha256(path) == entry["sha256"], "%s: exists, sha256 matches" % entry["path"])
    kinds = {e["kind"] for e in outputs}
    c.check(kinds >= {"register", "notice", "bank", "returned", "report"}, "manifest lists every kind of output")

    register = None
    for entry in [e for e in outputs if e["kind"] == "register"]:
        register = check_register(c, os.path.join(outdir, entry["path"]), summary)
    for entry in outputs:
        path = os.path.join(outdir, entry["path"])
        if entry["kind"] == "notice":
            check_notice(c, path, summary)
        elif entry["kind"] == "bank" and register is not None:
            if path.endswith(".xlsx"):
                check_bank_list(c, path, register)
            else:
                check_bank_upload(c, path, entry.get("template", "generic"), register)
        elif entry["kind"] == "returned":
            check_returned(c, path, summary, entry["rows"])
        elif entry["kind"] == "report":
            check_report(c, path, entry["rows"], summary)
    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
