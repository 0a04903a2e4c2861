extension MessageCatalog {
    /// Messages of the validation rules (identity, duplicates, bank, documents, money, patterns).
    /// Templates with a `{detail}` take the Chinese wording of the case from the finding's arguments and
    /// the English from `{detailEn}`; `RuleText` below builds both, so that no wording lives in a rule.
    static let ruleEntries: [FindingCode: MessageTemplate] = [
        // Identity
        .idFormat: MessageTemplate(
            zh: "身份证号格式错误：{detail}。",
            en: "The ID number is malformed: {detailEn}.",
            fixZh: "请对照身份证或户口本重新填写 18 位号码（最后一位可以是 X），并把单元格设为“文本”格式。",
            fixEn: "Retype the 18-character number from the ID card or household register (the last may be X) in a Text-formatted cell."),
        .idLegacy: MessageTemplate(
            zh: "身份证号“{value}”是 15 位旧号码，对应的 18 位号码为 {converted}。",
            en: "“{value}” is an old 15-digit ID number; its 18-digit form is {converted}.",
            fixZh: "学生应使用 18 位身份证号：请对照户口本核实后改为 {converted}。",
            fixEn: "Students must use the 18-digit number: check the household register and write {converted}."),
        .idChecksum: MessageTemplate(
            zh: "身份证号校验位错误：按 GB 11643 计算，校验位应为 {expected}，实为 {actual}。",
            en: "Wrong check character: by GB 11643 it should be {expected}, not {actual}.",
            fixZh: "校验位不符通常是某一位数字录错了：请对照身份证原件逐位核对。",
            fixEn: "A wrong check character usually means a mistyped digit: compare every digit with the ID card."),
        .idBirthdate: MessageTemplate(
            zh: "身份证号中的出生日期有误：{detail}。",
            en: "The birth date in the ID number is wrong: {detailEn}.",
            fixZh: "请对照身份证原件核对第 7–14 位（出生年月日）。",
            fixEn: "Check digits 7–14 (the birth date) against the ID card."),
        .idRegion: MessageTemplate(
            zh: "身份证号前两位“{province}”不是有效的省级行政区划代码。",
            en: "The first two digits “{province}” are not a valid province code.",
            fixZh: "请对照身份证原件核对前 6 位地址码。",
            fixEn: "Check the first six digits (the address code) against the ID card."),
        .idGenderMismatch: MessageTemplate(
            zh: "性别填写为“{gender}”，但身份证号第 17 位表示{idGender}。",
            en: "性别 says “{gender}”, but the 17th digit of the ID number means {idGenderEn}.",
            fixZh: "请核对性别或身份证号，二者必有一处填错。",
            fixEn: "Either the gender or the ID number is wrong: check both."),
        .nameInvalid: MessageTemplate(
            zh: "姓名有误：{detail}。",
            en: "The name is not valid: {detailEn}.",
            fixZh: "请按户口本填写中文姓名；少数民族姓名中的间隔号请写“·”。",
            fixEn: "Write the Chinese name as in the household register; use “·” between parts of a minority name."),
        .studentNumberMismatch: MessageTemplate(
            zh: "学籍号“{value}”与身份证号不符：{detail}。",
            en: "The student number “{value}” does not match the ID number: {detailEn}.",
            fixZh: "全国学籍号应为 G 加 18 位身份证号（无身份证的为 J 开头）；请在学籍系统中核对。",
            fixEn: "A national student number is G plus the 18-character ID number (J for a student without one); check it in the enrolment system."),
        .studentNumberTemporary: MessageTemplate(
            zh: "学籍号“{value}”是以 L 开头的临时学籍号，学籍尚未确认。",
            en: "“{value}” is a temporary student number (L…): the enrolment is not confirmed.",
            fixZh: "请在学籍系统中核实该生学籍，取得正式学籍号后更新。",
            fixEn: "Confirm the enrolment in the enrolment system and use the permanent number."),
        .ageOutOfRange: MessageTemplate(
            zh: "按学期开始日 {termStart} 计算，年龄为 {age} 岁，不在政策范围 {minimum}–{maximum} 岁内。",
            en: "On the term start {termStart} the student is {age}, outside the policy's {minimum}–{maximum}.",
            fixZh: "请核对出生日期（身份证号）；确属特殊情况请附说明。",
            fixEn: "Check the birth date (ID number); attach an explanation if the case is genuine."),

        // Duplicates
        .duplicateIDInFile: MessageTemplate(
            zh: "同一身份证号在本文件中出现 {count} 次（另见{places}）。",
            en: "The same ID number appears {count} times in this file (also {placesEn}).",
            fixZh: "同一学生只能申报一次：请删除重复行，或更正录错的身份证号。",
            fixEn: "A student may apply once: delete the repeated row or correct the mistyped ID number."),
        .duplicateIDAcrossFiles: MessageTemplate(
            zh: "同一身份证号出现在 {fileCount} 个文件中（另见{places}），疑似双学籍或重复申报。",
            en: "The same ID number appears in {fileCount} files (also {placesEn}): possibly enrolled twice or claimed twice.",
            fixZh: "请与相关班级或学校核实该生学籍：一名学生只能在一处申报。",
            fixEn: "Check the enrolment with the other class or school: a student may be claimed in one place only."),
        .duplicatePerson: MessageTemplate(
            zh: "与{places}的学生同名且出生日期相同，但身份证号不同。",
            en: "Same name and birth date as the student at {placesEn}, but a different ID number.",
            fixZh: "请核实是否为同一人使用了两个身份证号；若确为不同学生，可忽略此提醒。",
            fixEn: "Check whether one person uses two ID numbers; if they are different students, ignore this."),

        // Bank
        .cardFormat: MessageTemplate(
            zh: "银行卡号格式错误：{detail}。",
            en: "The card number is malformed: {detailEn}.",
            fixZh: "请对照银行卡重新填写完整卡号（16–19 位数字），并把单元格设为“文本”格式。",
            fixEn: "Retype the full card number (16–19 digits) from the card in a Text-formatted cell."),
        .cardLuhn: MessageTemplate(
            zh: "银行卡号“{value}”未通过 Luhn 校验，可能有录错的数字（部分国内银行卡本身不符合 Luhn，仅作提醒）。",
            en: "The card number “{value}” fails the Luhn check and may be mistyped (some Chinese cards fail Luhn by design; this is only a reminder).",
            fixZh: "请对照银行卡逐位核对卡号。",
            fixEn: "Compare every digit with the card."),
        .cardBankMismatch: MessageTemplate(
            zh: "银行卡号前缀 {bin} 属于{cardBank}，但开户行填写为“{bank}”。",
            en: "The card prefix {bin} belongs to {cardBank}, but 开户行 says “{bank}”.",
            fixZh: "请核对卡号与开户行是否为同一张卡。",
            fixEn: "Check that the card number and the bank name describe the same card."),
        .cardHolderMismatch: MessageTemplate(
            zh: "持卡人“{holder}”既不是学生本人“{name}”，也不是所填监护人{guardian}。",
            en: "The card holder “{holder}” is neither the student “{name}” nor the named guardian {guardianEn}.",
            fixZh: "资助资金应发放到学生本人或其监护人的银行卡：请更正卡号与持卡人，或补充监护人信息。",
            fixEn: "Aid is paid to the student's or the guardian's card: correct the card and holder, or add the guardian."),
        .bankValueUnwritable: MessageTemplate(
            zh: "银行上传模板“{template}”（{encoding}）无法写入这一行的“{field}”：{detail}。",
            en: "The bank upload template “{template}” ({encoding}) cannot carry this row's {field}: {detailEn}.",
            fixZh: "生僻字：请向开户银行核实该账户在银行系统中登记的户名写法，按银行的写法填入“持卡人”列后重新提交，或改用能写入该字的模板（zizhu bank --list）；分隔符、换行或超长：删去或缩短后重新提交。",
            fixEn: "A rare character: ask the bank how the account name is registered, enter it that way in the card-holder column and resubmit, or use a template that can write it (zizhu bank --list). A delimiter, line break or over-long value: remove or shorten it and resubmit."),
        .cardShared: MessageTemplate(
            zh: "同一银行卡号用于 {count} 名学生（另见{places}）。",
            en: "One card number is used for {count} students (also {placesEn}).",
            fixZh: "一张卡只能用于一名学生：请核实后为每名学生填写本人或其监护人的卡号。",
            fixEn: "A card may serve one student only: give each student their own or their guardian's card."),

        // Documents
        .documentMissing: MessageTemplate(
            zh: "缺少“{document}”：{detail}。",
            en: "“{document}” is missing: {detailEn}.",
            fixZh: "请补交材料，并在表格对应列中标记“有”；表格缺少该列时，请按模板加上该列。",
            fixEn: "Hand in the document and mark its column 有 (yes); if the sheet lacks the column, add it as the template shows."),

        // Money and patterns
        .amountInvalid: MessageTemplate(
            zh: "资助金额“{value}”无效：{detail}。",
            en: "The amount “{value}” is not valid: {detailEn}.",
            fixZh: "请填写以元为单位、最多两位小数的阿拉伯数字，例如 1150 或 1150.00。",
            fixEn: "Write yuan in Arabic digits with at most two decimals, e.g. 1150 or 1150.00."),
        .amountNotStandard: MessageTemplate(
            zh: "金额 {amount} 不在档次表（{tiers}）中。",
            en: "The amount {amount} is not on the tier list ({tiers}).",
            fixZh: "请按政策档次填写金额：{tierList}。",
            fixEn: "Use an amount of the policy's tiers: {tierList}."),
        .amountLevelMismatch: MessageTemplate(
            zh: "资助档次与困难认定不符：{detail}。",
            en: "The tier does not match the assessment: {detailEn}.",
            fixZh: "请核对困难等级、困难类型与金额，三者应按同一档次填写。",
            fixEn: "Check the level, the category and the amount: they must name the same tier."),
        .categoryUnknown: MessageTemplate(
            zh: "困难类型“{unknown}”不是政策认可的类型（{accepted}）。",
            en: "The category “{unknown}” is not one the policy knows ({accepted}).",
            fixZh: "请按学生资助管理信息系统的认定类别填写，例如“最低生活保障家庭”或“低保”；确有新的写法可在政策文件 categoryProof 的 aliases 中添加。",
            fixEn: "Write a category of the national aid system, e.g. 最低生活保障家庭 or 低保; a new wording can be added to the aliases of the policy's categoryProof."),
        .levelUnknown: MessageTemplate(
            zh: "困难等级“{value}”不在档次表中（{accepted}）。",
            en: "The level “{value}” is not one of the tiers ({accepted}).",
            fixZh: "请填写政策的困难等级，例如“特别困难”“一档”或“A档”；确有新的写法可在政策文件 tiers 的 aliases 中添加。",
            fixEn: "Write a level of the policy, e.g. 特别困难, 一档 or A档; a new wording can be added to the aliases of the policy's tiers."),
        .amountUniform: MessageTemplate(
            zh: "{class}共 {count} 名申请人，金额全部为 {amount}，疑似平均分配（{places}）。",
            en: "All {count} applicants of {classEn} get {amount}: possibly shared out equally ({placesEn}).",
            fixZh: "请核实是否按困难程度分档评定；确属同一档次请附民主评议记录。",
            fixEn: "Check that tiers follow the assessed need; if all are genuinely equal, attach the class review record."),
        .quotaExceeded: MessageTemplate(
            zh: "{class}申请 {count} 人，班级人数 {size}，超过资助面上限 {percent}%（最多 {cap} 人；申请人在{places}）。",
            en: "{classEn} has {count} applicants out of {size} students, over the {percent}% coverage cap (at most {cap}; the applicants are at {placesEn}).",
            fixZh: "请按资助面控制名额，或附说明报学校资助领导小组审定。",
            fixEn: "Keep within the coverage cap, or attach an explanation for the school's aid committee."),
        .olderAgeRatio: MessageTemplate(
            zh: "本文件大龄学生（学期开始时超过 {olderThan} 岁）{older} 人，占申请人数 {total} 的 {share}%，超过 {limit}%；大龄学生在{places}。",
            en: "{older} of {total} applicants in this file ({share}%) are older than {olderThan} at the term start, over {limit}%; they are at {placesEn}.",
            fixZh: "请逐一核实大龄学生的学籍与年龄（见所列各行）。",
            fixEn: "Check the enrolment and age of each older student."),
        .phoneShared: MessageTemplate(
            zh: "联系电话“{value}”出现在 {families} 个不同家庭的 {count} 名申请人上（另见{places}）。",
            en: "The phone number “{value}” is given for {count} applicants of {families} different families (also {placesEn}).",
            fixZh: "请核实电话是否由他人（如教师）代填；应填写学生家庭的真实联系电话。",
            fixEn: "Check whether someone else (a teacher) filled these in; each family's own phone number belongs here."),
    ]
}

/// The wording of the cases inside rule messages, in both languages. Rules call these and put the result
/// in `Finding.arguments`; `detail`/`places` are Chinese, `detailEn`/`placesEn` English.
enum RuleText {
    static func detail(_ zh: String, _ en: String) -> [String: String] { ["detail": zh, "detailEn": en] }

    // MARK: Identity

    static func idFormat(_ problem: ResidentID.FormatProblem, value: String) -> [String: String] {
        switch problem {
        case .empty: detail("未填写", "it is empty")
        case .length(let n): detail("“\(value)”有 \(n) 位，应为 18 位", "“\(value)” has \(n) characters instead of 18")
        case .character(let c):
            detail("“\(value)”含有不该出现的字符“\(c)”", "“\(value)” contains the character “\(c)”")
        case .misplacedX: detail("“\(value)”中 X 只能是最后一位", "in “\(value)” an X may only be the last character")
        }
    }

    static func birthdateNotReal(_ date: String) -> [String: String] {
        detail("出生日期 \(date) 不存在", "the birth date \(date) does not exist")
    }

    static func birthdateInFuture(_ date: String, termStart: String) -> [String: String] {
        detail("出生日期 \(date) 晚于学期开始日 \(termStart)", "the birth date \(date) is after the term start \(termStart)")
    }

    static func gender(_ written: String, id: ResidentID.Gender) -> [String: String] {
        ["gender": written, "idGender": id == .male ? "男性" : "女性", "idGenderEn": id == .male ? "male" : "female"]
    }

    enum NameProblem {
        case empty, digit, latin, symbol(String), dot
    }

    static func name(_ problem: NameProblem, value: String) -> [String: String] {
        switch problem {
        case .empty: detail("未填写", "it is empty")
        case .digit: detail("“\(value)”含有数字", "“\(value)” contains digits")
        case .latin: detail("“\(value)”含有拉丁字母（应填写中文姓名）", "“\(value)” contains Latin letters (a Chinese name is expected)")
        case .symbol(let c): detail("“\(value)”含有符号“\(c)”", "“\(value)” contains the symbol “\(c)”")
        case .dot:
            detail("“\(value)”中的间隔号位置不对", "the middle dot in “\(value)” is misplaced")
        }
    }

    enum StudentNumberProblem {
        case differs(expected: String), missingPrefix, unrecognised
    }

    static func studentNumber(_ problem: StudentNumberProblem) -> [String: String] {
        switch problem {
        case .differs(let expected):
            var args = detail("G 后应为身份证号 \(expected)", "after G it should carry the ID number \(expected)")
            args["expected"] = expected
            return args
        case .missingPrefix: return detail("缺少前缀 G", "the G prefix is missing")
        case .unrecognised:
            return detail("不是以 G、J 或 L 开头的全国学籍号", "it does not start with G, J or L")
        }
    }

    // MARK: Places

    /// `高一(1)班.csv 第 9 行、第 23 行` for the related rows of a finding, relative to the row's own file.
    static func places(_ locations: [SourceLocation], from file: String, total: Int? = nil) -> [String: String] {
        let limit = 8
        var zhParts: [String] = []
        var enParts: [String] = []
        var lastFile: String? = file
        for location in locations.prefix(limit) {
            let line = location.line.map(String.init) ?? "?"
            if location.file == lastFile {
                zhParts.append("第 \(line) 行")
                enParts.append("line \(line)")
            } else {
                zhParts.append("\(location.file) 第 \(line) 行")
                enParts.append("\(location.file) line \(line)")
            }
            lastFile = location.file
        }
        let count = max(total ?? locations.count, locations.count)
        var zh = zhParts.joined(separator: "、")
        var en = enParts.joined(separator: ", ")
        if count > zhParts.count {
            zh += " 等共 \(count) 处"
            en += " and \(count - enParts.count) more"
        }
        return ["places": zh, "placesEn": en]
    }

    // MARK: Bank

    static func card(_ problem: BankCard.FormatProblem, value: String) -> [String: String] {
        switch problem {
        case .empty: detail("未填写", "it is empty")
        case .character(let c):
            detail("“\(value)”含有非数字字符“\(c)”", "“\(value)” contains the non-digit “\(c)”")
        case .length(let n):
            detail("“\(value)”有 \(n) 位数字，银行卡号应为 16–19 位", "“\(value)” has \(n) digits; a card number has 16–19")
        }
    }

    static func holder(_ holder: String, name: String, guardian: String?) -> [String: String] {
        let written = guardian.flatMap { $0.isEmpty ? nil : $0 }
        return ["holder": holder, "name": name,
                "guardian": written.map { "“\($0)”" } ?? "（表中未填写监护人）",
                "guardianEn": written.map { "“\($0)”" } ?? "(none given)"]
    }

    // MARK: Documents

    static func documentCell(column: String, cell: String) -> [String: String] {
        let mark = cell.trimmingWhitespace()
        return mark.isEmpty
            ? detail("“\(column)”一栏为空", "the “\(column)” cell is empty")
            : detail("“\(column)”一栏填写为“\(mark)”", "the “\(column)” cell says “\(mark)”")
    }

    static func proofCell(category: String, column: String, cell: String) -> [String: String] {
        let mark = cell.trimmingWhitespace()
        return mark.isEmpty
            ? detail("困难类型“\(category)”需要此证明，“\(column)”一栏为空",
                     "the category “\(category)” needs it and the “\(column)” cell is empty")
            : detail("困难类型“\(category)”需要此证明，“\(column)”一栏填写为“\(mark)”",
                     "the category “\(category)” needs it and the “\(column)” cell says “\(mark)”")
    }

    static func documentNoColumn(columns: [String]) -> [String: String] {
        let names = columns.joined(separator: "、")
        return detail("表格中没有该列（可用列名：\(names)），无法确认各行是否已提交，请核对纸质材料",
                      "the sheet has no column for it (accepted headers: \(names)); check the paper files")
    }

    static func proofNoColumn(category: String, columns: [String]) -> [String: String] {
        let names = columns.joined(separator: "、")
        return detail("有学生的困难类型为“\(category)”，但表格中没有该证明的列（可用列名：\(names)），请核对纸质材料",
                      "some students claim “\(category)” but the sheet has no column for its proof (accepted headers: \(names)); check the paper files")
    }

    // MARK: Money

    static func amount(_ error: Money.ParseError) -> [String: String] {
        switch error {
        case .empty: detail("未填写", "it is empty")
        case .notANumber: detail("不是数字", "it is not a number")
        case .tooManyDecimals: detail("超过两位小数（金额最小到分）", "it has more than two decimals (the smallest unit is the fen)")
        case .negative: detail("是负数", "it is negative")
        case .chineseNumerals: detail("使用了中文数字，请写阿拉伯数字", "it is written in Chinese numerals")
        case .tooLarge: detail("数值过大", "it is too large")
        }
    }

    static func tiers(_ policy: Policy, amounts: [Money]) -> [String: String] {
        ["tiers": amounts.map(\.decimalString).joined(separator: "/"),
         "tierList": policy.tiers.map { "\($0.level) \($0.amount.decimalString)" }.joined(separator: "、")]
    }

    static func levelAmount(level: String, expected: Money, amount: Money) -> [String: String] {
        detail("困难等级“\(level)”对应 \(expected.decimalString)，但金额为 \(amount.decimalString)",
               "the level “\(level)” pays \(expected.decimalString) but the amount is \(amount.decimalString)")
    }

    /// The words a cell may use: each name with its aliases, `低保（最低生活保障家庭/城乡低保…）`.
    static func accepted(_ words: [(name: String, aliases: [String])]) -> [String: String] {
        ["accepted": words.map { $0.aliases.isEmpty ? $0.name : "\($0.name)（\($0.aliases.joined(separator: "/"))）" }
            .joined(separator: "、")]
    }

    static func specialCategory(category: String, top: Money, amount: Money) -> [String: String] {
        detail("困难类型“\(category)”属特殊群体，通常按最高档 \(top.decimalString) 资助，但金额为 \(amount.decimalString)",
               "the category “\(category)” normally gets the top tier \(top.decimalString), but the amount is \(amount.decimalString)")
    }

    static func className(_ name: String) -> [String: String] {
        ["class": name.isEmpty ? "本文件" : name, "classEn": name.isEmpty ? "this file" : name]
    }
}
