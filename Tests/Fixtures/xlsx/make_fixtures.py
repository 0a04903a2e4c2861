#!/usr/bin/env python3
"""Builds the XLSX fixtures of Tests/ZizhuImportTests/XLSX. The outputs are committed, so tests need no Python.

    python3 Tests/Fixtures/xlsx/make_fixtures.py            # rewrite every fixture in this folder
    python3 Tests/Fixtures/xlsx/make_fixtures.py --bench F [--rows N] [--shared-strings]
                                                            # only a 100,000 x 15 benchmark sheet, to F

Needs openpyxl and xlsxwriter (`make deps-pip`); msoffcrypto-tool for the encrypted workbook and LibreOffice
(`apt-get install --no-install-recommends libreoffice-calc-nogui`) for the LibreOffice files. A fixture whose
tool is missing is left as it is, with a note. Re-running rewrites the openpyxl, LibreOffice and encrypted files
with new timestamps (or salt), not new cells; the others come out byte for byte the same.
All people, IDs and card numbers are made up (the IDs are the examples of GB 11643-1999 or fail their checks).
"""
import datetime
import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "XX学校2026年秋季学期普通高中国家助学金申请名单"
HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "资助金额", "银行卡号", "备注"]


def out(name):
    return os.path.join(HERE, name)


# --- openpyxl -------------------------------------------------------------------------------------------------

def make_openpyxl_roster():
    """openpyxl 3.1 writes strings inline (t="inlineStr") and numbers with Python's repr."""
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "高一(2)班"
    ws["A1"] = TITLE
    ws.merge_cells("A1:H1")
    ws.append([])  # row 2 stays blank
    for column, name in enumerate(HEADER, start=1):
        ws.cell(row=3, column=column, value=name)
    rows = [
        # ID as text with "@"; card as text; a newline inside a cell.
        [1, "张三", "男", "11010519491231002X", datetime.date(2005, 1, 1), 1150.5, "6228480402564890018",
         "家庭困难\n低保户"],
        # ID and card typed as numbers: the classic Excel damage.
        [2, "李四", "女", 370112201005123456, datetime.date(2006, 2, 28), 1500, 6228480402564890018, None],
        # Gender left empty: an empty cell in the middle of the row.
        [3, "王五", None, "440524188001010014", datetime.date(2004, 12, 31), 800, "6222020200112233445",
         "含<特殊>&\"字符'"],
    ]
    for offset, values in enumerate(rows):
        row = 4 + offset
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=row, column=column, value=value)
            if column in (4, 7) and isinstance(value, str):
                cell.number_format = "@"
            if column == 5:
                cell.number_format = "yyyy-mm-dd"
            if column == 6:
                cell.number_format = "#,##0.00"
            if column == 8:
                cell.alignment = Alignment(wrap_text=True)
    ws["A7"] = "合计"
    ws["F7"] = "=SUM(F4:F6)"  # openpyxl stores no cached value: the cell reads as empty

    second = wb.create_sheet("高一(3)班")
    second.append(["序号", "姓名", "身份证号", "资助金额", "住校", "核对"])
    second.append([1, "赵六", "11010519491231002X", 1500, True, "#N/A"])
    second["A3"] = 2
    second["D3"] = 312.5

    notes = wb.create_sheet("说明")
    notes["A1"] = "填表说明：身份证号请设为文本格式"
    notes.sheet_state = "hidden"
    lists = wb.create_sheet("数据")
    lists["A1"] = "特别困难"
    lists.sheet_state = "veryHidden"
    wb.save(out("openpyxl_roster.xlsx"))


def make_openpyxl_date1904():
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["姓名", "出生日期", "数值"])
    ws.append(["张三", datetime.date(2005, 1, 1), 38353])
    ws["B2"].number_format = "yyyy-mm-dd"
    wb.save(out("openpyxl_date1904.xlsx"))


# --- xlsxwriter -----------------------------------------------------------------------------------------------

def make_xlsxwriter_roster():
    """xlsxwriter (the same engine as libxlsxwriter) writes a shared-string table and cached formula values."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out("xlsxwriter_roster.xlsx"))
    wb.set_properties({"created": datetime.datetime(2026, 9, 1)})
    title = wb.add_format({"bold": True, "align": "center"})
    text = wb.add_format({"num_format": "@"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    builtin_date = wb.add_format({"num_format": 14})
    money = wb.add_format({"num_format": "#,##0.00"})
    wrap = wb.add_format({"text_wrap": True})
    bold = wb.add_format({"bold": True})

    ws = wb.add_worksheet("高一(2)班")
    ws.merge_range("A1:H1", TITLE, title)
    ws.write_row(2, 0, HEADER)
    ws.write_number(3, 0, 1)
    ws.write_string(3, 1, "张三")
    ws.write_string(3, 2, "男")
    ws.write_string(3, 3, "11010519491231002X", text)
    ws.write_datetime(3, 4, datetime.datetime(2005, 1, 1), date)
    ws.write_number(3, 5, 1150.5, money)
    ws.write_string(3, 6, "6228480402564890018", text)
    ws.write_string(3, 7, "家庭困难\n低保户", wrap)

    ws.write_number(4, 0, 2)
    ws.write_string(4, 1, "李四")
    ws.write_string(4, 2, "女")
    ws.write_number(4, 3, 370112201005123456)  # written as 3.701122010051235E+17
    ws.write_datetime(4, 4, datetime.datetime(2006, 2, 28), builtin_date)
    ws.write_number(4, 5, 1500, money)
    ws.write_number(4, 6, 6228480402564890018)
    ws.write_rich_string(4, 7, "已核实", bold, "（低保）")

    ws.write_number(5, 0, 3)
    ws.write_string(5, 1, "王五")
    # C6 (性别) left empty.
    ws.write_string(5, 3, "440524188001010014", text)
    ws.write_number(5, 4, 38352, date)
    ws.write_number(5, 5, 800, money)
    ws.write_string(5, 6, "6222020200112233445", text)

    ws.write_string(6, 0, "合计")
    ws.write_formula(6, 5, "=SUM(F4:F6)", money, 3450.5)
    ws.write_formula(6, 6, '="共"&COUNT(A4:A6)&"人"', None, "共3人")
    ws.write_boolean(6, 7, True)

    second = wb.add_worksheet("高一(3)班")
    second.write_row(0, 0, ["序号", "姓名", "身份证号", "资助金额"])
    second.write_row(1, 0, [1, "赵六", "11010519491231002X", 1500])

    hidden = wb.add_worksheet("说明")
    hidden.write_string(0, 0, "填表说明")
    hidden.hide()
    wb.close()


def make_xlsxwriter_constant_memory():
    """constant_memory mode streams rows and writes inline strings, as zizhu's own large outputs do."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out("xlsxwriter_constant_memory.xlsx"), {"constant_memory": True})
    wb.set_properties({"created": datetime.datetime(2026, 9, 1)})
    text = wb.add_format({"num_format": "@"})
    ws = wb.add_worksheet("名单")
    ws.write_row(0, 0, ["姓名", "身份证号", "资助金额", "备注"])
    ws.write_string(1, 0, "张三")
    ws.write_string(1, 1, "11010519491231002X", text)
    ws.write_number(1, 2, 1150)
    ws.write_string(2, 0, "李四")
    ws.write_string(2, 3, "第二行\n换行")
    ws.write_string(4, 0, "王五")  # row 4 left out: rows keep their sheet numbers
    ws.write_number(4, 2, 312.5)
    wb.close()


# --- LibreOffice ----------------------------------------------------------------------------------------------

LIBREOFFICE_CSV = (
    "序号,姓名,身份证号,出生日期,资助金额\n"
    "1,张三,370112201005123456,2005-01-01,1150.50\n"
    "2,李四,11010519491231002X,2006-02-28,800\n"
)


def soffice(args, cwd):
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return False
    subprocess.run([binary, "--headless"] + args, cwd=cwd, check=True, capture_output=True, timeout=300)
    return True


def make_libreoffice():
    """LibreOffice Calc opening a UTF-8 CSV turns the 18-digit ID into a number (3.70112201005123E+017)."""
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "roster.csv"), "w", encoding="utf-8") as f:
            f.write(LIBREOFFICE_CSV)
        # CSV:44,34,76,1 = comma separated, '"' quotes, UTF-8, start at line 1.
        if not soffice(["--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "roster.csv"], work):
            print("soffice not found: libreoffice_from_csv.xlsx and legacy_xls_renamed.xlsx left as they are")
            return
        shutil.copy(os.path.join(work, "roster.xlsx"), out("libreoffice_from_csv.xlsx"))
        # An old binary .xls, renamed .xlsx as users do.
        soffice(["--infilter=CSV:44,34,76,1", "--convert-to", "xls", "roster.csv"], work)
        shutil.copy(os.path.join(work, "roster.xls"), out("legacy_xls_renamed.xlsx"))


def make_encrypted():
    """A password-protected workbook: an OLE2 compound file with EncryptionInfo and EncryptedPackage."""
    try:
        import msoffcrypto.format.ooxml as ooxml
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx left as it is")
        return
    with open(out("xlsxwriter_constant_memory.xlsx"), "rb") as plain, open(out("encrypted.xlsx"), "wb") as sealed:
        ooxml.OOXMLFile(plain).encrypt("zizhu", sealed)


# --- bad packages -------------------------------------------------------------------------------------------

def fixed_time_member(name):
    """A ZIP member stamped 1980-01-01, so re-running the script leaves these packages byte for byte the same."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def rewrite_zip(source, target, replace):
    """Copies a package, passing each member's bytes through replace(name, data) (None drops the member)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(fixed_time_member(info.filename), data)


def make_bad_files():
    rng = random.Random(6)
    with open(out("not_a_zip.xlsx"), "wb") as f:
        f.write(bytes(rng.randrange(256) for _ in range(2048)))

    with zipfile.ZipFile(out("zip_without_workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(fixed_time_member("readme.txt"), "这不是工作簿")
        z.writestr(fixed_time_member("word/document.xml"), "<w:document/>")

    roster = out("xlsxwriter_roster.xlsx")

    def truncate_sheet(name, data):
        return data[: len(data) * 6 // 10] if name == "xl/worksheets/sheet1.xml" else data
    rewrite_zip(roster, out("broken_sheet_truncated.xlsx"), truncate_sheet)

    def mismatch_tag(name, data):
        return data.replace(b"</row>", b"</rows>", 2) if name == "xl/worksheets/sheet1.xml" else data
    rewrite_zip(roster, out("broken_sheet_mismatched_tag.xlsx"), mismatch_tag)

    def bad_shared_index(name, data):
        if name != "xl/worksheets/sheet1.xml":
            return data
        patched, count = re.subn(rb'(<c r="B4"[^>]*t="s"[^>]*><v>)\d+(</v>)', rb"\g<1>9999\g<2>", data)
        assert count == 1
        return patched
    rewrite_zip(roster, out("shared_string_out_of_range.xlsx"), bad_shared_index)

    laughs = ['<!ENTITY lol "lol">'] + [
        '<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10) for i in range(1, 10)]
    billion = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n%s\n]>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               "<si><t>&lol9;</t></si></sst>") % "\n".join(laughs)

    def billion_laughs(name, data):
        return billion.encode() if name == "xl/sharedStrings.xml" else data
    rewrite_zip(roster, out("billion_laughs.xlsx"), billion_laughs)


# --- handmade packages: what Excel and other writers put in files that openpyxl/xlsxwriter never write ----------

SML_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def content_types(workbook, sheets, styles=None, shared=None):
    overrides = [(workbook, "sheet.main+xml")] + [(sheet, "worksheet+xml") for sheet in sheets]
    if styles:
        overrides.append((styles, "styles+xml"))
    if shared:
        overrides.append((shared, "sharedStrings+xml"))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>%s</Types>'
            % "".join('<Override PartName="/%s" ContentType="%s%s"/>' % (name, SML_TYPE, kind)
                      for name, kind in overrides))
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def root_rels(workbook_target):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sofficeDocument" Target="%s"/></Relationships>'
            % (REL_TYPE, workbook_target))


def relationships(items):
    body = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (i, REL_TYPE, t, target)
                   for i, t, target in items)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s'
            "</Relationships>" % body)


def write_package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(fixed_time_member(name), text.encode("utf-8") if isinstance(text, str) else text)


def make_handmade_excel_idioms():
    """Excel's own habits: 17-digit float noise, rich text and phonetic runs, _xHHHH_ escapes, t="d" and t="e"
    cells, styled empty cells and rows, cells and rows without references, an absolute relationship target."""
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="%s" xmlns:r="%s"><workbookPr/><sheets>'
                '<sheet name="高一&amp;高二" sheetId="1" r:id="rId1"/>'
                '<sheet name="第二页" sheetId="2" state="visible" r:id="rId2"/>'
                "</sheets></workbook>" % (NS, REL_NS))
    rels = relationships([("rId1", "worksheet", "/xl/worksheets/sheet1.xml"),
                          ("rId2", "worksheet", "worksheets/../worksheets/sheet2.xml"),
                          ("rId3", "sharedStrings", "sharedStrings.xml"),
                          ("rId4", "styles", "styles.xml")])
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="%s"><numFmts count="2">'
              '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="177" formatCode="[h]:mm:ss"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs>'
              '<cellXfs count="6"><xf numFmtId="0" xfId="0"/><xf numFmtId="49" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="14" xfId="0"><alignment wrapText="1"/></xf><xf numFmtId="176" xfId="0"/>'
              '<xf numFmtId="177" xfId="0"/><xf numFmtId="4" xfId="0"/></cellXfs></styleSheet>' % NS)
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<sst xmlns="%s" count="6" uniqueCount="6">'
              "<si><t>姓名</t></si>"
              "<si><t>身份证号</t></si>"
              '<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r>'
              '<rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/></si>'
              "<si><t>第一行_x000D_&#10;第二行</t></si>"
              "<si><t>a_x005F_x0041_b&#x4E2D;&lt;&amp;&gt;</t></si>"
              "<si><t>出生日期</t></si>"
              "</sst>" % NS)
    sheet1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:F6"/><sheetData>\n'
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>5</v></c>'
              '<c r="D1" s="1"/></row>\n'
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1" t="s"><v>1</v></c>'
              '<c r="C2" s="3"><v>38353</v></c><c r="D2" s="5"><v>1150.4999999999998</v></c>'
              '<c r="E2"><v>0.30000000000000004</v></c><c r="F2"><v>3.7011220100512301E+17</v></c></row>\n'
              '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c>'
              '<c r="C3" t="d"><v>2005-01-01T00:00:00</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
              '<c r="E3" t="str"><f>A1&amp;"x"</f><v>姓名x</v></c><c r="F3" s="4"><v>1.5</v></c></row>\n'
              '<row r="5" s="2" customFormat="1"><c r="A5" s="2"/></row>\n'
              '<row><c><v>1</v></c><c><v>-2.5E-3</v></c><c r="E6" t="b"><v>0</v></c><c><v>7</v></c></row>\n'
              '<row r="8"><c r="C8" t="inlineStr"><is><r><t>内联</t></r><r><t>富文本</t></r></is></c>'
              '<c r="B8"><f>1+1</f><v>2</v></c></row>\n'
              "</sheetData>"
              '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C2:D2"/></mergeCells>'
              "</worksheet>" % (NS, REL_NS))
    sheet2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>'
              % NS)
    write_package(out("handmade_excel_idioms.xlsx"), [
        ("[Content_Types].xml", content_types("xl/workbook.xml", ["xl/worksheets/sheet1.xml",
                                                                  "xl/worksheets/sheet2.xml"],
                                              "xl/styles.xml", "xl/sharedStrings.xml")),
        ("_rels/.rels", root_rels("xl/workbook.xml")),
        ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2)])


def make_handmade_prefixed():
    """OpenXML-SDK style: every element prefixed `x:`, a workbook part with an unusual name found through
    _rels/.rels, a BOM, the 1904 date system and rows without `r`."""
    workbook = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>'
                '<x:workbook xmlns:x="%s" xmlns:rel="%s"><x:workbookPr date1904="1"/><x:sheets>'
                '<x:sheet name="名单" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>' % (NS, REL_NS))
    rels = relationships([("R1", "worksheet", "sheets/data.xml"), ("R2", "styles", "/xl/theStyles.xml")])
    styles = ('<x:styleSheet xmlns:x="%s"><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/>'
              "</x:cellXfs></x:styleSheet>" % NS)
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="%s"><x:sheetData>'
             '<x:row><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c>'
             '<x:c r="B1" t="inlineStr"><x:is><x:t>出生日期</x:t></x:is></x:c></x:row>'
             '<x:row><x:c r="A2" t="inlineStr"><x:is><x:t>张三</x:t></x:is></x:c>'
             '<x:c r="B2" s="1"><x:v>36891</x:v></x:c></x:row>'
             "</x:sheetData><x:mergeCells><x:mergeCell ref=\"A3:B3\"/></x:mergeCells></x:worksheet>" % NS)
    write_package(out("handmade_prefixed.xlsx"), [
        ("[Content_Types].xml", content_types("xl/book.xml", ["xl/sheets/data.xml"], "xl/theStyles.xml")),
        ("_rels/.rels", root_rels("/xl/book.xml")),
        ("xl/book.xml", workbook), ("xl/_rels/book.xml.rels", rels), ("xl/theStyles.xml", styles),
        ("xl/sheets/data.xml", sheet)])


# --- ZIP bombs ------------------------------------------------------------------------------------------------

def set_uncompressed_size(path, member, size):
    """Patches the uncompressed size a ZIP declares for one member, in its local header and central directory."""
    data = bytearray(open(path, "rb").read())
    name = member.encode()
    for signature, size_offset, name_length_offset, header_length in ((b"PK\x03\x04", 22, 26, 30),
                                                                        (b"PK\x01\x02", 24, 28, 46)):
        position = data.find(signature)
        while position >= 0:
            name_length = struct.unpack_from("<H", data, position + name_length_offset)[0]
            if data[position + header_length: position + header_length + name_length] == name:
                struct.pack_into("<I", data, position + size_offset, size)
            position = data.find(signature, position + 4)
    open(path, "wb").write(data)


def bomb_package(path, filler_bytes):
    workbook = ('<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="炸弹" sheetId="1" r:id="rId1"/>'
                "</sheets></workbook>" % (NS, REL_NS))
    sheet = ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' % NS).encode()
    sheet += b" " * filler_bytes + b"</worksheet>"
    write_package(path, [
        ("[Content_Types].xml", content_types("xl/workbook.xml", ["xl/worksheets/sheet1.xml"])),
        ("_rels/.rels", root_rels("xl/workbook.xml")), ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", relationships([("rId1", "worksheet", "worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet)])


def make_bombs():
    # 8 MiB of spaces deflate to about 8 KiB (about 1030:1): small to commit, fast to inflate.
    bomb_package(out("bomb_8mib.xlsx"), 8 << 20)
    # The same, declaring 2,000 bytes: only counting inflated bytes catches it.
    shutil.copy(out("bomb_8mib.xlsx"), out("bomb_lying_size.xlsx"))
    set_uncompressed_size(out("bomb_lying_size.xlsx"), "xl/worksheets/sheet1.xml", 2000)
    # A tiny sheet declaring 2 GiB: refused before anything is inflated, under the standard limits.
    bomb_package(out("bomb_declared_2gib.xlsx"), 0)
    set_uncompressed_size(out("bomb_declared_2gib.xlsx"), "xl/worksheets/sheet1.xml", 2 << 30)


# --- raw ZIP layouts -----------------------------------------------------------------------------------------

def write_raw_zip(path, members, zip64=False):
    """A ZIP written field by field: members are (name, data, raw) where raw, if given, replaces the deflated
    data as is. With zip64, every size and offset goes through ZIP64 extra fields and end records."""
    import zlib

    out = io.BytesIO()
    central = []
    for name, data, raw in members:
        name = name.encode()
        if raw is None:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            raw = packer.compress(data) + packer.flush()
        offset, crc = out.tell(), zlib.crc32(data)
        if zip64:
            extra = struct.pack("<HHQQ", 1, 16, len(data), len(raw))
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                                  len(name), len(extra)) + name + extra + raw)
        else:
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), len(data),
                                  len(name), 0) + name + raw)
        central.append((name, crc, len(raw), len(data), offset))
    directory_offset = out.tell()
    for name, crc, compressed, size, offset in central:
        if zip64:
            # Offset 0 stays in the 32-bit field: ZIPFoundation 0.9.20 reads a ZIP64 offset of 0 as "absent".
            if offset:
                extra, short_offset = struct.pack("<HHQQQ", 1, 24, size, compressed, offset), 0xFFFFFFFF
            else:
                extra, short_offset = struct.pack("<HHQQ", 1, 16, size, compressed), 0
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF,
                                  0xFFFFFFFF, len(name), len(extra), 0, 0, 0, 0, short_offset) + name + extra)
        else:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, compressed, size,
                                  len(name), 0, 0, 0, 0, 0, offset) + name)
    directory_size = out.tell() - directory_offset
    if zip64:
        zip64_end = out.tell()
        out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(central), len(central),
                              directory_size, directory_offset))
        out.write(struct.pack("<IIQI", 0x07064B50, 0, zip64_end, 1))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
    else:
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), directory_size,
                              directory_offset, 0))
    with open(path, "wb") as f:
        f.write(out.getvalue())


def minimal_workbook_parts(sheet_xml):
    workbook = ('<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/>'
                "</sheets></workbook>" % (NS, REL_NS))
    return [
        ("[Content_Types].xml", content_types("xl/workbook.xml", ["xl/worksheets/sheet1.xml"]).encode()),
        ("_rels/.rels", root_rels("xl/workbook.xml").encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels",
         relationships([("rId1", "worksheet", "worksheets/sheet1.xml")]).encode()),
        ("xl/worksheets/sheet1.xml", sheet_xml.encode()),
    ]


def make_raw_zips():
    sheet = ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row><row r="2"><c r="A2" t="inlineStr">'
             "<is><t>张三</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>11010519491231002X</t></is></c></row>"
             "</sheetData></worksheet>" % NS)
    # Every size and offset in ZIP64 form, as some streaming writers do even for small files.
    write_raw_zip(out("zip64_roster.xlsx"), [(n, d, None) for n, d in minimal_workbook_parts(sheet)], zip64=True)
    # The last entry's deflate stream is a stored block claiming 65,535 bytes that never come: a reader that
    # inflates on past the entry's compressed size reaches the end of the file with the stream still open.
    never_ends = b"\x00" + struct.pack("<HH", 0xFFFF, 0x0000) + b"<worksheet><sheetData>" + b" " * 100
    members = [(n, d, None) for n, d in minimal_workbook_parts(sheet)]
    members[-1] = (members[-1][0], b"x" * 1_000_000, never_ends)
    write_raw_zip(out("stored_block_never_ends.xlsx"), members)


# --- benchmark sheet ------------------------------------------------------------------------------------------

def make_benchmark(path, rows=100_000, shared_strings=False):
    """rows x 15 columns through xlsxwriter: constant_memory mode (inline strings, as zizhu writes large files),
    or with `shared_strings` a shared-string table holding every distinct ID, card and name."""
    import xlsxwriter

    rng = random.Random(100)
    wb = xlsxwriter.Workbook(path, {"constant_memory": not shared_strings})
    text = wb.add_format({"num_format": "@"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("高一(2)班")
    header = ["序号", "姓名", "性别", "民族", "身份证号", "学籍号", "学校", "年级", "班级", "户籍性质", "困难类型",
              "困难等级", "资助金额", "银行卡号", "出生日期"]
    ws.write_row(0, 0, header)
    surnames, given = "王李张刘陈杨黄赵吴周", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
    for row in range(1, rows + 1):
        ident = "3701122005%08d" % rng.randrange(10 ** 8)
        ws.write_number(row, 0, row)
        ws.write_string(row, 1, rng.choice(surnames) + rng.choice(given) + rng.choice(given))
        ws.write_string(row, 2, rng.choice("男女"))
        ws.write_string(row, 3, "汉族")
        ws.write_string(row, 4, ident, text)
        ws.write_string(row, 5, "G" + ident, text)
        ws.write_string(row, 6, "XX县第一中学")
        ws.write_string(row, 7, "高一")
        ws.write_string(row, 8, "%d班" % (row % 12 + 1))
        ws.write_string(row, 9, rng.choice(["农村", "城镇"]))
        ws.write_string(row, 10, rng.choice(["脱贫家庭", "低保", "其他"]))
        ws.write_string(row, 11, rng.choice(["特别困难", "困难", "一般困难"]))
        ws.write_number(row, 12, rng.choice([1500, 1150, 800]))
        ws.write_string(row, 13, "622848%013d" % rng.randrange(10 ** 13), text)
        ws.write_number(row, 14, 38000 + rng.randrange(1500), date)
    wb.close()


def main():
    if "--bench" in sys.argv:
        rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 100_000
        make_benchmark(sys.argv[sys.argv.index("--bench") + 1], rows, "--shared-strings" in sys.argv)
        return
    make_openpyxl_roster()
    make_openpyxl_date1904()
    make_xlsxwriter_roster()
    make_xlsxwriter_constant_memory()
    make_libreoffice()
    make_encrypted()
    make_bad_files()
    make_handmade_excel_idioms()
    make_handmade_prefixed()
    make_bombs()
    make_raw_zips()


if __name__ == "__main__":
    main()
