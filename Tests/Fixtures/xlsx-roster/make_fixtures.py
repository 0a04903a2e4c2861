#!/usr/bin/env python3
"""Writes the XLSX roster fixtures in this folder (outputs are committed; run from anywhere).

- openpyxl_gbk_title.xlsx / xlsxwriter_gbk_title.xlsx: the roster of ../import/gbk_title.csv, cell for cell and
  row for row (title merged over A1:F1, 填报单位 line, blank rows, 合计 and signature lines), IDs and cards as text
  with the "@" format, 序号 and amounts as numbers. XLSXRosterTests asserts they read exactly like the CSV.
- numbers.xlsx (openpyxl): identifiers, phone, amounts and birth dates stored as numbers, over three sheets
  (a visible 说明 sheet without a header, two class sheets, a hidden sheet), and a text ID ending in 000.
"""
import datetime
import os

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))


def out(name):
    return os.path.join(HERE, name)


# Row number -> cells, exactly as in ../import/gbk_title.csv (rows 3, 7 and 13 are blank there and absent here).
GBK_TITLE_ROWS = {
    1: ["XX中学2026年秋季学期普通高中国家助学金申请名单"],
    2: ["填报单位（盖章）：XX中学", None, None, None, "单位：元"],
    4: ["序号", "姓名", "性别", "身份证号", "银行卡号", "资助金额"],
    5: [1, "张三", "男", "370112201005121238", "6228480402564890018", 1150],
    6: [2, "李四", "女", "370112200911032144", "6222021234567890123", 1500],
    8: [3, "王五", "男", "370112201008303010", "6217001234567890125", 800],
    9: [4, "赵六", "女", "37011220110214452X", "6228480402564890018", 1150],
    10: [5],
    11: ["合计", None, None, None, None, 4600],
    12: ["制表人：李老师", None, "审核人：王主任", None, "填表日期：2026年9月10日"],
}


def make_openpyxl_gbk_title():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "高一(2)班"
    for row, values in GBK_TITLE_ROWS.items():
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=row, column=column, value=value)
            if row >= 5 and column in (4, 5) and isinstance(value, str):
                cell.number_format = "@"
    ws.merge_cells("A1:F1")
    wb.save(out("openpyxl_gbk_title.xlsx"))


def make_xlsxwriter_gbk_title():
    wb = xlsxwriter.Workbook(out("xlsxwriter_gbk_title.xlsx"))
    text = wb.add_format({"num_format": "@"})
    ws = wb.add_worksheet("高一(2)班")
    for row, values in GBK_TITLE_ROWS.items():
        for column, value in enumerate(values):
            if value is None:
                continue
            if row == 1:
                continue
            if isinstance(value, str):
                ws.write_string(row - 1, column, value, text if row >= 5 and column in (3, 4) else None)
            else:
                ws.write_number(row - 1, column, value)
    ws.merge_range(0, 0, 0, 5, GBK_TITLE_ROWS[1][0])
    wb.close()


def make_numbers():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "填表说明：身份证号、银行卡号请设为文本格式"
    notes["A2"] = "金额单位：元"

    ws = wb.create_sheet("高一(2)班")
    ws.append(["序号", "姓名", "性别", "身份证号", "银行卡号", "资助金额", "联系电话", "出生日期"])
    # Row 2: ID and card typed as numbers (damaged), phone as a number (fine), birth date a bare serial.
    ws.append([1, "张三", "男", 370112201005123456, 6.228480402564890018e18, 1150.5, 13812345678, 40310])
    # Row 3: everything as text, birth date a real date cell.
    ws.append([2, "李四", "女", "370112200911032144", "6222021234567890123", 1500, "13912345678",
               datetime.date(2009, 11, 3)])
    ws["D3"].number_format = "@"
    ws["H3"].number_format = "yyyy-mm-dd"
    # Row 4: the ID in E notation as Excel writes a double; card as text.
    ws.append([3, "王五", "男", 3.70112201008303e17, "6217001234567890125", 800, 13712345678, None])

    second = wb.create_sheet("高一(3)班")
    second.append(["序号", "姓名", "身份证号", "资助金额"])
    second.append([1, "赵六", "37011220110214452X", 1150])
    # Typed as text: ends in 000 and fails the check digit, which a CSV could not tell from Excel damage.
    second.append([2, "钱七", "370112201005123000", 800])

    hidden = wb.create_sheet("旧名单")
    hidden.append(["序号", "姓名", "身份证号", "资助金额"])
    hidden.append([1, "孙八", "11010519491231002X", 800])
    hidden.sheet_state = "hidden"
    wb.save(out("numbers.xlsx"))


def main():
    make_openpyxl_gbk_title()
    make_xlsxwriter_gbk_title()
    make_numbers()


if __name__ == "__main__":
    main()
