#!/usr/bin/env python3
"""Writes the cross-check fixtures (issue 8): an enrolment export, three assistance lists and two class
applications, with every expected finding and missed student planted on a known line. Made-up people.
Run from this folder: python3 make_fixtures.py"""

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def rid(birth, seq, region="370112"):
    body = f"{region}{birth}{seq:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, W)) % 11]

S = {k: rid("200903%02d" % (i + 1), 101 + 2 * i) for i, k in enumerate(
    ["zhangwei", "lina", "wangfang", "liuyang", "chenjing", "yangfan", "zhaolei", "huangmin", "zhoujie",
     "wugang", "xuli", "sunqiang"])}
OUTSIDER = rid("20090420", 311)           # 马超: on no roster
G = {k: rid("19780%d15" % (i + 1), 210 + 2 * i) for i, k in enumerate(
    ["li_father", "yang_father", "huang_mother", "zhou_father", "wu_father", "liu_head"])}

def write(name, lines, encoding, bom=False, crlf=True):
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    open(name, "wb").write(data)

# 学籍系统 export: GB18030, a title row and a blank row above the header (header on line 3, data from 4).
enrolment = [
    "示例县第一中学在校生信息,,,,,,,",
    ",,,,,,,",
    "序号,姓名,性别,全国学籍号,身份证号,年级,班级,学籍状态",
]
roster = [  # key, name, grade, class, status
    ("zhangwei", "张伟", "高一", "高一(1)班", "在读"),     # line 4
    ("lina", "李娜", "高一", "高一(1)班", "在读"),         # 5
    ("wangfang", "王芳", "高一", "高一(1)班", "休学"),     # 6
    ("liuyang", "刘洋", "高一", "高一(2)班", "在读"),      # 7
    ("chenjing", "陈静", "高一", "高一(2)班", "在读"),     # 8
    ("yangfan", "杨帆", "高一", "高一(2)班", "在读"),      # 9
    ("zhaolei", "赵磊", "高一", "高一(2)班", "转出"),      # 10
    ("huangmin", "黄敏", "高一", "高一(1)班", "在读"),     # 11 missed (低保)
    ("zhoujie", "周杰", "高一", "高一(2)班", "在读"),      # 12 missed (脱贫户, 残疾)
    ("wugang", "吴刚", "高一", "高一(2)班", "休学"),       # 13 on 低保 but not enrolled: not missed
    ("xuli", "徐丽", "高一", "高一(1)班", "在读"),         # 14 on no list: not missed
    ("sunqiang", "孙强", "高一", "2班", "在读"),           # 15 class written without the grade
]
for n, (k, name, grade, cls, status) in enumerate(roster, 1):
    enrolment.append(f"{n},{name},{'男' if int(S[k][16]) % 2 else '女'},G{S[k]},{S[k]},{grade},{cls},{status}")
write("在校生信息.csv", enrolment, "gb18030")

# 低保 household list: UTF-8 with BOM, two title rows, head and member columns (header on line 3).
dibao = [
    "2026年9月农村低保保障对象花名册,,,,,,",
    "填报单位：示例县民政局,,,,,,",
    "序号,户主姓名,户主身份证号,成员姓名,与户主关系,成员身份证号码,保障人数",
    f"1,张大山,{rid('19750101', 411)},张伟,子,{S['zhangwei']},3",            # 4: 张伟 as a member
    f"2,杨建国,{rid('19760202', 413)},杨建国,本人,{rid('19760202', 413)},2",  # 5: 杨帆's guardian, by name
    f"3,黄秀英,{G['huang_mother']},黄敏,女,{S['huangmin']},2",               # 6: missed 黄敏
    f"4,吴永刚,{G['wu_father']},吴刚,子,{S['wugang']},3",                    # 7: 吴刚 休学
    "合计,,,,,,10",
]
write("低保名单.csv", dibao, "utf-8", bom=True)

# 脱贫户 list: GB18030, a title row, 证件号码 column, one row per household member (header on line 2).
tuopin = [
    "示例县脱贫人口信息（2026年）,,,,,,",
    "序号,乡镇,村,户主姓名,成员姓名,与户主关系,证件号码",
    f"1,城关镇,东村,李志明,李志明,户主,{G['li_father']}",   # 3: 李娜's guardian (by ID)
    f"2,城关镇,东村,李志明,李梅,配偶,{rid('19790505', 422)}", # 4
    f"3,城关镇,西村,周卫东,周杰,之子,{S['zhoujie']}",        # 5: missed 周杰
]
write("脱贫户名单.csv", tuopin, "gb18030")

# 持证残疾人 list: UTF-8, header on line 1, 公民身份号码.
canji = [
    "姓名,公民身份号码,残疾类别,残疾等级",
    f"周杰,{S['zhoujie']},肢体,三级",                        # 2: missed 周杰
    f"郑红,{rid('19800606', 431)},视力,二级",                # 3
]
write("残疾人名单.csv", canji, "utf-8", crlf=False)

# Applications.
head = "序号,姓名,性别,身份证号,年级,班级,困难类型,困难等级,资助金额,监护人,监护人身份证号"
def sex(i): return "男" if int(i[16]) % 2 else "女"
c1 = [head,
      f"1,张伟,{sex(S['zhangwei'])},{S['zhangwei']},高一,高一(1)班,低保,特别困难,1500,张大山,",  # 2 verified
      f"2,李娜,{sex(S['lina'])},{S['lina']},高一,高一1班,脱贫家庭,特别困难,1500,李志明,{G['li_father']}",  # 3 verified
      f"3,王芳,{sex(S['wangfang'])},{S['wangfang']},高一,高一(1)班,,一般困难,800,王国强,",       # 4 not-enrolled 休学
      f"4,马超,{sex(OUTSIDER)},{OUTSIDER},高一,高一(1)班,,一般困难,800,马德华,",                # 5 not-enrolled
      f"5,孙强,{sex(S['sunqiang'])},{S['sunqiang']},高一,高一(2)班,残疾,特别困难,1500,孙振华,",  # 6 unverified
      ]
write("高一(1)班.csv", c1, "utf-8", bom=True)
c2 = ["高一(2)班资助申请汇总表,,,,,,,,,,", head,
      f"1,刘阳,{sex(S['liuyang'])},{S['liuyang']},高一,高一(2)班,,困难,1150,刘海涛,",             # 3 mismatch name
      f"2,陈静,{sex(S['chenjing'])},{S['chenjing']},高一,高一(3)班,,困难,1150,陈立新,",           # 4 mismatch class
      f"3,杨帆,{sex(S['yangfan'])},{S['yangfan']},高一,高一(2)班,低保,特别困难,1500,杨建国,",     # 5 verified by name
      f"4,赵磊,{sex(S['zhaolei'])},{S['zhaolei']},高一,高一(2)班,,一般困难,800,赵文斌,",          # 6 not-enrolled 转出
      ]
write("高一(2)班.csv", c2, "gb18030")
