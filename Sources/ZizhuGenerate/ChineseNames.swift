/// Name pools. Surnames carry rough frequency weights so that 王, 李 and 张 dominate as they do in real
/// class lists; minority names follow their own conventions (Uyghur and Kazakh names joined by `·`,
/// Tibetan names without a surname).
enum ChineseNames {
    static let surnames: [(String, Int)] = [
        ("王", 72), ("李", 70), ("张", 66), ("刘", 53), ("陈", 46), ("杨", 32), ("黄", 25), ("赵", 21),
        ("吴", 20), ("周", 19), ("徐", 15), ("孙", 15), ("马", 14), ("朱", 13), ("胡", 12), ("郭", 12),
        ("何", 11), ("高", 10), ("林", 10), ("罗", 9), ("郑", 9), ("梁", 8), ("谢", 7), ("宋", 6),
        ("唐", 6), ("许", 6), ("韩", 6), ("冯", 5), ("邓", 5), ("曹", 5), ("彭", 5), ("曾", 5), ("肖", 5),
        ("田", 5), ("董", 5), ("袁", 4), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4), ("余", 4), ("杜", 4),
        ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4), ("任", 4), ("沈", 3), ("姚", 3),
        ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 3), ("金", 3),
        ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 3), ("付", 3), ("方", 3), ("白", 3), ("邹", 3),
        ("孟", 3), ("熊", 3), ("秦", 3), ("邱", 3), ("江", 3), ("尹", 3), ("薛", 2), ("闫", 2), ("段", 2),
        ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2),
        ("郝", 2), ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("覃", 2), ("武", 2), ("戴", 2),
        ("莫", 2), ("孔", 2), ("向", 2), ("汤", 2), ("常", 2), ("温", 1), ("康", 1), ("施", 1), ("牛", 1),
        ("欧阳", 1), ("司马", 1), ("上官", 1), ("诸葛", 1),
    ]
    static let surnameTable = WeightTable(surnames.map(\.1))

    static let maleGiven = Array(
        "浩宇轩子博文俊杰鑫磊涛明辉鹏强伟勇军斌晨昊然睿泽天一家嘉志凯豪航铭瑞锦思远宏峰建永健鸿毅阳康乐宁彬旭东诚坤翔晟皓煜铄梓奕霖逸朗烨昕".map(String.init))
    static let femaleGiven = Array(
        "欣怡梓涵雨萱思佳琪雅婷静诗梦晨颖悦可馨妍菲瑶琳雪丽娜玉芳敏慧洁倩晴蕾璐月彤薇婧嘉蓉艺凡若曦语桐紫冰心宁露岚娟秀".map(String.init))
    static let parentMaleGiven = [
        "建国", "国强", "志强", "建华", "建军", "卫东", "红军", "海波", "永刚", "立新", "德明", "振华", "春生",
        "金龙", "宝山", "长青", "文斌", "国庆", "学军", "继红", "振东", "福林", "明亮", "海军", "伟", "军",
        "勇", "强", "刚", "斌", "波", "峰",
    ]
    static let parentFemaleGiven = [
        "秀英", "桂英", "玉兰", "红梅", "丽华", "海燕", "秀兰", "春梅", "淑珍", "丽娟", "美玲", "玉梅", "凤英",
        "小红", "艳", "霞", "敏", "静", "丽", "芳", "娟", "燕",
    ]
    /// Given names with characters outside GBK (4-byte in GB18030): 䶮 (CJK Ext. A) and 𬭚 (Ext. E),
    /// both in real use in personal names.
    static let rareGiven = ["䶮", "𬭚", "子䶮", "嘉𬭚"]
    /// The characters of `rareGiven` that GBK lacks.
    static let beyondGBK = Set("䶮𬭚".unicodeScalars)

    /// True when a GBK bank file cannot carry the name.
    static func needsGB18030(_ name: String) -> Bool { name.unicodeScalars.contains { beyondGBK.contains($0) } }

    static let uyghurMaleFirst = ["艾力", "买买提", "阿卜杜拉", "吐尔逊", "艾合买提", "依明", "卡德尔", "努尔兰", "亚森", "艾尔肯"]
    static let uyghurFemaleFirst = ["古丽娜尔", "阿依古丽", "热依拉", "迪丽努尔", "帕提古丽", "阿依努尔", "努尔古丽", "米热古丽", "再努尔"]
    static let uyghurFatherNames = ["艾力", "买买提", "吐尔逊", "阿不都热合曼", "艾合买提", "依明", "司马义", "肉孜", "卡德尔", "玉素甫"]
    static let tibetanMale = ["扎西顿珠", "次仁多吉", "尼玛扎西", "格桑旺堆", "平措", "多吉次仁", "洛桑", "丹增"]
    static let tibetanFemale = ["次仁卓玛", "格桑梅朵", "央金", "拉姆", "德吉卓嘎", "白玛央宗", "尼玛曲珍"]

    /// Ethnic groups in the sheets, with weights; most rows are 汉族.
    static let ethnicities: [(String, Int)] = [
        ("汉族", 900), ("回族", 20), ("满族", 12), ("壮族", 12), ("苗族", 10), ("土家族", 8), ("彝族", 6),
        ("蒙古族", 6), ("维吾尔族", 12), ("哈萨克族", 4), ("藏族", 10),
    ]
    static let ethnicityTable = WeightTable(ethnicities.map(\.1))

    enum Style { case han, dotted, tibetan }

    static func style(of ethnicity: String) -> Style {
        switch ethnicity {
        case "维吾尔族", "哈萨克族": .dotted
        case "藏族": .tibetan
        default: .han
        }
    }

    static func surname(_ random: inout RandomSource) -> String {
        surnames[random.index(in: surnameTable)].0
    }

    /// A student's name. `allowRare` lets a name carry a character that only GB18030 (not GBK) encodes.
    static func student(male: Bool, ethnicity: String, surname family: String, allowRare: Bool,
                        using random: inout RandomSource) -> String {
        switch style(of: ethnicity) {
        case .dotted:
            return random.pick(male ? uyghurMaleFirst : uyghurFemaleFirst) + "·" + family
        case .tibetan:
            return random.pick(male ? tibetanMale : tibetanFemale)
        case .han:
            if allowRare && random.chance(0.004) { return family + random.pick(rareGiven) }
            let pool = male ? maleGiven : femaleGiven
            if random.chance(0.22) { return family + random.pick(pool) }
            return family + random.pick(pool) + random.pick(pool)
        }
    }

    /// A guardian: usually the father (same surname, or for dotted names the student's second part),
    /// sometimes the mother.
    static func guardian(ofStudentNamed student: String, ethnicity: String, surname family: String,
                         using random: inout RandomSource) -> String {
        let father = random.chance(0.72)
        switch style(of: ethnicity) {
        case .dotted:
            return father ? family + "·" + random.pick(uyghurFatherNames)
                          : random.pick(uyghurFemaleFirst) + "·" + random.pick(uyghurFatherNames)
        case .tibetan:
            return random.pick(father ? tibetanMale : tibetanFemale)
        case .han:
            let surname = father ? family : self.surname(&random)
            return surname + random.pick(father ? parentMaleGiven : parentFemaleGiven)
        }
    }

    /// An adult who is neither the student nor the guardian (a teacher, a relative, a stranger).
    static func adult(using random: inout RandomSource) -> String {
        surname(&random) + random.pick(random.chance(0.5) ? parentMaleGiven : parentFemaleGiven)
    }
}
