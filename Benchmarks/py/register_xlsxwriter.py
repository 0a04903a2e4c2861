#!/usr/bin/env python3
"""The Python baseline of the write stage: the csv module and XlsxWriter in constant_memory mode writing
the same register book as `zizhu register` under the default policy, cell for cell and format for format,
as Benchmarks/c/write_register.c does (its header comment and Benchmarks/README.md describe the cells).
Rows the default bank template cannot carry (a name with 䶮 or 𬭚 is not GBK: zizhu returns the row as
bank-value-unwritable) are left out, as zizhu leaves them out; every other rule is trusted (the roster is
clean). The roster must be in class order.

    python3 Benchmarks/py/register_xlsxwriter.py INPUT.csv OUTPUT.xlsx | --self-test
"""
import csv
import sys

import xlsxwriter

SCHOOL = "示例县第一中学"
ROUND_TITLE = SCHOOL + "2026年秋季学期普通高中国家助学金"
TITLE = ROUND_TITLE + "发放花名册"
SUMMARY_TITLE = ROUND_TITLE + "发放汇总表"
FILL_DATE = "填表日期：      年    月    日"
HEADERS = ["序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型", "困难等级", "资助金额", "银行卡号",
           "开户行", "持卡人", "备注"]
SOURCES = ["姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型", "困难等级", "资助金额", "银行卡号", "开户行",
           "持卡人"]
AMOUNT = 9
TIERS = ["特别困难", "困难", "一般困难"]
STANDARDS = "资助标准：特别困难 1,500.00 元/人，困难 1,150.00 元/人，一般困难 800.00 元/人。"
SAMPLE_ROWS = 2000
DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ["", "拾", "佰", "仟"]
SECTIONS = ["", "万", "亿", "万亿"]
WIDE = ((0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF),
        (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD))


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


def display_width(text):
    """DisplayWidth.of: East Asian wide characters count 2, others 1; the widest line."""
    widest = 0
    for line in text.split("\n"):
        width = 0
        for ch in line:
            u = ord(ch)
            width += 2 if any(lo <= u <= hi for lo, hi in WIDE) else 1
        widest = max(widest, width)
    return widest


def bank_writable(value):
    """The generic bank template's test: no comma or line break, and encodable in GBK."""
    if "," in value or "\r" in value or "\n" in value:
        return False
    try:
        value.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def class_label(grade, name):
    if not name:
        return grade or "未填班级"
    return name if not grade or name.startswith(grade) else grade + name


def official_formats(book):
    """OfficialFormats: 宋体 11, vertically centred; table cells with thin borders."""
    def make(border=False, **properties):
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        if border:
            base["border"] = 1
        base.update(properties)
        return book.add_format(base)
    return {
        "title": make(font_size=18, bold=True, align="center"),
        "line": make(align="left"),
        "line_right": make(align="right"),
        "header": make(True, bold=True, align="center", text_wrap=True),
        "text": make(True, align="left"),
        "text_center": make(True, align="center"),
        "identifier": make(True, num_format="@", align="center"),
        "serial": make(True, num_format="0", align="center"),
        "money": make(True, num_format="#,##0.00", align="right"),
        "count": make(True, num_format="0", align="right"),
        "total_label": make(True, bold=True, align="center"),
        "total_count": make(True, bold=True, num_format='0"人"', align="center"),
        "total_money": make(True, bold=True, num_format="#,##0.00", align="right"),
        "total_text": make(True, bold=True, align="left"),
    }


def write_text(sheet, row, column, text, cell_format):
    if text:
        sheet.write_string(row, column, text, cell_format)
    else:
        sheet.write_blank(row, column, None, cell_format)  # as libxlsxwriter does for ""


def page_setup(sheet, footer):
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(2)
    sheet.set_footer(footer)
    sheet.set_margins(0.4, 0.4, 0.6, 0.6)
    sheet.center_horizontally()


def signatures(sheet, row, last_column, cell_format):
    span = max(1, (last_column + 1) // 4)
    sheet.set_row(row, 28)
    for i, text in enumerate(["单位负责人：", "审核人：", "经办人：", FILL_DATE]):
        first = i * span
        last = max(first, last_column) if i == 3 else first + span - 1
        if last > first:
            sheet.merge_range(row, first, row, last, text, cell_format)
        else:
            sheet.write_string(row, first, text, cell_format)


def column_name(column):
    name = ""
    n = column + 1
    while n:
        n, remainder = divmod(n - 1, 26)
        name = chr(65 + remainder) + name
    return name


def main():
    source, target = sys.argv[1], sys.argv[2]
    book = xlsxwriter.Workbook(target, {"constant_memory": True})
    book.set_properties({"title": TITLE, "subject": "普通高中国家助学金", "author": "zizhu", "company": SCHOOL,
                         "category": "学生资助"})
    f = official_formats(book)
    sheet = book.add_worksheet("花名册")
    last_column = len(HEADERS) - 1
    sheet.set_row(0, 36)
    sheet.merge_range(0, 0, 0, last_column, TITLE, f["title"])
    sheet.set_row(1, 22)
    sheet.merge_range(1, 0, 1, 8, "填报单位（盖章）：" + SCHOOL, f["line"])
    sheet.merge_range(1, 9, 1, last_column, "单位：元", f["line_right"])
    sheet.set_row(2, 30)
    for k, name in enumerate(HEADERS):
        sheet.write_string(2, k, name, f["header"])
    sheet.freeze_panes(3, 2)
    page_setup(sheet, "&L" + TITLE + "&C第 &P 页，共 &N 页")
    sheet.activate()

    widths = [display_width(h) for h in HEADERS]
    classes = []  # [grade, class, [count × 4], [fen × 4]] in input order (the roster is ordered by class)
    students = returned = total_fen = 0
    row = 3
    center, identifier = f["text_center"], f["identifier"]
    with open(source, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        head = next(reader)
        columns = [head.index(name) if name in head else -1 for name in SOURCES]
        for record in reader:
            if len(record) <= 1:
                continue
            (name, gender, pid, sn, grade, class_name, category, level, amount, card, bank,
             holder) = [record[c] if 0 <= c < len(record) else "" for c in columns]
            holder = holder or name
            if not all(bank_writable(v) for v in (card, holder, pid, class_label(grade, class_name))):
                returned += 1  # bank-value-unwritable: returned, not in the register
                continue
            students += 1
            fen = parse_fen(amount)
            sheet.write_number(row, 0, students, f["serial"])
            write_text(sheet, row, 1, name, center)
            write_text(sheet, row, 2, gender, center)
            write_text(sheet, row, 3, pid, identifier)
            write_text(sheet, row, 4, sn, identifier)
            write_text(sheet, row, 5, grade, center)
            write_text(sheet, row, 6, class_name, center)
            write_text(sheet, row, 7, category, center)
            write_text(sheet, row, 8, level, center)
            if fen is None:
                sheet.write_blank(row, AMOUNT, None, f["money"])
            else:
                sheet.write_number(row, AMOUNT, fen / 100, f["money"])
            write_text(sheet, row, 10, card, identifier)
            write_text(sheet, row, 11, bank, f["text"])
            write_text(sheet, row, 12, holder, center)
            sheet.write_blank(row, 13, None, f["text"])
            row += 1
            fen = fen or 0
            total_fen += fen
            if students <= SAMPLE_ROWS:
                values = ["99999", name, gender, pid, sn, grade, class_name, category, level, "1,500,000.00", card,
                          bank, holder, "备注"]
                widths = [max(w, display_width(v)) for w, v in zip(widths, values)]
            if not classes or classes[-1][1] != class_name or classes[-1][0] != grade:
                classes.append([grade, class_name, [0] * 4, [0] * 4])
            tier = TIERS.index(level) if level in TIERS else 3
            classes[-1][2][tier] += 1
            classes[-1][3][tier] += fen

    sheet.write_string(row, 0, "合计", f["total_label"])
    sheet.write_number(row, 1, students, f["total_count"])
    sheet.merge_range(row, 2, row, 8, "大写：" + amount_in_words(total_fen), f["total_text"])
    if students:
        cells = "J4" if students == 1 else f"J4:J{row}"
        sheet.write_formula(row, AMOUNT, f"=SUM({cells})", f["total_money"], total_fen / 100)
        ranges = " ".join(f"{c}4" if students == 1 else f"{c}4:{c}{row}" for c in "DEK")
        sheet.ignore_errors({"number_stored_as_text": ranges})
    else:
        sheet.write_number(row, AMOUNT, 0, f["total_money"])
    sheet.merge_range(row, 10, row, last_column, "", f["total_text"])
    signatures(sheet, row + 2, last_column, f["line"])
    for k, width in enumerate(widths):
        sheet.set_column(k, k, min(40, max(4, width + 2)))

    summary = book.add_worksheet("汇总")
    slots = 4 if any(c[2][3] for c in classes) else 3
    last_column = 3 + 2 * slots + 1
    summary.set_column(0, 0, 6)
    summary.set_column(1, 2, 14)
    for column in range(3, last_column + 1, 2):
        summary.set_column(column, column, 10)
        summary.set_column(column + 1, column + 1, 14)
    summary.set_row(0, 36)
    summary.merge_range(0, 0, 0, last_column, SUMMARY_TITLE, f["title"])
    summary.merge_range(1, 0, 1, max(2, last_column - 2), "填报单位（盖章）：" + SCHOOL, f["line"])
    summary.merge_range(1, max(3, last_column - 1), 1, max(4, last_column), "单位：元", f["line_right"])
    summary.set_row(2, 32)
    names = (TIERS + ["其他"])[:slots] + ["合计"]
    headers = ["序号", "年级", "班级"] + [f"{n}\n{what}" for n in names for what in ("人数", "金额")]
    for k, name in enumerate(headers):
        summary.write_string(2, k, name, f["header"])
    summary.freeze_panes(3, 3)
    grand_count, grand_fen = [0] * (slots + 1), [0] * (slots + 1)
    row = 3
    for index, (grade, class_name, counts, fens) in enumerate(classes, start=1):
        summary.write_number(row, 0, index, f["serial"])
        write_text(summary, row, 1, grade, f["text_center"])
        write_text(summary, row, 2, class_name, f["text_center"])
        for t in range(slots):
            summary.write_number(row, 3 + 2 * t, counts[t], f["count"])
            summary.write_number(row, 4 + 2 * t, fens[t] / 100, f["money"])
            grand_count[t] += counts[t]
            grand_fen[t] += fens[t]
        people, fen = sum(counts[:slots]), sum(fens[:slots])
        grand_count[slots] += people
        grand_fen[slots] += fen
        summary.write_number(row, last_column - 1, people, f["count"])
        summary.write_number(row, last_column, fen / 100, f["money"])
        row += 1
    summary.merge_range(row, 0, row, 2, "合计", f["total_label"])
    for t in range(slots + 1):
        for k, (value, cell_format) in enumerate(((grand_count[t], f["total_count"]),
                                                  (grand_fen[t] / 100, f["total_money"]))):
            column = 3 + 2 * t + k
            if row > 3:
                name = column_name(column)
                cells = f"{name}4" if row == 4 else f"{name}4:{name}{row}"
                summary.write_formula(row, column, f"=SUM({cells})", cell_format, value)
            else:
                summary.write_number(row, column, value, cell_format)
    summary.merge_range(row + 1, 0, row + 1, last_column, "合计金额（大写）：" + amount_in_words(grand_fen[slots]),
                        f["total_text"])
    summary.merge_range(row + 2, 0, row + 2, last_column, STANDARDS, f["line"])
    signatures(summary, row + 4, last_column, f["line"])
    page_setup(summary, "&L" + SUMMARY_TITLE + "&C第 &P 页，共 &N 页")
    book.close()
    print(f"rows={students} returned={returned} classes={len(classes)} total={total_fen // 100}.{total_fen % 100:02d}")


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
