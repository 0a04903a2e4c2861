/// What one run of the validator computes once from the policy, and the caches the rules share during the
/// run. It lives for one `Validator.run` on one thread.
final class RuleEnvironment {
    let policy: Policy
    let termStart: CivilDate?
    let bins: BankBINTable
    /// Every tier amount, highest first, without repeats.
    let tierAmounts: [Money]
    /// The highest tier amount.
    let topAmount: Money?
    /// 困难类型 name or alias → index into `policy.documents.categoryProof`.
    let categoryIndex: [String: Int]
    /// Names and aliases of the categories that normally get the top tier.
    let topTierCategories: Set<String>
    let missingMarks: Set<String>
    /// 困难等级 (level or alias) → tier, as `Policy.tier(forLevel:)` finds it.
    private let tiersByLevel: [String: Policy.Tier]

    private var bankNameCache: [String: BankBINTable.Bank?] = [:]
    private var documentPlans: [ObjectIdentifier: DocumentPlan] = [:]
    /// Plans by header row: the class sheets of a round mostly share one header.
    private var documentPlansByHeaders: [[String]: DocumentPlan] = [:]
    /// The header keys (`ColumnLayout.headerKey`) naming each document, computed once.
    private let requiredKeys: [Set<String>]
    private let proofKeys: [Set<String>]
    private let genericKeys: Set<String>
    private var once: Set<String> = []

    init(policy: Policy, bins: BankBINTable = .shared) {
        self.policy = policy
        self.termStart = policy.termStartDate
        self.bins = bins
        var amounts: [Money] = []
        for tier in policy.tiers where !amounts.contains(tier.amount) { amounts.append(tier.amount) }
        self.tierAmounts = amounts.sorted(by: >)
        self.topAmount = tierAmounts.first
        var categories: [String: Int] = [:]
        for (index, proof) in policy.documents.categoryProof.enumerated() {
            for name in [proof.category] + proof.aliases where categories[name] == nil {
                categories[name] = index
            }
        }
        self.categoryIndex = categories
        var top = Set(policy.topTierCategories)
        for name in policy.topTierCategories {
            if let index = categories[name] {
                let proof = policy.documents.categoryProof[index]
                top.insert(proof.category)
                top.formUnion(proof.aliases)
            }
        }
        self.topTierCategories = top
        self.missingMarks = Set(policy.documents.missingMarks)
        var byLevel: [String: Policy.Tier] = [:]
        for tier in policy.tiers {
            for name in [tier.level] + tier.aliases where byLevel[name] == nil { byLevel[name] = tier }
        }
        self.tiersByLevel = byLevel
        let documents = policy.documents
        self.requiredKeys = documents.required.map { Set($0.columns.map(ColumnLayout.headerKey)) }
        self.proofKeys = documents.categoryProof.map { Set($0.columns.map(ColumnLayout.headerKey)) }
        self.genericKeys = Set(documents.genericProof.map(ColumnLayout.headerKey))
    }

    /// The bank an 开户行 text names, cached: a round has few distinct texts.
    func bank(namedIn text: String) -> BankBINTable.Bank? {
        if let cached = bankNameCache[text] { return cached }
        let bank = bins.bank(namedIn: text)
        bankNameCache[text] = .some(bank)
        return bank
    }

    /// The tier of a (trimmed) 困难等级 cell.
    func tier(forLevel level: String) -> Policy.Tier? { tiersByLevel[level] }

    /// True the first time a key is seen in this run: for findings reported once per file.
    func firstTime(_ key: String) -> Bool { once.insert(key).inserted }

    /// True when a document cell says the document was not handed in (empty, 无, 否, ×, 0 …).
    func isMissingMark(_ cell: String) -> Bool {
        let text = cell.trimmedForRules
        return text.isEmpty || missingMarks.contains(text)
    }

    /// The recognised 困难类型 of a cell (`低保`, `低保、残疾`): indices into `categoryProof`.
    func categories(in cell: String) -> [Int] {
        let text = cell.trimmedForRules
        if text.isEmpty { return [] }
        if let index = categoryIndex[text] { return [index] }
        var found: [Int] = []
        for part in text.split(whereSeparator: { "、,，;；/ ".contains($0) }) {
            if let index = categoryIndex[String(part)], !found.contains(index) { found.append(index) }
        }
        return found
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
