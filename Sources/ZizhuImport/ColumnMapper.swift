import ZizhuCore

/// Maps header cells to fields by synonyms (DOMAIN.md). Headers are compared by their key: normalised
/// (full-width folded), without spaces, `*` required markers, bracketed units such as `（元）`, a trailing colon,
/// and with traditional characters folded to simplified, so `身份證號碼（18位）` finds 身份证号.
public enum ColumnMapper {
    /// The accepted header names of each field, simplified; traditional forms are matched by folding.
    public static func synonyms(for field: Field) -> [String] {
        switch field {
        case .serial: ["序号", "编号", "序", "No", "NO"]
        case .name: ["姓名", "学生姓名", "学生名字", "幼儿姓名", "儿童姓名", "受助学生姓名", "受助人姓名", "申请人姓名",
                     "受助学生", "学生"]
        case .gender: ["性别"]
        case .ethnicity: ["民族"]
        case .idNumber: ["身份证号", "身份证号码", "公民身份号码", "证件号码", "证件号", "身份证", "身份证件号码",
                         "身份证件号", "居民身份证号码", "学生身份证号", "学生身份证号码", "学生身份证件号码",
                         "受助学生身份证号", "受助学生身份证号码"]
        case .studentNumber: ["学籍号", "全国学籍号", "学籍号码", "全国学籍号码", "学籍编号", "学生学籍号", "全国学籍编号"]
        case .school: ["学校", "学校名称", "就读学校", "所在学校"]
        case .grade: ["年级"]
        case .className: ["班级", "班别", "班级名称", "所在班级", "专业班级"]
        case .householdType: ["户籍性质", "户口性质", "户籍类型", "户口类型"]
        case .category: ["困难类型", "认定类别", "特殊群体类型", "困难类别", "家庭困难类型", "家庭经济困难类型",
                         "资助对象类别", "学生类别", "特殊群体"]
        case .level: ["困难等级", "认定等级", "档次", "资助档次", "困难程度", "认定档次", "资助等级", "困难档次"]
        case .program: ["资助项目", "项目", "资助项目名称", "项目名称"]
        case .amount: ["资助金额", "金额", "发放金额", "资助标准", "补助金额", "助学金金额", "补助标准", "应发金额",
                       "实发金额", "资助金额元"]
        case .card: ["银行卡号", "卡号", "银行账号", "账号", "银行卡账号", "银行帐号", "帐号", "社保卡号",
                     "社会保障卡号", "一卡通账号", "一卡通号", "存折账号", "银行卡号码", "收款账号", "收款卡号"]
        case .bank: ["开户行", "开户银行", "银行", "开户行名称", "开户银行名称", "发卡银行", "所属银行", "开户网点"]
        case .cardHolder: ["持卡人", "户名", "持卡人姓名", "账户名", "账户名称", "开户人", "开户名", "收款人",
                           "收款人姓名"]
        case .guardian: ["监护人", "监护人姓名", "家长姓名", "家长"]
        case .guardianID: ["监护人身份证号", "监护人身份证号码", "家长身份证号", "家长身份证号码", "监护人证件号码"]
        case .phone: ["联系电话", "联系方式", "电话", "手机号", "手机号码", "家长电话", "监护人电话", "联系电话号码",
                      "手机", "家长联系电话", "监护人联系电话"]
        case .address: ["家庭住址", "家庭地址", "住址", "地址", "户籍地址", "家庭详细住址", "现住址"]
        case .birthDate: ["出生日期", "出生年月", "出生年月日", "生日"]
        case .classSize: ["班级人数"]
        }
    }

    /// The field a header cell names, or nil.
    public static func field(forHeader header: String) -> Field? {
        table[key(header)]
    }

    /// The comparable key of a header cell.
    public static func key(_ header: String) -> String {
        var text = ColumnLayout.headerKey(header)
        while let last = text.last, last == ":" || last == "：" { text.removeLast() }
        return String(text.map { traditionalToSimplified[$0] ?? $0 })
    }

    private static let table: [String: Field] = {
        var table: [String: Field] = [:]
        for field in Field.allCases {
            for synonym in synonyms(for: field) where table[key(synonym)] == nil {
                table[key(synonym)] = field
            }
        }
        return table
    }()

    /// Traditional (and a few variant) characters that occur in roster headers, folded to simplified.
    static let traditionalToSimplified: [Character: Character] = {
        let pairs: [(String, String)] = [
            ("號", "号"), ("編", "编"), ("學", "学"), ("別", "别"), ("證", "证"), ("碼", "码"), ("國", "国"),
            ("級", "级"), ("戶", "户"), ("戸", "户"), ("質", "质"), ("類", "类"), ("難", "难"), ("認", "认"),
            ("體", "体"), ("檔", "档"), ("資", "资"), ("項", "项"), ("額", "额"), ("銀", "银"), ("帳", "帐"),
            ("賬", "账"), ("開", "开"), ("護", "护"), ("監", "监"), ("聯", "联"), ("繫", "系"), ("係", "系"),
            ("電", "电"), ("話", "话"), ("機", "机"), ("數", "数"), ("長", "长"), ("請", "请"), ("讀", "读"),
            ("發", "发"), ("補", "补"), ("準", "准"), ("摺", "折"), ("兒", "儿"), ("單", "单"), ("稱", "称"),
            ("屬", "属"), ("詳", "详"), ("細", "细"), ("現", "现"), ("鄉", "乡"), ("鎮", "镇"), ("縣", "县"),
            ("區", "区"), ("專", "专"), ("業", "业"), ("會", "会"), ("絡", "络"), ("齡", "龄"), ("歲", "岁"),
            ("額", "额"), ("網", "网"), ("點", "点"), ("獲", "获"), ("貧", "贫"), ("殘", "残"), ("疾", "疾"),
            ("孤", "孤"), ("烈", "烈"), ("養", "养"), ("錄", "录"), ("紀", "纪"), ("書", "书"), ("復", "复"),
            ("簿", "簿"), ("買", "买"), ("賣", "卖"), ("與", "与"), ("為", "为"), ("無", "无"), ("個", "个"),
            ("鄰", "邻"), ("貼", "贴"), ("費", "费"), ("務", "务"), ("協", "协"), ("員", "员"), ("寫", "写"),
            ("審", "审"), ("領", "领"), ("導", "导"), ("簽", "签"), ("負", "负"), ("責", "责"), ("經", "经"),
            ("辦", "办"), ("總", "总"), ("計", "计"), ("報", "报"), ("說", "说"), ("註", "注"), ("備", "备"),
            ("表", "表"), ("填", "填"), ("製", "制"),
        ]
        var map: [Character: Character] = [:]
        for (traditional, simplified) in pairs where traditional != simplified {
            map[Character(traditional)] = Character(simplified)
        }
        return map
    }()

    /// Folds traditional characters to simplified (for header and keyword matching only, never for data).
    static func folded(_ text: String) -> String {
        String(text.map { traditionalToSimplified[$0] ?? $0 })
    }
}
