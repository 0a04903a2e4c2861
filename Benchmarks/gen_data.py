#!/usr/bin/env python3
"""Benchmark data: one big class-ordered roster, clean under the default policy, so that every stage
(import, validation, register) does its full work on every row.

    python3 Benchmarks/gen_data.py --rows 1000000 --out data/roster_1000000.csv \
        --gb18030-out data/roster_1000000_gb18030.csv

UTF-8 with BOM, CRLF, 16 columns (序号 姓名 性别 身份证号 学籍号 班级 困难等级 资助金额 银行卡号 开户行 持卡人
联系电话 申请表 户口本 身份证复印件 备注); 持卡人 is the student (the column is required to write a bank list, so
without it every row would be returned and the register would be empty). About 1 % of the remarks are quoted because they hold a comma, a quote or a
CRLF (so physical lines > records). IDs are valid GB 11643 numbers with real province codes, birth dates
that make students 15–18 on 2026-09-01 and a sex digit matching 性别; 学籍号 is G + ID; cards are 19 digits
with a real BIN matching 开户行 and a Luhn digit; IDs, cards, phones and (name, birth date) are unique;
amounts follow the level (特别困难 1500, 困难 1150, 一般困难 800) and no class is paid one amount.
About 0.2 % of names carry 䶮 or 𬭚, which GB18030 writes in 4 bytes.

The GB18030 file is the same text (no BOM) re-encoded, cut at a record boundary once it reaches
--gb18030-mb × rows / 1,000,000 megabytes (50 MB for a million rows). Deterministic for a seed.
"""
import argparse
import csv
import os
import random

HEADER = ["序号", "姓名", "性别", "身份证号", "学籍号", "班级", "困难等级", "资助金额", "银行卡号", "开户行", "持卡人",
          "联系电话", "申请表", "户口本", "身份证复印件", "备注"]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
SURNAME_WEIGHTS = [72, 70, 66, 53, 46, 32, 25, 21, 20, 19] + [12] * 10 + [5] * 30 + [2] * (len(SURNAMES) - 50)
MALE = "浩宇轩子博文俊杰鑫磊涛明辉鹏强伟勇军斌晨昊然睿泽天一家嘉志凯豪航铭瑞锦思远宏峰建永健鸿毅阳康乐宁彬旭东诚坤翔"
FEMALE = "欣怡梓涵雨萱思佳琪雅婷静诗梦晨颖悦可馨妍菲瑶琳雪丽娜玉芳敏慧洁倩晴蕾璐月彤薇婧嘉蓉艺凡若曦语桐紫冰心宁露岚娟秀"
RARE = ["䶮", "𬭚", "子䶮", "嘉𬭚"]
REGIONS = ["370112", "370113", "370114", "370115", "370116", "370124", "370126", "370102", "370103",
           "370104", "370105", "110105", "130529", "320321", "341221", "411522", "421126", "431222",
           "500101", "511621", "621121", "650102", "540102", "450102"]
BANKS = [("622848", "中国农业银行", 34), ("622202", "中国工商银行", 8), ("622208", "中国工商银行", 7),
         ("621700", "中国建设银行", 8), ("622700", "中国建设银行", 7), ("621661", "中国银行", 10),
         ("621799", "中国邮政储蓄银行", 26)]
LEVELS = [("特别困难", "1500"), ("困难", "1150"), ("一般困难", "800")]
PHONE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                  "156", "157", "158", "159", "166", "176", "177", "180", "182", "183", "185", "186", "187",
                  "188", "189", "199"]
REMARKS = ["单亲家庭", "父亲残疾", "家中有重病患者", "留守儿童", "住校生", "母亲长期患病", "随祖父母生活",
           "家庭人口多，收入低", "父母务工收入不稳定", "遭受自然灾害"]
QUOTED_REMARKS = ["母亲患病, 父亲外出务工", "本人自述\"家庭困难\"，已核实", "父母离异\r\n随祖母生活",
                  "家有两名在校生, 负担重", "班主任注：\"已家访\"", "父亲因病去世\r\n母亲务农"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"
TERM_START = (2026, 9, 1)
GRADES = ["高一", "高二", "高三"]


def id_check(body17):
    return ID_CHECK[sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS)) % 11]


def luhn_digit(body):
    total = 0
    for offset, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if offset % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def days_in_month(year, month):
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def birth_for_age(rng, age):
    """A birth date (y, m, d) that makes a person `age` on TERM_START (ages counted in completed years)."""
    ty, tm, td = TERM_START
    # Born after TERM_START − (age+1) years and on or before TERM_START − age years.
    import datetime
    latest = datetime.date(ty - age, tm, td)
    earliest = datetime.date(ty - age - 1, tm, td) + datetime.timedelta(days=1)
    day = earliest + datetime.timedelta(days=rng.randrange((latest - earliest).days + 1))
    return day.year, day.month, day.day


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.ids, self.cards, self.phones, self.people = set(), set(), set(), set()
        self.bank_cum = []
        total = 0
        for _, _, w in BANKS:
            total += w
            self.bank_cum.append(total)
        self.surname_cum = []
        total = 0
        for w in SURNAME_WEIGHTS:
            total += w
            self.surname_cum.append(total)

    def pick_cum(self, cum):
        draw = self.rng.randrange(cum[-1])
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] > draw:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def student(self, grade, class_name, level_index):
        rng = self.rng
        male = rng.random() < 0.5
        age = 15 + grade + (1 if rng.random() < 0.2 else 0)
        y, m, d = birth_for_age(rng, age)
        birth = f"{y:04d}{m:02d}{d:02d}"
        pool = MALE if male else FEMALE
        while True:
            surname = SURNAMES[self.pick_cum(self.surname_cum)]
            r = rng.random()
            if r < 0.002:
                name = surname + rng.choice(RARE)
            elif r < 0.22:
                name = surname + rng.choice(pool)
            else:
                name = surname + rng.choice(pool) + rng.choice(pool)
            if (name, birth) not in self.people:
                self.people.add((name, birth))
                break
        region = REGIONS[0 if rng.random() < 0.3 else rng.randrange(len(REGIONS))]
        while True:
            seq = 2 * rng.randrange(499) + (1 if male else 2)
            body = f"{region}{birth}{seq:03d}"
            if body not in self.ids:
                self.ids.add(body)
                break
        pid = body + id_check(body)
        bin_, bank, _ = BANKS[self.pick_cum(self.bank_cum)]
        while True:
            card_body = bin_ + f"{rng.randrange(10**12):012d}"
            if card_body not in self.cards:
                self.cards.add(card_body)
                break
        card = card_body + luhn_digit(card_body)
        while True:
            phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if phone not in self.phones:
                self.phones.add(phone)
                break
        level, amount = LEVELS[level_index]
        r = rng.random()
        if r < 0.01:
            remark = rng.choice(QUOTED_REMARKS)
        elif r < 0.30:
            remark = rng.choice(REMARKS)
        else:
            remark = ""
        mark = "有" if rng.random() < 0.7 else "√"
        return [None, name, "男" if male else "女", pid, "G" + pid, class_name, level, amount, card, bank, name,
                phone, mark, mark, mark, remark]


def class_sizes(rows, rng):
    count = max(1, round(rows / 50))
    sizes = [rows // count + (1 if i < rows % count else 0) for i in range(count)]
    for i in range(0, count - 1, 2):
        shift = rng.randint(-8, 8)
        if sizes[i] + shift >= 1 and sizes[i + 1] - shift >= 1:
            sizes[i] += shift
            sizes[i + 1] -= shift
    return sizes


def generate(rows, out, gb_out=None, gb_mb=50.0, seed=20260901):
    gen = Generator(seed)
    sizes = class_sizes(rows, gen.rng)
    per_grade = (len(sizes) + 2) // 3
    gb_limit = int(gb_mb * 1_000_000 * rows / 1_000_000) if gb_out else 0
    tmp, gb_tmp = out + ".part", (gb_out + ".part") if gb_out else None
    gb_rows = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f, \
            (open(gb_tmp, "wb") if gb_tmp else open(os.devnull, "wb")) as g:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(HEADER)
        gb_size = 0
        gb_open = gb_tmp is not None
        if gb_open:
            head = (",".join(HEADER) + "\r\n").encode("gb18030")
            g.write(head)
            gb_size += len(head)

        class Sink:
            """csv.writer target that also keeps the last record's text for the GB18030 copy."""
            def __init__(self):
                self.text = ""

            def write(self, s):
                self.text += s

        sink = Sink()
        line_writer = csv.writer(sink, lineterminator="\r\n")
        serial = 0
        for index, size in enumerate(sizes):
            grade = min(index // per_grade, 2)
            class_name = f"{GRADES[grade]}({index % per_grade + 1})班"
            levels = [gen.rng.choices((0, 1, 2), weights=(30, 40, 30))[0] for _ in range(size)]
            if size >= 2 and len(set(levels)) == 1:
                levels[0] = (levels[0] + 1) % 3  # never one amount for a whole class (平均分配)
            for level in levels:
                serial += 1
                row = gen.student(grade, class_name, level)
                row[0] = str(serial)
                sink.text = ""
                line_writer.writerow(row)
                f.write(sink.text)
                if gb_open:
                    data = sink.text.encode("gb18030")
                    if gb_size + len(data) > gb_limit:
                        gb_open = False
                    else:
                        g.write(data)
                        gb_size += len(data)
                        gb_rows += 1
    os.replace(tmp, out)
    if gb_out:
        os.replace(gb_tmp, gb_out)
    return rows, gb_rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--gb18030-out")
    parser.add_argument("--gb18030-mb", type=float, default=50.0)
    parser.add_argument("--seed", type=int, default=20260901)
    args = parser.parse_args()
    rows, gb_rows = generate(args.rows, args.out, args.gb18030_out, args.gb18030_mb, args.seed)
    print(f"{args.out}: {rows} rows, {os.path.getsize(args.out):,} bytes")
    if args.gb18030_out:
        print(f"{args.gb18030_out}: {gb_rows} rows, {os.path.getsize(args.gb18030_out):,} bytes")


if __name__ == "__main__":
    main()
