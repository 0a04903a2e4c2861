#!/usr/bin/env python3
"""Seeds and dictionaries for the fuzz targets, made from the project's fixtures (nothing here is committed
twice). `make fuzz` calls it:

    python3 Fuzz/make_corpus.py OUTDIR

OUTDIR/seeds-csv and OUTDIR/seeds-xlsx receive the seeds, OUTDIR/csv.dict and OUTDIR/xlsx.dict the tokens.
XLSX seeds come twice: the workbook file as it is, and as a bundle of its XML parts (see FuzzRosterXLSX.swift),
which the target packs into a ZIP with correct checksums.
"""
import glob
import hashlib
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEPARATOR = b"\x00PART\x00"
# Inflating these costs 8 MiB per run and teaches the fuzzer nothing the unit tests do not already cover.
SLOW_SEEDS = {"bomb_8mib.xlsx", "bomb_lying_size.xlsx"}

CSV_TOKENS = [
    "\ufeff", "\r\n", "\r", "\n", ",", "\t", ";", "，", '"', '""', '"\r\n"',
    "序号", "姓名", "性别", "身份证号", "身份证号码", "公民身份号码", "银行卡号", "卡号", "开户行", "资助金额",
    "金额（元）", "档次", "年级", "班级", "学籍号", "出生日期", "联系电话", "家庭住址", "困难类型", "备注",
    "合计", "制表人", "审核人", "填报单位", "男", "女", "特别困难", "一般困难", "低保",
    "110105194912310021", "11010519491231002X", "370112201005121238", "6228480402564890018",
    "3.70112E+17", "１１５０", "\u3000", "\u00a0", "\u200b", "'", "1150", "1500", "800", "-1", "1e308",
    "99999999999999999999", "0.005", "2005-01-01", "2005/1/1",
]
XLSX_TOKENS = [
    '<c r="A1" t="s">', '<c r="B2">', '<c r="XFD1048576" t="inlineStr">', "<v>", "</v>", "<is><t>", "</t></is>",
    '<row r="1">', "</row>", "<sheetData>", "</sheetData>", "<si>", "</si>", "<t>", "</t>", "<r><t>",
    '<t xml:space="preserve">', "<f>", "</f>", 't="str"', 't="b"', 't="e"', 't="d"', 't="n"', 's="1"',
    '<mergeCell ref="A1:H1"/>', "<mergeCells>", "<numFmt numFmtId=", 'formatCode="yyyy-mm-dd"', "<xf numFmtId=",
    "<cellXfs>", 'numFmtId="14"', 'numFmtId="49"', "<sheet ", 'state="hidden"', 'r:id="rId1"', "<workbookPr",
    'date1904="1"', "<Relationship ", 'Target="worksheets/sheet1.xml"', 'Target="/xl/sharedStrings.xml"',
    'TargetMode="External"', "<!DOCTYPE", "<!ENTITY", "<![CDATA[", "]]>", "<?xml", "?>", "<!--", "-->",
    "&amp;", "&lt;", "&#x4E2D;", "&#20013;", "&#0;", "&#x110000;", "_x000D_", "_x4E2D_", "xmlns:x=",
    "x:", "37011220100512123", "3.70112201005123E+17", "45000", "1e308", "-0",
    "姓名", "身份证号", "资助金额", "银行卡号", "出生日期", "合计", SEPARATOR.decode("latin-1"),
]


def write_seed(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as seed:
        seed.write(data)


def write_dict(path, tokens):
    with open(path, "w") as out:
        for token in tokens:
            raw = token.encode("utf-8")
            escaped = "".join(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else "\\x%02X" % b for b in raw)
            out.write('"%s"\n' % escaped)
        # The same Chinese words as GB18030, the other encoding rosters arrive in.
        if tokens is CSV_TOKENS:
            for token in tokens:
                if any(ord(c) > 0x7F for c in token):
                    try:
                        raw = token.encode("gb18030")
                    except UnicodeEncodeError:
                        continue
                    out.write('"%s"\n' % "".join("\\x%02X" % b for b in raw))


def xlsx_bundle(path):
    """The parts of a workbook in the order the XLSX target expects, or None when it is no usable ZIP."""
    try:
        archive = zipfile.ZipFile(path)
        names = {name.lower(): name for name in archive.namelist()}

        def part(name):
            real = names.get(name.lower())
            return archive.read(real) if real else b""

        sheets = {}
        for name in archive.namelist():
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name, re.IGNORECASE)
            if match:
                sheets[int(match.group(1))] = archive.read(name)
    except Exception:
        return None
    if not sheets or "xl/workbook.xml" not in names:
        return None
    parts = [part("xl/workbook.xml"), part("xl/_rels/workbook.xml.rels"), part("xl/sharedStrings.xml"),
             part("xl/styles.xml")]
    parts += [sheets.get(number, b"") for number in range(1, max(sheets) + 1)]
    return SEPARATOR.join(parts)


def main():
    out = sys.argv[1]
    csv_inputs = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/import/*.csv"))
                        + glob.glob(os.path.join(ROOT, "Tests/Fixtures/import/*.txt"))
                        + glob.glob(os.path.join(ROOT, "Tests/Fixtures/crosscheck/*.csv"))
                        + glob.glob(os.path.join(ROOT, "Tests/Fixtures/fuzz-regressions/*.csv"))
                        + glob.glob(os.path.join(ROOT, "Tests/Fixtures/bad/*.csv"))
                        + glob.glob(os.path.join(ROOT, "samples/*.csv"))
                        + glob.glob(os.path.join(ROOT, "samples/*.txt")))
    for path in csv_inputs:
        with open(path, "rb") as source:
            write_seed(os.path.join(out, "seeds-csv"), source.read())
    xlsx_inputs = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/xlsx/*.xlsx"))
                         + glob.glob(os.path.join(ROOT, "Tests/Fixtures/xlsx-roster/*.xlsx"))
                         + glob.glob(os.path.join(ROOT, "Tests/Fixtures/fuzz-regressions/*.xlsx"))
                         + glob.glob(os.path.join(ROOT, "Tests/Fixtures/bad/*.xlsx")))
    for path in xlsx_inputs:
        if os.path.basename(path) in SLOW_SEEDS:
            continue
        with open(path, "rb") as source:
            write_seed(os.path.join(out, "seeds-xlsx"), source.read())
        bundle = xlsx_bundle(path)
        if bundle is not None:
            write_seed(os.path.join(out, "seeds-xlsx"), bundle)
    for path in glob.glob(os.path.join(ROOT, "Tests/Fixtures/fuzz-regressions/*.bundle")):
        with open(path, "rb") as source:
            write_seed(os.path.join(out, "seeds-xlsx"), source.read())
    write_dict(os.path.join(out, "csv.dict"), CSV_TOKENS)
    write_dict(os.path.join(out, "xlsx.dict"), XLSX_TOKENS)
    for kind in ("csv", "xlsx"):
        print("%s: %d seeds" % (kind, len(os.listdir(os.path.join(out, "seeds-" + kind)))))


if __name__ == "__main__":
    main()
