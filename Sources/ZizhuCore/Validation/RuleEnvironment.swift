/// What one run of the validator computes once from the policy, and the caches the rules share during the
/// run. It lives for one `Validator.run` on one thread.
final class RuleEnvironment {
    let policy: Policy
    let termStart: CivilDate?
    /// Copied out of the policy: reading `policy.x` on every row copies the whole policy.
    let age: Policy.AgeLimits
    let documents: Policy.Documents
    let bins: BankBINTable
    /// Every tier amount, highest first, without repeats.
    let tierAmounts: [Money]
    /// The highest tier amount.
    let topAmount: Money?
    /// 困难类型 name or alias → index into `policy.documents.categoryProof`, by the word as written and by its
    /// `Vocabulary.key` (the cleaned form a cell is looked up by when it does not match as written).
    private let categoryIndex: [UTF8Key: Int]
    /// Names and aliases of the categories that normally get the top tier.
    private let topTierCategories: Set<UTF8Key>
    private let missingMarks: Set<UTF8Key>
    /// 困难等级 (level or alias) → tier, as `Policy.tier(forLevel:)` finds it.
    private let tiersByLevel: [UTF8Key: Policy.Tier]

    private var bankNameCache: [UTF8Key: BankBINTable.Bank?] = [:]
    private var documentPlans: [ObjectIdentifier: DocumentPlan] = [:]
    /// Plans by header row: the class sheets of a round mostly share one header.
    private var documentPlansByHeaders: [[String]: DocumentPlan] = [:]
    /// The header keys (`ColumnLayout.headerKey`) naming each document, computed once.
    private let requiredKeys: [Set<String>]
    private let proofKeys: [Set<String>]
    private let genericKeys: Set<String>
    private var once: Set<String> = []
    /// Row index → the `categoryProof` indices whose proof an official record stands for (`ProofOnRecordCheck`).
    private let proofsOnRecord: [Int: [Int]]

    init(policy: Policy, bins: BankBINTable = .shared, proofsOnRecord: ProofsOnRecord = ProofsOnRecord()) {
        self.policy = policy
        self.termStart = policy.termStartDate
        self.age = policy.age
        self.documents = policy.documents
        self.bins = bins
        var amounts: [Money] = []
        for tier in policy.tiers where !amounts.contains(tier.amount) { amounts.append(tier.amount) }
        self.tierAmounts = amounts.sorted(by: >)
        self.topAmount = tierAmounts.first
        var categories: [UTF8Key: Int] = [:]
        for (index, proof) in policy.documents.categoryProof.enumerated() {
            for name in [proof.category] + proof.aliases {
                for key in [name, Vocabulary.key(name)] where categories[UTF8Key(key)] == nil {
                    categories[UTF8Key(key)] = index
                }
            }
        }
        self.categoryIndex = categories
        var top = Set(policy.topTierCategories.map(UTF8Key.init))
        top.formUnion(policy.topTierCategories.map { UTF8Key(Vocabulary.key($0)) })
        for name in policy.topTierCategories {
            if let index = categories[UTF8Key(name)] {
                let proof = policy.documents.categoryProof[index]
                top.insert(UTF8Key(proof.category))
                top.formUnion(proof.aliases.map(UTF8Key.init))
                top.formUnion(([proof.category] + proof.aliases).map { UTF8Key(Vocabulary.key($0)) })
            }
        }
        self.topTierCategories = top
        self.missingMarks = Set(policy.documents.missingMarks.map(UTF8Key.init))
        var byLevel: [UTF8Key: Policy.Tier] = [:]
        for tier in policy.tiers {
            for name in [tier.level] + tier.aliases {
                for key in [name, Vocabulary.key(name)] where byLevel[UTF8Key(key)] == nil { byLevel[UTF8Key(key)] = tier }
            }
        }
        self.tiersByLevel = byLevel
        let documents = policy.documents
        self.requiredKeys = documents.required.map { Set($0.columns.map(ColumnLayout.headerKey)) }
        self.proofKeys = documents.categoryProof.map { Set($0.columns.map(ColumnLayout.headerKey)) }
        self.genericKeys = Set(documents.genericProof.map(ColumnLayout.headerKey))
        var proofIndex: [String: Int] = [:]
        for (index, proof) in documents.categoryProof.enumerated() where proofIndex[proof.category] == nil {
            proofIndex[proof.category] = index
        }
        var onRecord: [Int: [Int]] = [:]
        for entry in proofsOnRecord.entries {
            if let index = proofIndex[entry.category] { onRecord[entry.row, default: []].append(index) }
        }
        self.proofsOnRecord = onRecord
    }

    /// True when an official record stands for this row's proof of `categoryProof[category]`.
    func isProofOnRecord(row: Int, category: Int) -> Bool {
        !proofsOnRecord.isEmpty && proofsOnRecord[row]?.contains(category) == true
    }

    /// The bank an 开户行 text names, cached: a round has few distinct texts.
    func bank(namedIn text: String) -> BankBINTable.Bank? {
        let key = UTF8Key(text)
        if let cached = bankNameCache[key] { return cached }
        let bank = bins.bank(namedIn: text)
        bankNameCache[key] = .some(bank)
        return bank
    }

    /// The tier of a (trimmed) 困难等级 cell, as written or cleaned (`ａ档`, `一 档`).
    func tier(forLevel level: String) -> Policy.Tier? {
        tiersByLevel[UTF8Key(level)] ?? tiersByLevel[UTF8Key(Vocabulary.key(level))]
    }

    /// Every level and its aliases, for `level-unknown`.
    private(set) lazy var acceptedLevels: [String: String] =
        RuleText.accepted(policy.tiers.map { ($0.level, $0.aliases) })

    /// Every category and its aliases, for `category-unknown`.
    private(set) lazy var acceptedCategories: [String: String] =
        RuleText.accepted(documents.categoryProof.map { ($0.category, $0.aliases) })

    /// True for a 困难类型 (name or alias) that normally gets the top tier.
    func isTopTierCategory(_ name: String) -> Bool { topTierCategories.contains(UTF8Key(name)) }

    /// True the first time a key is seen in this run: for findings reported once per file.
    func firstTime(_ key: String) -> Bool { once.insert(key).inserted }

    /// True when a document cell says the document was not handed in (empty, 无, 否, ×, 0 …).
    func isMissingMark(_ cell: String) -> Bool {
        if cell.isEmpty { return true }
        // Most cells repeat the same mark (有, √): remember the last one that meant "handed in".
        if let present = lastPresentMark, cell.sameBytes(present) { return false }
        let text = cell.trimmedForRules
        if text.isEmpty || missingMarks.contains(UTF8Key(text)) { return true }
        lastPresentMark = cell
        return false
    }

    private var lastPresentMark: String?

    /// The 困难类型 a whole cell names (`低保户`): an index into `categoryProof`.
    func category(named cell: String) -> Int? {
        if cell.isEmpty { return nil }
        if let last = lastCategory, cell.sameBytes(last.cell) { return last.index }
        let index = categoryIndex(of: cell.trimmedForRules)
        lastCategory = (cell, index)
        return index
    }

    private var lastCategory: (cell: String, index: Int?)?

    /// The recognised 困难类型 of a cell (`低保`, `低保、残疾`): indices into `categoryProof`.
    func categories(in cell: String) -> [Int] {
        let text = cell.trimmedForRules
        if text.isEmpty { return [] }
        if let index = category(named: text) { return [index] }
        var found: [Int] = []
        for part in Self.categoryParts(text) {
            if let index = categoryIndex(of: part), !found.contains(index) { found.append(index) }
        }
        return found
    }

    /// The parts of a 困难类型 cell that name no category (`乱写的类型`; `低保、乱写` → `乱写`).
    func unknownCategories(in cell: String) -> [String] {
        let text = cell.trimmedForRules
        if text.isEmpty || category(named: text) != nil { return [] }
        let parts = Self.categoryParts(text)
        if parts.isEmpty { return [text] }
        return parts.filter { categoryIndex(of: $0) == nil }
    }

    private static func categoryParts(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；/ ".contains($0) }).map(String.init)
    }

    private func categoryIndex(of text: String) -> Int? {
        categoryIndex[UTF8Key(text)] ?? categoryIndex[UTF8Key(Vocabulary.key(text))]
    }

    /// Which columns of a file hold which document (as `ColumnLayout.columns(named:)` finds them), computed
    /// once per distinct header row.
    func documentPlan(for layout: ColumnLayout) -> DocumentPlan {
        let key = ObjectIdentifier(layout)
        if let plan = documentPlans[key] { return plan }
        if let plan = documentPlansByHeaders[layout.headers] {
            documentPlans[key] = plan
            return plan
        }
        let headerKeys = layout.headers.map(ColumnLayout.headerKey)
        func columns(_ wanted: Set<String>) -> [Int] { headerKeys.indices.filter { wanted.contains(headerKeys[$0]) } }
        let plan = DocumentPlan(required: requiredKeys.map(columns), proof: proofKeys.map(columns),
                                generic: columns(genericKeys))
        documentPlans[key] = plan
        documentPlansByHeaders[layout.headers] = plan
        return plan
    }
}

/// The document columns of one file.
struct DocumentPlan {
    /// For each required document of the policy, the columns that hold it (empty: the file has none).
    let required: [[Int]]
    /// For each category proof of the policy, its columns.
    let proof: [[Int]]
    /// Columns of a generic proof (困难证明) that stands for any category's proof.
    let generic: [Int]
}
