#!/usr/bin/env python3
"""Writes the sample class sheets in samples/ (made up, shaped like the real ones in DOMAIN.md).

Each file has a few deliberate problems; samples/README.md lists them. Run from the repository root:
    python3 samples/make_samples.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_char(first17):
    s = sum(int(d) * w for d, w in zip(first17, W))
    return "10X98765432"[s % 11]


def make_id(region, birth, seq, male):
    seq = seq * 2 + (1 if male else 0)  # 17th digit: odd = male
    first17 = f"{region}{birth}{seq:03d}"[:17]
    return first17 + check_char(first17)


def luhn_complete(prefix, length=19):
    body = prefix + "0" * (length - len(prefix) - 1)
    digits = [int(c) for c in body]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def card(bin6, n):
    return luhn_complete(f"{bin6}{n:012d}")


HEADER = ["序号", "姓名", "性别", "民族", "身份证号", "学籍号", "年级", "班级", "户籍性质", "困难类型", "困难等级",
          "资助金额", "银行卡号", "开户行", "持卡人", "监护人", "联系电话", "家庭住址", "申请表", "户口本",
          "身份证复印件", "困难证明"]

BANKS = {"622848": "中国农业银行", "622202": "中国工商银行", "621700": "中国建设银行", "621799": "中国邮政储蓄银行"}


def row(no, name, male, idn, grade, klass, cat, level, amount, bin6, cardno, holder, guardian, phone, addr,
        docs=("有", "有", "有", "有"), xjh=None, eth="汉族", hukou="农村"):
    return [str(no), name, "男" if male else "女", eth, idn, xjh if xjh is not None else "G" + idn, grade, klass,
            hukou, cat, level, amount, cardno, BANKS[bin6], holder, guardian, phone, addr, *docs]


def class_1_1():
    """高一(1)班.csv: UTF-8 with BOM, comma separated, plain header on line 1."""
    g, k = "高一", "高一(1)班"
    ids = [make_id("370112", "20100315", 12, True), make_id("370112", "20100702", 21, False),
           make_id("370124", "20091120", 33, True), make_id("370112", "20101008", 40, False),
           make_id("370181", "20100218", 52, True), make_id("370112", "20100905", 64, False)]
    bad_checksum = ids[2][:17] + ("0" if ids[2][17] != "0" else "1")
    rows = [
        row(1, "王浩然", True, ids[0], g, k, "脱贫家庭", "特别困难", "1500", "622848", card("622848", 1001), "王建国", "王建国", "13805310001", "历城区港沟街道东村12号"),
        row(2, "李欣怡", False, ids[1], g, k, "低保", "特别困难", "1500.00", "622202", card("622202", 1002), "李欣怡", "张秀兰", "13805310002", "历城区唐冶街道西村3号"),
        # id-checksum: the last character is wrong
        row(3, "张子轩", True, bad_checksum, g, k, "其他", "一般困难", "800", "621700", card("621700", 1003), "张伟", "张伟", "13805310003", "章丘区明水街道5号"),
        # amount-not-standard (1200 is not a tier) and document-missing (户口本 无)
        row(4, "刘雨桐", False, ids[3], g, k, "其他", "困难", "1200", "622848", card("622848", 1004), "刘强", "刘强", "13805310004", "历城区华山街道8号", docs=("有", "无", "有", "有")),
        # the same card as row 1: card-shared (error on both rows)
        row(5, "陈思远", True, ids[4], g, k, "残疾学生", "特别困难", "1500", "622848", card("622848", 1001), "陈刚", "陈刚", "13805310005", "济阳区济阳街道20号"),
        row(6, "阿依古丽·买买提", False, ids[5], g, k, "孤儿", "特别困难", "1,500.00", "621799", card("621799", 1006), "阿依古丽·买买提", "买买提·艾力", "13805310006", "历城区王舍人街道1号", eth="维吾尔族"),
    ]
    with open(os.path.join(HERE, "高一(1)班.csv"), "w", encoding="utf-8-sig", newline="") as f:
        import csv
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        w.writerows(rows)
    return ids


def class_1_2(shared_id):
    """高一(2)班.csv: GBK/GB18030 "CSV" from Chinese Excel, with a title row, 填报单位 line and blank row above
    the header, a 合计 row and signature line below the data, variant header names."""
    g, k = "高一", "高一(2)班"
    ids = [make_id("370112", "20100111", 70, True), make_id("370112", "20100420", 81, False),
           make_id("370102", "20091230", 92, True), make_id("370112", "20100606", 13, False),
           make_id("370112", "20100808", 24, True), make_id("370112", "20101111", 35, False)]
    header = [h for h in HEADER]
    header[4] = "身份证号码"
    header[11] = "金额（元）"
    header[12] = "银行账号"
    rows = [
        row(1, "赵䶮", True, ids[0], g, k, "脱贫家庭", "特别困难", "1500", "622848", card("622848", 2001), "赵大山", "赵大山", "13905310011", "长清区文昌街道9号"),
        # full-width digits and a space inside the ID, lowercase-free: normalised, then valid
        row(2, "孙梦琪", False, "３７０１１２ " + ids[1][6:], g, k, "其他", "困难", "1150", "622202", card("622202", 2002), "孙立", "孙立", "13905310012", "长清区平安街道2号"),
        # Excel turned the ID into a number: the digits after the 15th are lost
        row(3, "周博文", True, "3.70102200912309E+17", g, k, "其他", "一般困难", "800", "621700", card("621700", 2003), "周涛", "周涛", "13905310013", "市中区七贤街道6号", xjh=""),
        # 双学籍: this ID is also on 高一(1)班's row 2
        row(4, "李欣怡", False, shared_id, g, k, "低保", "特别困难", "1500", "622202", card("622202", 2004), "李欣怡", "张秀兰", "13905310014", "历城区唐冶街道西村3号"),
        # holder is neither the student nor the guardian (a teacher's card?)
        row(5, "吴俊杰", True, ids[4], g, k, "其他", "一般困难", "800", "622848", card("622848", 2005), "郑老师", "吴国平", "13905310015", "长清区崮云湖街道4号"),
        row(6, "郑雅婷", False, ids[5], g, k, "低保", "特别困难", "1500", "621799", card("621799", 2006), "郑海", "郑海", "13905310016", "长清区归德街道7号"),
    ]
    lines = ["示例县第一中学2026年秋季学期普通高中国家助学金申请汇总表" + "," * (len(header) - 1),
             "填报单位：高一(2)班,,,,,,,,,,,,,,,,,,,,,",
             "," * (len(header) - 1),
             ",".join(header)]
    for r in rows:
        lines.append(",".join(r))
    lines.append("合计,,,,,,,,,,,7250,,,,,,,,,,")
    lines.append("制表人：王老师,,,审核人：,,,,,,,,,,,,,,,,,,")
    text = "\r\n".join(lines) + "\r\n"
    with open(os.path.join(HERE, "高一(2)班.csv"), "wb") as f:
        f.write(text.encode("gb18030"))


def class_2_1():
    """高二(1)班.txt: Excel "Unicode text": UTF-16LE with BOM, tab separated."""
    g, k = "高二", "高二(1)班"
    ids = [make_id("370112", "20090305", 46, True), make_id("370112", "20090714", 57, False),
           make_id("370112", "20081201", 68, True), make_id("370112", "20090909", 79, False),
           make_id("370112", "20090202", 11, True)]
    wrong_gender = make_id("370112", "20090618", 30, False)  # 17th digit even = female; sheet says 男
    rows = [
        row(1, "黄子涵", False, ids[1], g, k, "其他", "困难", "1150", "622848", card("622848", 3001), "黄明", "黄明", "15005310021", "天桥区北园街道3号"),
        row(2, "林宇航", True, wrong_gender, g, k, "其他", "一般困难", "800", "622202", card("622202", 3002), "林森", "林森", "15005310022", "天桥区泺口街道8号"),
        # the tier says 困难 (1150) but the amount is the 特别困难 amount
        row(3, "何诗涵", False, ids[3], g, k, "其他", "困难", "1500", "621700", card("621700", 3003), "何军", "何军", "15005310023", "槐荫区道德街街道1号"),
        row(4, "马俊熙", True, ids[0], g, k, "残疾学生", "特别困难", "1500", "621799", card("621799", 3004), "马力", "马力", "15005310024", "槐荫区青年公园街道5号"),
        # card number too short
        row(5, "罗佳怡", False, make_id("370112", "20090428", 90, False), g, k, "其他", "一般困难", "800", "622848", "62284800000312", "罗斌", "罗斌", "15005310025", "天桥区工人新村街道2号"),
    ]
    lines = ["\t".join(HEADER)] + ["\t".join(r) for r in rows]
    text = "\r\n".join(lines) + "\r\n"
    with open(os.path.join(HERE, "高二(1)班.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


if __name__ == "__main__":
    ids = class_1_1()
    class_1_2(ids[1])
    class_2_1()
    print("samples written to", HERE)
