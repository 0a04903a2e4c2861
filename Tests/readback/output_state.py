#!/usr/bin/env python3
"""Describe what a `zizhu run` output folder holds after the run was killed, with readers zizhu did not write.

Usage: output_state.py OUTDIR

Prints JSON: {"files": [{"name", "kind", "valid", "problem"}], "manifest": {"present", "consistent",
"problems"}}. kind is "final" (one of the documents, report.json, manifest.json or a bank upload file
银行代发_*.txt), "temporary" (.NAME.<pid>-<token>.tmp of a final name) or "other". A final file is valid when
it is complete:
  * .xlsx: a zip whose every member passes its CRC, with [Content_Types].xml, _rels/.rels, xl/workbook.xml
    and at least one worksheet, every XML member well-formed;
  * .json: parses (report.json has a summary, manifest.json has outputs);
  * bank upload .txt (the generic layout, any of GBK/GB18030/UTF-8): CRLF lines, a header, and a last line
    合计,<count>,,<total>,… whose count and total match the lines above it.
When manifest.json is present, every output it lists must exist with the SHA-256 it gives.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

from check_outputs import sha256

DOCUMENTS = {"花名册.xlsx", "公示名单.xlsx", "银行代发清单.xlsx", "退回清单.xlsx", "问题清单.xlsx",
             "report.json", "manifest.json"}
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.\d+-[0-9a-z]+\.tmp$")


def is_final(name):
    return name in DOCUMENTS or (name.startswith("银行代发_") and name.endswith(".txt"))


def check_xlsx(path):
    with zipfile.ZipFile(path) as z:
        bad = z.testzip()
        if bad is not None:
            return "bad CRC in " + bad
        names = set(z.namelist())
        for part in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"):
            if part not in names:
                return "missing " + part
        sheets = [n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")]
        if not sheets:
            return "no worksheet"
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                with z.open(name) as member:
                    for _ in ET.iterparse(member):
                        pass
    return None


def check_json(path, name):
    with open(path, encoding="utf-8") as f:
        value = json.load(f)
    if name == "report.json" and "summary" not in value:
        return "no summary"
    if name == "manifest.json" and "outputs" not in value:
        return "no outputs"
    return None


def check_upload(path):
    data = open(path, "rb").read()
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return "not decodable"
    if not text.endswith("\r\n"):
        return "does not end with CRLF"
    lines = text[:-2].split("\r\n")
    if len(lines) < 2:
        return "no trailer"
    trailer = lines[-1].split(",")
    if trailer[0] != "合计":
        return "last line is not the 合计 trailer"
    rows = lines[1:-1]
    if int(trailer[1]) != len(rows):
        return "trailer count %s, %d rows" % (trailer[1], len(rows))
    total = sum(Decimal(r.split(",")[3]) for r in rows)
    if Decimal(trailer[3]) != total:
        return "trailer total %s, rows sum to %s" % (trailer[3], total)
    return None


def main():
    folder = sys.argv[1]
    files = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        entry = {"name": name, "kind": "other", "valid": False, "problem": None}
        match = TEMPORARY.match(name)
        if is_final(name):
            entry["kind"] = "final"
            try:
                if name.endswith(".xlsx"):
                    entry["problem"] = check_xlsx(path)
                elif name.endswith(".json"):
                    entry["problem"] = check_json(path, name)
                else:
                    entry["problem"] = check_upload(path)
            except Exception as error:  # any reader failure means the file is not complete
                entry["problem"] = "%s: %s" % (type(error).__name__, error)
            entry["valid"] = entry["problem"] is None
        elif match and is_final(match.group("name")):
            entry["kind"] = "temporary"
        files.append(entry)

    manifest = {"present": False, "consistent": False, "problems": []}
    path = os.path.join(folder, "manifest.json")
    if os.path.exists(path):
        manifest["present"] = True
        try:
            with open(path, encoding="utf-8") as f:
                outputs = json.load(f)["outputs"]
            for output in outputs:
                target = os.path.join(folder, output["path"])
                if not os.path.exists(target):
                    manifest["problems"].append("missing " + output["path"])
                elif sha256(target) != output["sha256"]:
                    manifest["problems"].append("sha256 differs: " + output["path"])
        except Exception as error:
            manifest["problems"].append("%s: %s" % (type(error).__name__, error))
        manifest["consistent"] = not manifest["problems"]
    json.dump({"files": files, "manifest": manifest}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
