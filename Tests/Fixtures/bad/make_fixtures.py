#!/usr/bin/env python3
"""Writes the small bad inputs of this folder (issue 7); expected.json says what `zizhu check` must make of each.
The big ones (a 10 MB cell, a million empty lines, a zip bomb) are made by Tests/ZizhuCLITests/BadInputTests.swift
at run time, so the repository stays small. Standard library only.

    python3 Tests/Fixtures/bad/make_fixtures.py

Every row comes from samples/高一(1)班.csv (made-up people); each file breaks one thing, so that thing is the
first finding of its report.
"""
import csv as csvmodule
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "samples", "高一(1)班.csv")

LINES = open(SAMPLE, encoding="utf-8-sig").read().splitlines()
HEADER = LINES[0]
ROW_A = LINES[2]  # 李欣怡: no finding
ROW_B = LINES[6]  # 阿依古丽·买买提: no finding


def cells_of(row):
    return next(csvmodule.reader([row]))


def row_of(cells):
    out = io.StringIO()
    csvmodule.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def with_cell(row, column, value):
    """The row with one cell replaced; `value` is written as it is (it may be meant to break the CSV)."""
    cells = [row_of([cell]) for cell in cells_of(row)]
    cells[column] = value
    return ",".join(cells)


def bad_checksum(row):
    """The same row with the ID's check digit changed (and its 学籍号, G + ID, to match): id-checksum only."""
    cells = cells_of(row)
    digit = cells[4][-1]
    cells[4] = cells[4][:-1] + ("1" if digit != "1" else "2")
    cells[5] = "G" + cells[4]
    return row_of(cells)


def address_last(row):
    """家庭住址 moved to the end, where a cell lost to a broken quote costs nothing else."""
    cells = cells_of(row)
    return row_of(cells[:17] + cells[18:] + cells[17:18])


def csv(*rows, end="\r\n"):
    return end.join(rows) + end


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)


def zip_parts(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2026, 9, 1, 0, 0, 0))
            archive.writestr(info, text, compress_type=zipfile.ZIP_DEFLATED)


SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(name, sheet_xml, shared_strings):
    zip_parts(name, [
        ("[Content_Types].xml",
         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % RELATIONSHIPS),
        ("xl/workbook.xml",
         '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
         '<sheet name="高一(1)班" sheetId="1" r:id="rId1"/></sheets></workbook>' % (SPREADSHEET, RELATIONSHIPS)),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
         % (RELATIONSHIPS, RELATIONSHIPS)),
        ("xl/sharedStrings.xml", shared_strings),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ])


def main():
    write("empty.csv", b"")
    write("bom_only.csv", b"\xef\xbb\xbf")
    write("header_only.csv", csv(HEADER))
    write("nul_bytes.csv", csv(HEADER, ROW_A).encode() + with_cell(ROW_B, 1, "阿依\x00\x00古丽").encode() + b"\r\n")
    # GBK text, then two bytes that are neither UTF-8 nor GB18030.
    write("invalid_utf8_and_gb18030.csv",
          csv(HEADER, ROW_A).encode("gbk") + with_cell(ROW_B, 1, "阿依").encode("gbk")[:-2] + b"\xff\xff\r\n")
    # A GB18030 file that ends inside the four bytes of 𠮷 (95 34 B2 35): a download cut short.
    cut = csv(HEADER, ROW_A).encode("gb18030") + with_cell(ROW_B, 1, "王𠮷").encode("gb18030")
    cut = cut[:cut.index("王𠮷".encode("gb18030")) + 4]
    assert cut.endswith(b"\x95\x34")
    write("gb18030_cut_in_4byte.csv", cut)
    # Rows pasted together from a UTF-8 file and a GBK one.
    write("mixed_encodings.csv", csv(HEADER, ROW_A).encode("utf-8") + csv(ROW_B).encode("gbk"))
    # The last cell (家庭住址, moved there) of the last row opens a quote that never closes.
    write("unterminated_quote.csv", csv(address_last(HEADER), address_last(ROW_A),
                                        with_cell(address_last(ROW_B), 21, '"历城区王舍人街道1号')))
    # Old Mac line ends; the second row's ID fails its check digit, which must be reported on line 3.
    write("cr_only.csv", csv(HEADER, ROW_A, bad_checksum(ROW_B), end="\r"))
    # 10,000 columns: the template's 22 and 9,978 more, every row as wide.
    extra = 10000 - len(HEADER.split(","))
    wide_header = HEADER + "," + ",".join("备用%d" % k for k in range(1, extra + 1))
    padding = "," * extra
    write("ten_thousand_columns.csv", csv(wide_header, ROW_A + padding, bad_checksum(ROW_B) + padding))
    # 10,000 cells under a 22-column header: the extra cells are listed, the message stays short.
    write("ten_thousand_cells.csv", csv(HEADER, ROW_A + "," + ",".join("多%d" % k for k in range(extra)), ROW_B))

    header_cells = "".join('<c r="%s1" t="s"><v>%d</v></c>' % (column, index)
                           for index, column in enumerate("ABC"))
    strings = ('<?xml version="1.0"?><sst xmlns="%s"><si><t>姓名</t></si><si><t>身份证号</t></si>'
               '<si><t>资助金额</t></si></sst>' % SPREADSHEET)
    # Row 2 names shared string 7 of 3.
    workbook("shared_string_out_of_range.xlsx",
             '<?xml version="1.0"?><worksheet xmlns="%s"><sheetData><row r="1">%s</row>'
             '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="inlineStr"><is><t>370112201007020422</t></is></c>'
             '<c r="C2"><v>1500</v></c></row></sheetData></worksheet>' % (SPREADSHEET, header_cells), strings)
    # Billion laughs: ten levels of ten, 10^9 copies of "哈" if a parser expanded it.
    entities = '<!ENTITY a0 "哈">' + "".join(
        '<!ENTITY a%d "%s">' % (level, ("&a%d;" % (level - 1)) * 10) for level in range(1, 10))
    workbook("entity_expansion.xlsx",
             '<?xml version="1.0"?><!DOCTYPE worksheet [%s]><worksheet xmlns="%s"><sheetData><row r="1">%s</row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>'
             % (entities, SPREADSHEET, header_cells), strings)


if __name__ == "__main__":
    main()
