#!/usr/bin/env python3
"""The Python baseline of the write stage: the csv module and XlsxWriter in constant_memory mode writing
the same register book as Benchmarks/c/write_register.c (the cells are described there and in
Benchmarks/README.md).

    python3 Benchmarks/py/register_xlsxwriter.py INPUT.csv OUTPUT.xlsx
"""
import csv
import sys

import xlsxwriter

TITLE = "示例县第一中学2026年秋季学期普通高中国家助学金发放花名册"
HEADERS = ["序号", "姓名", "性别", "身份证号", "学籍号", "班级", "困难等级", "资助金额", "银行卡号", "开户行", "联系电话", "备注"]
WIDTHS = [6, 10, 5, 21, 22, 14, 10, 12, 23, 18, 14, 24]
TEXT_COLUMNS = {3, 4, 8, 10}
AMOUNT = 7
TIERS = ["特别困难", "困难", "一般困难"]
DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ["", "拾", "佰", "仟"]
SECTIONS = ["", "万", "亿", "万亿"]


def parse_fen(text):
    """'1150', '1150.5', '1,150.00' → fen; None when not an amount."""
    text = text.replace(",", "")
    whole, _, fraction = text.partition(".")
    if (not whole and not fraction) or not (whole or "0").isdigit() or (fraction and not fraction.isdigit()):
        return None
    if len(fraction) > 2:
        return None
    return int(whole or "0") * 100 + int((fraction + "00")[:2])


def amount_in_words(fen):
    """人民币大写 as DOMAIN.md spells it out (the same form as the C baseline)."""
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    out = "人民币"
    if yuan > 0:
        sections = []
        y = yuan
        while y > 0:
            sections.append(y % 10000)
            y //= 10000
        wrote = zero = False
        for s in range(len(sections) - 1, -1, -1):
            value = sections[s]
            for d in range(3, -1, -1):
                digit = value // 10 ** d % 10
                if digit == 0:
                    zero = zero or wrote
                else:
                    out += ("零" if zero else "") + DIGITS[digit] + UNITS[d]
                    zero, wrote = False, True
            if value and s > 0:
                out += SECTIONS[s]
                zero = False
        out += "元"
    if jiao == 0 and cents == 0:
        return out + ("零元" if yuan == 0 else "") + "整"
    if yuan > 0 and (jiao == 0 or yuan % 10 == 0):
        out += "零"
    if jiao:
        out += DIGITS[jiao] + "角"
    return out + (DIGITS[cents] + "分" if cents else "整")


def main():
    source, target = sys.argv[1], sys.argv[2]
    book = xlsxwriter.Workbook(target, {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    summary = book.add_worksheet("汇总")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    plain = book.add_format()
    header = book.add_format({"bold": True, "border": 1, "align": "center", "text_wrap": True})
    cell = book.add_format({"border": 1})
    text = book.add_format({"border": 1, "num_format": "@"})
    money = book.add_format({"border": 1, "num_format": "#,##0.00"})
    total_text = book.add_format({"bold": True, "border": 1})
    total_money = book.add_format({"bold": True, "border": 1, "num_format": "#,##0.00"})

    for k, width in enumerate(WIDTHS):
        sheet.set_column(k, k, width)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(2)
    sheet.set_footer("&C第 &P 页，共 &N 页")
    sheet.freeze_panes(3, 0)
    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, TITLE, title)
    sheet.merge_range(1, 0, 1, 5, "填报单位（盖章）：示例县第一中学", plain)
    sheet.write_string(1, len(HEADERS) - 1, "单位：元", plain)
    for k, name in enumerate(HEADERS):
        sheet.write_string(2, k, name, header)

    formats = [text if k in TEXT_COLUMNS else cell for k in range(len(HEADERS))]
    classes = []  # [name, [count×3], [fen×3]] in input order (the roster is ordered by class)
    students = total_fen = 0
    row = 3
    with open(source, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        head = next(reader)
        columns = [head.index(name) if name in head else -1 for name in HEADERS]
        level_column, class_column = columns[6], columns[5]
        for record in reader:
            if len(record) <= 1:
                continue
            students += 1
            sheet.write_number(row, 0, students, cell)
            for k in range(1, len(HEADERS)):
                source_column = columns[k]
                value = record[source_column] if 0 <= source_column < len(record) else ""
                if k == AMOUNT:
                    fen = parse_fen(value)
                    if fen is None:
                        sheet.write_string(row, k, value, cell)
                    else:
                        sheet.write_number(row, k, fen / 100, money)
                    continue
                if not value:
                    sheet.write_blank(row, k, None, formats[k])  # as libxlsxwriter does for ""
                    continue
                if "\r\n" in value:
                    value = value.replace("\r\n", "\n")
                sheet.write_string(row, k, value, formats[k])
            row += 1
            if fen:
                total_fen += fen
            class_name = record[class_column]
            if not classes or classes[-1][0] != class_name:
                classes.append([class_name, [0, 0, 0], [0, 0, 0]])
            level = record[level_column]
            if fen and level in TIERS:
                tier = TIERS.index(level)
                classes[-1][1][tier] += 1
                classes[-1][2][tier] += fen

    sheet.write_string(row, 0, "合计", total_text)
    sheet.write_string(row, 1, f"{students}人", total_text)
    sheet.merge_range(row, 2, row, 6, "", total_text)
    sheet.write_formula(row, AMOUNT, f"=SUM(H4:H{row})", total_money, total_fen / 100)
    sheet.merge_range(row, 8, row, len(HEADERS) - 1, amount_in_words(total_fen), total_text)
    sheet.write_string(row + 2, 0, "单位负责人：", plain)
    sheet.write_string(row + 2, 3, "审核人：", plain)
    sheet.write_string(row + 2, 6, "经办人：", plain)
    sheet.write_string(row + 2, 9, "填表日期：    年  月  日", plain)
    sheet.ignore_errors({"number_stored_as_text": f"D4:D{row} I4:I{row} K4:K{row}"})

    summary.set_column(0, 0, 16)
    summary.set_column(1, 8, 14)
    for k, name in enumerate(["班级", "人数", "特别困难人数", "特别困难金额", "困难人数", "困难金额", "一般困难人数",
                              "一般困难金额", "金额合计"]):
        summary.write_string(0, k, name, header)
    grand_count, grand_fen = [0, 0, 0], [0, 0, 0]
    for i, (name, counts, fens) in enumerate(classes, start=1):
        summary.write_string(i, 0, name, cell)
        summary.write_number(i, 1, sum(counts), cell)
        for t in range(3):
            summary.write_number(i, 2 + 2 * t, counts[t], cell)
            summary.write_number(i, 3 + 2 * t, fens[t] / 100, money)
            grand_count[t] += counts[t]
            grand_fen[t] += fens[t]
        summary.write_number(i, 8, sum(fens) / 100, money)
    last = len(classes) + 1
    summary.write_string(last, 0, "合计", total_text)
    cached = [sum(grand_count)]
    for t in range(3):
        cached += [grand_count[t], grand_fen[t] / 100]
    cached.append(sum(grand_fen) / 100)
    for k, column in enumerate("BCDEFGHI"):
        fmt = total_money if k in (2, 4, 6, 7) else total_text
        summary.write_formula(last, 1 + k, f"=SUM({column}2:{column}{last})", fmt, cached[k])
    book.close()
    print(f"rows={students} classes={len(classes)} total={total_fen // 100}.{total_fen % 100:02d}")


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        cases = {140950: "人民币壹仟肆佰零玖元伍角整", 600714: "人民币陆仟零柒元壹角肆分",
                 168032: "人民币壹仟陆佰捌拾元零叁角贰分", 1640902: "人民币壹万陆仟肆佰零玖元零贰分",
                 10700053: "人民币壹拾万柒仟元零伍角叁分", 10000000: "人民币壹拾万元整", 32504: "人民币叁佰贰拾伍元零肆分",
                 50: "人民币伍角整", 10001000: "人民币壹拾万零壹拾元整", 100000005: "人民币壹佰万元零伍分"}
        bad = {fen: amount_in_words(fen) for fen, words in cases.items() if amount_in_words(fen) != words}
        print("self-test " + ("failed: " + repr(bad) if bad else "passed"))
        sys.exit(1 if bad else 0)
    main()
