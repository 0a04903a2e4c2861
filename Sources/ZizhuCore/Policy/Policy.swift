/// The aid policy of a round: program, tiers, documents and the thresholds of the pattern rules. Loaded
/// from YAML (`ZizhuImport/PolicyFile.swift`); `Policy.default` serves when no file is given.
public struct Policy: Codable, Sendable, Equatable {
    /// 学校名称, used in titles and 填报单位.
    public var school: String
    /// 年度, e.g. 2026.
    public var year: Int
    /// 学期, e.g. 秋季学期.
    public var term: String
    /// First day of the term (YYYY-MM-DD): ages are computed on this day.
    public var termStart: String
    /// 资助项目, e.g. 普通高中国家助学金.
    public var program: String
    /// 摘要 in bank files, e.g. 2026秋普高国家助学金.
    public var paymentSummary: String
    /// The amounts a student may get, one per 困难等级.
    public var tiers: [Tier]
    /// 特殊群体: categories that normally get the top tier.
    public var topTierCategories: [String]
    public var documents: Documents
    public var age: AgeLimits
    /// `phone-shared` when one phone number is on this many applicants (of different families) or more.
    public var sharedPhoneThreshold: Int
    /// Coverage cap in percent of a class (`quota-exceeded`), checked when the class size is known.
    public var coveragePercent: Double
    /// Class sizes by class name (`高一(1)班: 52`), when the sheets do not carry a 班级人数 column.
    public var classSizes: [String: Int]
    /// `amount-uniform` is reported for a class of at least this many applicants all at one amount.
    public var uniformClassMinimum: Int
    /// Severity per finding code, overriding the defaults (`card-luhn: info`).
    public var severity: [String: Severity]
    public var notice: NoticeSettings
    public var bank: BankSettings

    public struct Tier: Codable, Sendable, Equatable {
        /// 困难等级 as written in the sheets: 特别困难, 困难, 一般困难.
        public var level: String
        /// Other ways the level is written (一档, A档 …).
        public var aliases: [String]
        /// Amount per student for this round.
        public var amount: Money

        public init(level: String, aliases: [String] = [], amount: Money) {
            self.level = level
            self.aliases = aliases
            self.amount = amount
        }
    }

    public struct Documents: Codable, Sendable, Equatable {
        /// What everyone hands in.
        public var required: [Document]
        /// The proof each difficulty category needs.
        public var categoryProof: [CategoryProof]
        /// Column names of a generic proof that stands for any category's proof (困难证明, 证明材料).
        public var genericProof: [String]
        /// Cell values that mean "not handed in" (besides an empty cell).
        public var missingMarks: [String]
        /// An assistance list (`--evidence KIND=FILE`) that confirms a row's 困难类型 by the student's or a
        /// guardian's ID meets that category's proof requirement: no `document-missing` for the proof. A match
        /// by the guardian's name alone never does. Absent from policy files older than the key: true.
        public var listCountsAsProof: Bool

        public init(required: [Document], categoryProof: [CategoryProof], genericProof: [String],
                    missingMarks: [String], listCountsAsProof: Bool = true) {
            self.required = required
            self.categoryProof = categoryProof
            self.genericProof = genericProof
            self.missingMarks = missingMarks
            self.listCountsAsProof = listCountsAsProof
        }

        private enum CodingKeys: String, CodingKey {
            case required, categoryProof, genericProof, missingMarks, listCountsAsProof
        }

        // Written by hand only so that a file from before `listCountsAsProof` still loads (as true); every
        // other key stays required.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            required = try container.decode([Document].self, forKey: .required)
            categoryProof = try container.decode([CategoryProof].self, forKey: .categoryProof)
            genericProof = try container.decode([String].self, forKey: .genericProof)
            missingMarks = try container.decode([String].self, forKey: .missingMarks)
            listCountsAsProof = try container.decodeIfPresent(Bool.self, forKey: .listCountsAsProof) ?? true
        }
    }

    public struct Document: Codable, Sendable, Equatable {
        /// The document's name in messages.
        public var name: String
        /// Column headers that hold it.
        public var columns: [String]
    }

    public struct CategoryProof: Codable, Sendable, Equatable {
        /// 困难类型 as written in the sheets.
        public var category: String
        /// Other names of the category.
        public var aliases: [String]
        /// The proof's name in messages.
        public var document: String
        /// Column headers that hold the proof.
        public var columns: [String]
    }

    public struct AgeLimits: Codable, Sendable, Equatable {
        /// `age-out-of-range` below this age at term start.
        public var minimum: Int
        /// `age-out-of-range` above this age at term start.
        public var maximum: Int
        /// 大龄: older than this at term start.
        public var olderThan: Int
        /// `older-age-ratio` when 大龄 students exceed this percentage of a file's applicants.
        public var olderSharePercent: Double
    }

    public struct NoticeSettings: Codable, Sendable, Equatable {
        /// Length of the notice period in working days (at least 5).
        public var workingDays: Int
        /// 监督电话 printed on the notice.
        public var complaintPhone: String
        /// Public holidays that are not working days (YYYY-MM-DD).
        public var holidays: [String]
        /// Weekend days that are working days (调休), YYYY-MM-DD.
        public var extraWorkdays: [String]
    }

    public struct BankSettings: Codable, Sendable, Equatable {
        /// The default bank upload template (`zizhu bank --list`).
        public var template: String
    }

    /// The severity of a code under this policy.
    public func severity(of code: FindingCode) -> Severity {
        severity[code.rawValue] ?? code.defaultSeverity
    }

    /// The tier for a 困难等级 cell, matching the level or an alias as written, else after `Vocabulary.key`.
    public func tier(forLevel level: String) -> Tier? {
        let text = level.trimmingWhitespace()
        if let tier = tiers.first(where: { $0.level == text || $0.aliases.contains(text) }) { return tier }
        let key = Vocabulary.key(text)
        return tiers.first { Vocabulary.key($0.level) == key || $0.aliases.contains { Vocabulary.key($0) == key } }
    }

    /// Title of the documents: `示例县第一中学2026年秋季学期普通高中国家助学金`.
    public var roundTitle: String { "\(school)\(year)年\(term)\(program)" }
}

extension Money {
    /// Policy files write amounts as `1500` or `"1150.00"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let whole = try? container.decode(Int64.self) {
            self.init(yuan: whole)
            return
        }
        let text = try container.decode(String.self)
        switch Money.parse(text) {
        case .success(let money): self = money
        case .failure:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "“\(text)” is not an amount in yuan with at most 2 decimals")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}
