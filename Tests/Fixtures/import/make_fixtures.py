#!/usr/bin/env python3
"""Writes the import fixtures in this folder (run it from anywhere; the outputs are committed).

Each fixture is a small class roster shaped like the real ones in shared/DOMAIN.md. Encodings and line ends
are exact bytes, so GBK, GB18030 and UTF-16 files are produced here with Python's codecs rather than typed.
The tests in Tests/ZizhuImportTests state what each file must read as; keep the two in step.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(first17: str) -> str:
    """An 18-character ID with its GB 11643-1999 check character."""
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[total % 11]


ID1 = resident_id("37011220100512123")  # 370112201005121231 style: region 370112, born 2010-05-12
ID2 = resident_id("37011220091103214")
ID3 = resident_id("37011220100830301")
ID4 = resident_id("37011220110214452")
ID5 = resident_id("37011220100101567")
ID_X = "11010519491231002X"  # the standard's own example
CARD1 = "6228480402564890018"
CARD2 = "6222021234567890123"
CARD3 = "6217001234567890125"


def write(name: str, data: bytes) -> None:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rows(lines, sep=",", end="\r\n"):
    return end.join(sep.join(cells) for cells in lines) + end


HEADER = ["序号", "姓名", "性别", "身份证号", "银行卡号", "资助金额"]


def main() -> None:
    # UTF-8 with BOM, CRLF: what Excel's "CSV UTF-8" writes.
    write("utf8_bom_crlf.csv", b"\xef\xbb\xbf" + rows([
        HEADER,
        ["1", "张三", "男", ID1, CARD1, "1150"],
        ["2", "李四", "女", ID2, CARD2, "1500.00"],
        ["3", "王五", "男", ID3, CARD3, "800"],
    ]).encode("utf-8"))

    # UTF-8 without BOM, LF.
    write("utf8_plain_lf.csv", rows([
        HEADER,
        ["1", "张三", "男", ID1, CARD1, "1150"],
        ["2", "李四", "女", ID2, CARD2, "1500"],
    ], end="\n").encode("utf-8"))

    # GBK, CRLF, with a title, a 填报单位 line and a blank row above the header, a blank row and a
    # pre-numbered empty template row among the data, a 合计 row, signature lines and trailing blanks.
    write("gbk_title.csv", rows([
        ["XX中学2026年秋季学期普通高中国家助学金申请名单", "", "", "", "", ""],   # line 1
        ["填报单位（盖章）：XX中学", "", "", "", "单位：元", ""],                  # line 2
        ["", "", "", "", "", ""],                                                  # line 3
        HEADER,                                                                    # line 4
        ["1", "张三", "男", ID1, CARD1, "1150"],                                   # line 5
        ["2", "李四", "女", ID2, CARD2, "1500"],                                   # line 6
        ["", "", "", "", "", ""],                                                  # line 7: blank inside
        ["3", "王五", "男", ID3, CARD3, "800"],                                    # line 8
        ["4", "赵六", "女", ID4, CARD1, "1150"],                                   # line 9
        ["5", "", "", "", "", ""],                                                 # line 10: template row
        ["合计", "", "", "", "", "4600"],                                          # line 11
        ["制表人：李老师", "", "审核人：王主任", "", "填表日期：2026年9月10日", ""],   # line 12
        ["", "", "", "", "", ""],                                                  # line 13
    ]).encode("gbk"))

    # GB18030: 䶮 (U+4DAE) and 𠮷 (U+20BB7) exist in GB18030 only (4-byte forms), not in GBK.
    write("gb18030_rare.csv", rows([
        HEADER,
        ["1", "刘䶮", "男", ID1, CARD1, "1150"],
        ["2", "𠮷祥", "女", ID2, CARD2, "1500"],
        ["3", "欧阳娜娜", "女", ID3, CARD3, "800"],
    ]).encode("gb18030"))

    # Excel "Unicode text": UTF-16LE with BOM, tab-separated, CRLF; a quoted address spans two lines.
    write("utf16le_tab.txt", b"\xff\xfe" + rows([
        ["序号", "姓名", "身份证号", "家庭住址", "资助金额"],
        ["1", "张三", ID1, '"山东省济南市\r\n历城区"', "1150"],   # lines 2-3
        ["2", "李四", ID2, "历下区", "1500"],                        # line 4
    ], sep="\t").encode("utf-16-le"))

    # Traditional and variant headers: units, required-field stars, full-width brackets, spaces.
    write("variant_headers.csv", rows([
        ["序號", "學生姓名", "性 別", "身份證號碼（18位）", "全國學籍號", "*銀行帳號", "開戶銀行", "金額（元）", "聯繫電話"],
        ["1", "陳小明", "男", ID1, "G" + ID1, CARD1, "中国农业银行", "1150", "13812345678"],
    ]).encode("utf-8"))

    # Cells as teachers type them: full-width digits, spaces, a leading apostrophe, lowercase x, a card in
    # groups of four, NBSP and ideographic spaces, a zero-width space, a full-width amount.
    fullwidth = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
    write("fullwidth_values.csv", rows([
        HEADER,
        ["1", "张三", "男", ID1.translate(fullwidth), CARD1, "１１５０"],                          # line 2
        ["2", "\u00a0李四\u3000", "女", "'" + ID2, " ".join([CARD2[i:i + 4] for i in range(0, 19, 4)]), "1500"],
        ["3", "王五", "男", ID_X.lower(), CARD3.replace("6217", "6217-"), " 800 "],               # line 4
        ["4", "赵六", "女", ID4[:6] + "\u200b" + ID4[6:], CARD1, "1150"],                       # line 5
    ]).encode("utf-8"))

    # Identifiers Excel stored as numbers: the digits after the 15th are gone.
    write("excel_mangled.csv", rows([
        HEADER,
        ["1", "张三", "男", "3.70112E+17", CARD1, "1150"],                   # line 2
        ["2", "李四", "女", "3.70112201005123E+17", CARD2, "1500"],          # line 3
        ["3", "王五", "男", "370112201005120000.0", CARD3, "800"],           # line 4
        ["4", "赵六", "女", "370112201005120000", "6.22202E+18", "1150"],    # line 5: check digit fails
        ["5", "钱七", "男", "370112201005017000", "6222021234567890000", "800"],  # line 6: real ID; card damaged
    ]).encode("utf-8"))

    # A quote opened in the last record and never closed.
    write("unterminated_quote.csv", rows([
        HEADER,
        ["1", "张三", "男", ID1, CARD1, "1150"],
        ["2", "李四", "女", ID2, CARD2, "1500"],
    ]).encode("utf-8") + ('3,"王五,男,' + ID3 + "," + CARD3 + ",800\r\n").encode("utf-8"))

    # A stray quote in the middle: that line is broken, the lines after it still read.
    write("stray_quote.csv", (
        rows([HEADER, ["1", "张三", "男", ID1, CARD1, "1150"]])
        + '2,"李四"x,女,' + ID2 + "," + CARD2 + ",1500\r\n"
        + rows([["3", "王五", "男", ID3, CARD3, "800"]])
    ).encode("utf-8"))

    write("empty.csv", b"")

    # Binary junk with NUL bytes, named like a roster.
    generator = random.Random(20260910)
    write("binary.csv", bytes(generator.randrange(256) for _ in range(2048)))

    # An Excel 97-2003 workbook: the OLE signature followed by junk.
    write("old_excel.xls", bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))

    # Full-width comma as the delimiter; an ASCII comma inside a cell is text, a quoted ， stays text.
    write("fullwidth_comma.csv", rows([
        ["序号", "姓名", "身份证号", "家庭住址", "资助金额"],
        ["1", "张三", ID1, "济南市,历城区", "1150"],
        ["2", "李四", ID2, '"济南市，历下区"', "1500"],
    ], sep="，").encode("utf-8"))

    write("semicolon.csv", rows([
        ["序号", "姓名", "身份证号", "资助金额"],
        ["1", "张三", ID1, "1150,00"],
        ["2", "李四", ID2, "1500"],
    ], sep=";").encode("utf-8"))

    # Old Mac line ends: CR only; a blank line before the last row.
    write("cr_only.csv", rows([
        ["序号", "姓名", "身份证号", "资助金额"],
        ["1", "张三", ID1, "1150"],
        [""],
        ["2", "李四", ID2, "1500"],
    ], end="\r").encode("utf-8"))

    # Records spanning several lines: quoted LF, quoted CRLF, and a quoted cell of three lines.
    write("multiline.csv", (
        "序号,姓名,身份证号,家庭住址,资助金额\r\n"                     # line 1
        + "1,张三," + ID1 + ',"山东省\n济南市",1150\r\n'                # lines 2-3
        + "2,李四," + ID2 + ",历下区,1500\r\n"                          # line 4
        + "3,王五," + ID3 + ',"第一行\r\n第二行\r\n第三行",800\r\n'    # lines 5-7
        + "\r\n"                                                        # line 8
        + "4,赵六," + ID4 + ",\"\"\"引号\"\"\",1150\r\n"               # line 9
        + "5,钱七," + ID5 + ",末行,800"                                 # line 10, no line end
    ).encode("utf-8"))

    # Rows with more cells than the header (one with text in the extra cell) and with fewer.
    write("row_shape.csv", rows([
        ["序号", "姓名", "身份证号", "资助金额"],
        ["1", "张三", ID1, "1150", "多余内容"],       # line 2: row-shape
        ["2", "李四", ID2],                           # line 3: short, padded
        ["3", "王五", ID3, "800", "", ""],            # line 4: empty extra cells, fine
    ]).encode("utf-8"))

    # No header anywhere.
    write("no_header.csv", rows([
        ["这是一份说明文字"],
        ["1", "张三", ID1],
    ]).encode("utf-8"))

    # A header without an ID column: found (姓名 + two more), but 身份证号 is missing.
    write("missing_id_column.csv", rows([
        ["序号", "姓名", "性别", "学籍号", "资助金额"],
        ["1", "张三", "男", "G" + ID1, "1150"],
    ]).encode("utf-8"))


if __name__ == "__main__":
    main()
