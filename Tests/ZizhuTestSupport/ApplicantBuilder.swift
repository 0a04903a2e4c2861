import ZizhuCore

/// Builds the rows of a round for tests: files with their headers, and rows whose cells are given by header
/// name. Cells not given take clean, realistic defaults that differ from row to row (ID number, name,
/// card, phone, guardian, address), so that a row of defaults draws no finding under `Policy.default`.
///
///     var round = ApplicantBuilder()
///     round.file("高一(1)班.csv")
///     round.row(["身份证号": "11010519491231002X"])
///     round.row()
///     let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
public struct ApplicantBuilder {
    /// A typical roster header: the fields zizhu knows and the four document columns.
    public static let standardHeaders: [String] = [
        "序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型", "困难等级", "资助金额",
        "银行卡号", "开户行", "持卡人", "监护人", "联系电话", "家庭住址", "申请表", "户口本", "身份证复印件", "困难证明",
    ]

    /// Every row added so far, in order; `applicants[i].index == i`.
    public private(set) var applicants: [Applicant] = []
    /// One summary per file, its row count kept up to date.
    public private(set) var inputs: [InputSummary] = []
    /// The files' layouts, in order.
    public private(set) var layouts: [ColumnLayout] = []
    private var nextLine = 2
    private var serial = 0

    public init() {}

    /// Starts a file; the rows added next belong to it. Headers equal to a field's canonical header
    /// (`Field.header`) or a common synonym map to that field unless `columns` says otherwise.
    @discardableResult
    public mutating func file(
        _ name: String, headers: [String] = ApplicantBuilder.standardHeaders, headerLine: Int = 1,
        encoding: String = "UTF-8", columns: [Field: Int]? = nil
    ) -> ColumnLayout {
        let layout = ApplicantBuilder.layout(file: name, headers: headers, headerLine: headerLine, columns: columns)
        layouts.append(layout)
        inputs.append(InputSummary(file: name, encoding: encoding, headerLine: headerLine, rows: 0))
        nextLine = headerLine + 1
        return layout
    }

    /// Adds a row to the current file (starting `高一(1)班.csv` when there is none). `values` maps headers to
    /// cells; with `defaults` the other cells take the clean values of `cleanValues(serial:)`.
    @discardableResult
    public mutating func row(_ values: [String: String] = [:], line: Int? = nil, defaults: Bool = true) -> Applicant {
        if layouts.isEmpty { file("高一(1)班.csv") }
        guard let layout = layouts.last else { preconditionFailure("a file was just started") }
        let base = defaults ? ApplicantBuilder.cleanValues(serial: serial) : [:]
        serial += 1
        let cells = layout.headers.map { header in values[header] ?? base[header] ?? "" }
        let rowLine = line ?? nextLine
        nextLine = rowLine + 1
        let applicant = Applicant(layout: layout, line: rowLine, index: applicants.count, cells: cells)
        applicants.append(applicant)
        inputs[inputs.count - 1].rows += 1
        return applicant
    }

    /// Adds `count` rows of defaults, each changed by `change(i)` (i from 0).
    public mutating func rows(_ count: Int, _ change: (Int) -> [String: String] = { _ in [:] }) {
        for i in 0..<count { row(change(i)) }
    }

    // MARK: Clean values

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"]
    /// Given names are two characters, one from each list: 16,000 names, which with the 1,008 birth dates
    /// make a million distinct (name, birth date) pairs.
    static let firstCharacters = Array("子欣梓浩雨宇诗俊思佳若天晨可博嘉一婉志梦明文晓雅睿泽安心紫书语乐昊辰景立家春秋怡")
    static let secondCharacters = Array("涵怡轩然桐航琪杰远宁曦佑阳欣文瑶鸣清强萱宇哲辉琳琦彤涛源霖悦铭楠妍泉博雯豪峰婷洋")
    static let guardianNames = ["建国", "秀英", "国强", "桂芳", "志明", "丽华", "德华", "春梅", "海涛", "玉兰",
                                "卫东", "淑珍", "永刚", "翠花", "立新", "凤英", "文斌", "红梅", "振华", "素琴"]

    /// The clean cells of the `serial`-th row: a valid, unique ID (born 2009–2011, so 14–17 at the default
    /// term start), the matching gender and 学籍号, a Luhn-valid 农业银行 card of 19 digits held by the
    /// student, a unique guardian, phone and address, every document 有, and tiers in turn
    /// (脱贫家庭 特别困难 1500 / 其他 困难 1150 / 其他 一般困难 800).
    public static func cleanValues(serial n: Int) -> [String: String] {
        let year = 2009 + (n / 336) % 3
        let month = 1 + (n / 28) % 12
        let day = 1 + n % 28
        let birth = String(year) + two(month) + two(day)
        let sequence = 100 + (n / 1_008) % 900
        let id = residentID(region: "370102", birth: birth, sequence: sequence)
        let name = surnames[n % 10] + String(firstCharacters[(n / 10) % 40]) + String(secondCharacters[(n / 400) % 40])
        let tier: (category: String, level: String, amount: String) =
            [("脱贫家庭", "特别困难", "1500.00"), ("其他", "困难", "1150.00"), ("其他", "一般困难", "800.00")][n % 3]
        var phone = String(n % 100_000_000)
        phone = "138" + String(repeating: "0", count: 8 - phone.count) + phone
        return [
            "序号": String(n + 1),
            "姓名": name,
            "性别": sequence % 2 == 1 ? "男" : "女",
            "身份证号": id,
            "学籍号": "G" + id,
            "年级": "高一",
            "班级": "高一(1)班",
            "困难类型": tier.category,
            "困难等级": tier.level,
            "资助金额": tier.amount,
            "银行卡号": card(bin: "622848", serial: n),
            "开户行": "中国农业银行示例县支行",
            "持卡人": name,
            "监护人": surnames[n % 10] + guardianNames[(n / 10) % 20] + String(secondCharacters[(n / 200) % 40]),
            "联系电话": phone,
            "家庭住址": "示例县示例镇示例村\(n + 1)号",
            "申请表": "有",
            "户口本": "有",
            "身份证复印件": "有",
            "困难证明": "有",
        ]
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    // MARK: Identifiers

    /// A checksum-valid 18-character ID number from its parts (`birth` as YYYYMMDD, real date or not).
    public static func residentID(region: String = "370102", birth: String = "20100512", sequence: Int = 123) -> String {
        let seq = String(sequence)
        return withCheckCharacter(region + birth + String(repeating: "0", count: max(0, 3 - seq.count)) + seq)
    }

    /// The 17 digits followed by their GB 11643 check character.
    public static func withCheckCharacter(_ first17: String) -> String {
        guard let check = ResidentID.checkCharacter(forFirst17: first17) else { return first17 }
        return first17 + String(check)
    }

    /// A Luhn-valid card number of `length` digits starting with `bin`, distinct for each `serial`.
    public static func card(bin: String = "622848", length: Int = 19, serial: Int) -> String {
        let bodyLength = max(0, length - bin.count - 1)
        var middle = String(serial)
        if middle.count < bodyLength { middle = String(repeating: "0", count: bodyLength - middle.count) + middle }
        let payload = bin + String(middle.suffix(bodyLength))
        return payload + String(BankCard.luhnCheckDigit(for: payload) ?? "0")
    }

    // MARK: Layouts

    /// Synonyms the builder maps besides the canonical headers (the importer knows many more).
    static let synonyms: [String: Field] = [
        "学生姓名": .name, "身份证号码": .idNumber, "公民身份号码": .idNumber, "证件号码": .idNumber,
        "全国学籍号": .studentNumber, "认定类别": .category, "认定等级": .level, "档次": .level,
        "金额": .amount, "卡号": .card, "银行账号": .card, "账号": .card, "开户银行": .bank, "户名": .cardHolder,
        "联系方式": .phone, "户口性质": .householdType,
    ]

    /// A layout whose fields are found by header name (canonical or synonym), or given by `columns`.
    public static func layout(file: String, headers: [String] = standardHeaders, headerLine: Int = 1,
                              columns: [Field: Int]? = nil) -> ColumnLayout {
        var mapped: [Field: Int] = [:]
        if let columns {
            mapped = columns
        } else {
            var byHeader: [String: Field] = synonyms
            for field in Field.allCases { byHeader[field.header] = field }
            for (column, header) in headers.enumerated() {
                if let field = byHeader[header], mapped[field] == nil { mapped[field] = column }
            }
        }
        return ColumnLayout(file: file, headers: headers, headerLine: headerLine, columns: mapped)
    }
}
