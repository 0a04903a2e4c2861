#!/usr/bin/env python3
"""Write class rosters as .xlsx with XlsxWriter (a writer zizhu did not write), for zizhu's tests.

Usage: make_xlsx_rosters.py SPEC.json

SPEC is a list of workbooks: {"path": ..., "sheet": name, "rows": [[cell, ...], ...], "numbers": bool,
"notes": optional text}. Row i of "rows" goes to sheet row i + 1, from column A; empty cells are left out,
so blank rows stay blank. Cells are text (identifiers always) except, when "numbers" is true, short plain
numbers such as 序号 and amounts, which are written as numbers the way Excel stores typed numbers.
With "notes", a second sheet 说明 holds that text (a sheet without a roster, which readers skip).
"""
import json
import re
import sys

import xlsxwriter

SHORT_NUMBER = re.compile(r"^\d{1,7}(\.\d{1,2})?$")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    for book in spec:
        workbook = xlsxwriter.Workbook(book["path"])
        sheet = workbook.add_worksheet(book["sheet"][:31])
        wrap = workbook.add_format({"text_wrap": True})
        for r, row in enumerate(book["rows"]):
            for c, cell in enumerate(row):
                if cell == "":
                    continue
                if book.get("numbers") and SHORT_NUMBER.match(cell):
                    sheet.write_number(r, c, float(cell))
                elif "\n" in cell:
                    sheet.write_string(r, c, cell, wrap)
                else:
                    sheet.write_string(r, c, cell)
        if book.get("notes"):
            workbook.add_worksheet("说明").write_string(0, 0, book["notes"])
        workbook.close()


if __name__ == "__main__":
    main()
