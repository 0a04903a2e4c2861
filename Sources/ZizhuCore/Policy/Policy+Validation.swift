extension Policy {
    /// Where in a policy a value sits: `tiers[1].amount` is `[.key("tiers"), .index(1), .key("amount")]`.
    public enum PathComponent: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// A semantic problem of a policy that decodes fine but cannot be used as it is.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var path: [PathComponent]
        /// In Chinese, naming the value.
        public var message: String

        public init(path: [PathComponent], message: String) {
            self.path = path
            self.message = message
        }

        /// `tiers[1].amount`.
        public var key: String { Policy.keyPath(path) }
        public var description: String { path.isEmpty ? message : "\(key)：\(message)" }
    }

    /// `documents.required[0].columns`.
    public static func keyPath(_ path: [PathComponent]) -> String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key): out += out.isEmpty ? key : ".\(key)"
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    /// Everything that makes this policy unusable or suspicious: no tiers, amounts ≤ 0, a notice period
    /// under 5 working days, an unknown finding code or top-tier category, dates that are not dates …
    /// Empty for `Policy.default`.
    public var problems: [Problem] {
        var out: [Problem] = []
        func add(_ path: [PathComponent], _ message: String) { out.append(Problem(path: path, message: message)) }

        if school.trimmingWhitespace().isEmpty { add([.key("school")], "学校名称不能为空") }
        if program.trimmingWhitespace().isEmpty { add([.key("program")], "资助项目名称不能为空") }
        if !(2000...2100).contains(year) { add([.key("year")], "年度 \(year) 不在 2000–2100 之间") }
        if termStartDate == nil { add([.key("termStart")], "“\(termStart)”不是有效日期（应写作 2026-09-01）") }

        if tiers.isEmpty { add([.key("tiers")], "档次表为空：至少需要一个档次") }
        var levels: [String: Int] = [:]
        for (i, tier) in tiers.enumerated() {
            let path: [PathComponent] = [.key("tiers"), .index(i)]
            if tier.level.trimmingWhitespace().isEmpty { add(path + [.key("level")], "困难等级名称不能为空") }
            if tier.amount.fen <= 0 {
                add(path + [.key("amount")], "金额 \(tier.amount.decimalString) 必须大于 0")
            }
            for name in [tier.level] + tier.aliases {
                if let other = levels[name], other != i {
                    add(path, "“\(name)”同时出现在第 \(other + 1) 和第 \(i + 1) 个档次中")
                }
                levels[name] = i
            }
        }

        var categories = Set<String>()
        for (i, proof) in documents.categoryProof.enumerated() {
            let path: [PathComponent] = [.key("documents"), .key("categoryProof"), .index(i)]
            if proof.category.trimmingWhitespace().isEmpty { add(path + [.key("category")], "困难类型名称不能为空") }
            if proof.document.trimmingWhitespace().isEmpty { add(path + [.key("document")], "证明材料名称不能为空") }
            if proof.columns.isEmpty { add(path + [.key("columns")], "至少要写一个列名") }
            categories.insert(proof.category)
            categories.formUnion(proof.aliases)
        }
        for (i, name) in topTierCategories.enumerated() where !categories.contains(name) {
            add([.key("topTierCategories"), .index(i)],
                "“\(name)”不是 documents.categoryProof 中的困难类型或其别名")
        }
        for (i, document) in documents.required.enumerated() {
            let path: [PathComponent] = [.key("documents"), .key("required"), .index(i)]
            if document.name.trimmingWhitespace().isEmpty { add(path + [.key("name")], "材料名称不能为空") }
            if document.columns.isEmpty { add(path + [.key("columns")], "至少要写一个列名") }
        }

        if age.minimum < 0 || age.minimum > age.maximum {
            add([.key("age"), .key("minimum")], "最小年龄 \(age.minimum) 应在 0 与最大年龄 \(age.maximum) 之间")
        }
        if age.olderThan < age.minimum || age.olderThan > age.maximum {
            add([.key("age"), .key("olderThan")], "大龄线 \(age.olderThan) 应在 \(age.minimum)–\(age.maximum) 之间")
        }
        if !(0...100).contains(age.olderSharePercent) {
            add([.key("age"), .key("olderSharePercent")], "比例 \(age.olderSharePercent) 应在 0–100 之间")
        }
        if sharedPhoneThreshold < 2 {
            add([.key("sharedPhoneThreshold")], "阈值 \(sharedPhoneThreshold) 至少为 2")
        }
        if !(coveragePercent > 0 && coveragePercent <= 100) {
            add([.key("coveragePercent")], "资助面 \(coveragePercent) 应大于 0 且不超过 100")
        }
        for (name, size) in classSizes.sorted(by: { $0.key < $1.key }) where size <= 0 {
            add([.key("classSizes"), .key(name)], "班级人数 \(size) 必须大于 0")
        }
        if uniformClassMinimum < 2 {
            add([.key("uniformClassMinimum")], "人数 \(uniformClassMinimum) 至少为 2")
        }
        for code in severity.keys.sorted() where FindingCode(rawValue: code) == nil {
            add([.key("severity"), .key(code)], "“\(code)”不是检查代码（如 card-luhn、id-checksum）")
        }

        if notice.workingDays < 5 {
            add([.key("notice"), .key("workingDays")], "公示期 \(notice.workingDays) 个工作日少于规定的 5 个工作日")
        }
        for (i, day) in notice.holidays.enumerated() where CivilDate(day) == nil {
            add([.key("notice"), .key("holidays"), .index(i)], "“\(day)”不是有效日期")
        }
        for (i, day) in notice.extraWorkdays.enumerated() where CivilDate(day) == nil {
            add([.key("notice"), .key("extraWorkdays"), .index(i)], "“\(day)”不是有效日期")
        }
        if bank.template.trimmingWhitespace().isEmpty { add([.key("bank"), .key("template")], "银行模板名称不能为空") }
        return out
    }
}
