#!/usr/bin/env python3
"""Print the rows of a run's 花名册.xlsx and 退回清单.xlsx as JSON, read with openpyxl (a reader zizhu did
not write), so a test can prove that every input row is in exactly one of them.

Usage: round_rows.py OUTDIR

Output: {"register": [{"sheet", "row", "id", "name", "amountFen"}],
         "registerTotal": {"count", "amountFen"}   (the 合计 row: 人数 and the formula's cached value),
         "returned": [{"sheet", "file", "line"}]    (one per returned row, from every class sheet),
         "returnedOverview": n                      (the rows the 说明 sheet says each class sheet holds)}
"""
import json
import os
import sys
from decimal import Decimal

import openpyxl


def fen(value):
    if value is None or value == "":
        return None
    return int((Decimal(str(value)) * 100).quantize(Decimal(1)))


def register(path):
    rows, total = [], None
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        if not sheet.title.startswith("花名册"):
            continue
        for number, values in enumerate(sheet.iter_rows(min_row=4, values_only=True), start=4):
            if not values:
                continue
            first = values[0]
            if isinstance(first, (int, float)) and not isinstance(first, bool):
                rows.append({"sheet": sheet.title, "row": number, "id": str(values[3] or ""),
                             "name": str(values[1] or ""), "amountFen": fen(values[9])})
            elif first == "合计":
                total = {"count": int(values[1]), "amountFen": fen(values[9])}
    book.close()
    return rows, total


def returned(path):
    rows, overview = [], 0
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        if sheet.title == "说明":
            for values in sheet.iter_rows(min_row=4, values_only=True):
                if values and len(values) > 2 and isinstance(values[0], (int, float)) \
                        and isinstance(values[2], (int, float)):
                    overview += int(values[2])
            continue
        for values in sheet.iter_rows(values_only=True):
            if values and len(values) > 1 and isinstance(values[0], str) and values[0] != "文件" \
                    and isinstance(values[1], (int, float)):
                rows.append({"sheet": sheet.title, "file": values[0], "line": int(values[1])})
    book.close()
    return rows, overview


def main():
    folder = sys.argv[1]
    reg, total = register(os.path.join(folder, "花名册.xlsx"))
    ret, overview = returned(os.path.join(folder, "退回清单.xlsx"))
    json.dump({"register": reg, "registerTotal": total, "returned": ret, "returnedOverview": overview},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
