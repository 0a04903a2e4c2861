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

    private var bankNameCache: [String: BankBINTable.Bank?] = [:]
    private var documentPlans: [ObjectIdentifier: DocumentPlan] = [:]
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
    }

    /// The bank an 开户行 text names, cached: a round has few distinct texts.
    func bank(namedIn text: String) -> BankBINTable.Bank? {
        if let cached = bankNameCache[text] { return cached }
        let bank = bins.bank(namedIn: text)
        bankNameCache[text] = .some(bank)
        return bank
    }

    /// True the first time a key is seen in this run: for findings reported once per file.
    func firstTime(_ key: String) -> Bool { once.insert(key).inserted }

    /// True when a document cell says the document was not handed in (empty, 无, 否, ×, 0 …).
    func isMissingMark(_ cell: String) -> Bool {
        let text = cell.trimmingWhitespace()
        return text.isEmpty || missingMarks.contains(text)
    }

    /// The recognised 困难类型 of a cell (`低保`, `低保、残疾`): indices into `categoryProof`.
    func categories(in cell: String) -> [Int] {
        let text = cell.trimmingWhitespace()
        if text.isEmpty { return [] }
        if let index = categoryIndex[text] { return [index] }
        var found: [Int] = []
        for part in text.split(whereSeparator: { "、,，;；/ ".contains($0) }) {
            if let index = categoryIndex[String(part)], !found.contains(index) { found.append(index) }
        }
        return found
    }

    /// Which columns of a file hold which document (computed once per file).
    func documentPlan(for layout: ColumnLayout) -> DocumentPlan {
        let key = ObjectIdentifier(layout)
        if let plan = documentPlans[key] { return plan }
        let documents = policy.documents
        let plan = DocumentPlan(
            required: documents.required.map { layout.columns(named: $0.columns) },
            proof: documents.categoryProof.map { layout.columns(named: $0.columns) },
            generic: layout.columns(named: documents.genericProof))
        documentPlans[key] = plan
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
