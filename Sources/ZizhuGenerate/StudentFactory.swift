import ZizhuCore

/// What the generator needs to know from the policy to make rows that are clean under it.
struct PolicyFacts {
    struct DocumentColumn {
        /// Header candidates; the first is the usual one.
        let headers: [String]
    }

    let termStart: CivilDate
    /// The best-paid tier (特别困难), which 特殊群体 get.
    let topTier: Policy.Tier
    /// The other tiers, best paid first (困难, 一般困难).
    let otherTiers: [Policy.Tier]
    let topCategories: [String]
    /// The category written for ordinary hardship (其他).
    let generalCategory: String
    /// Required documents, then the generic proof (困难证明) that stands for every category's proof.
    let documentColumns: [DocumentColumn]
    let missingMarks: [String]
    let age: Policy.AgeLimits
    let sharedPhoneThreshold: Int
    let uniformClassMinimum: Int
    let tierAmounts: Set<Money>
    /// Each category's first alias, the wording of the national 学生资助管理信息系统 (低保 → 最低生活保障家庭),
    /// which some sheets use throughout.
    let nationalWording: [String: String]

    init(_ policy: Policy) throws {
        guard let start = CivilDate(policy.termStart) else {
            throw GeneratorError.invalidOption("the policy's termStart “\(policy.termStart)” is not a date YYYY-MM-DD")
        }
        let byAmount = policy.tiers.sorted { $0.amount > $1.amount }
        guard let top = byAmount.first else {
            throw GeneratorError.invalidOption("the policy has no tiers")
        }
        termStart = start
        topTier = top
        otherTiers = Array(byAmount.dropFirst())
        topCategories = policy.topTierCategories.isEmpty ? ["低保"] : policy.topTierCategories
        let proofCategories = policy.documents.categoryProof.map(\.category)
        generalCategory = proofCategories.contains("其他")
            ? "其他" : proofCategories.first { !policy.topTierCategories.contains($0) } ?? "其他"
        var columns = policy.documents.required.map { document in
            // A header such as 身份证 or 身份证明 could pass for the ID column: use the explicit 复印件 forms.
            DocumentColumn(headers: document.columns.filter { !$0.hasPrefix("身份证") || $0.hasSuffix("复印件") }
                .nonEmpty ?? [document.name])
        }
        if !policy.documents.genericProof.isEmpty {
            columns.append(DocumentColumn(headers: policy.documents.genericProof))
        }
        documentColumns = columns
        let preferredMissing = ["无", "×", "否", ""]
        let knownMissing = preferredMissing.filter { $0.isEmpty || policy.documents.missingMarks.contains($0) }
        missingMarks = knownMissing.count > 1 ? knownMissing : [""]
        age = policy.age
        sharedPhoneThreshold = max(2, policy.sharedPhoneThreshold)
        uniformClassMinimum = policy.uniformClassMinimum
        tierAmounts = Set(policy.tiers.map(\.amount))
        nationalWording = Dictionary(policy.documents.categoryProof.compactMap { proof in
            proof.aliases.first.map { (proof.category, $0) }
        }, uniquingKeysWith: { first, _ in first })
    }
}

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}

/// The look of one class sheet, drawn once per file: which header synonyms, how amounts and
/// document marks are written.
struct SheetStyle {
    enum AmountStyle { case plain, twoDecimals, grouped }

    let layout: SheetLayout
    let amountStyle: AmountStyle
    let presentMark: String
    let levelAsAlias: Bool
    let headerChoice: [Int]

    init(layout: SheetLayout, using random: inout RandomSource) {
        self.layout = layout
        switch layout {
        case .utf8CSV: amountStyle = random.chance(0.5) ? .twoDecimals : .plain
        case .gb18030TitledCSV: amountStyle = random.chance(0.7) ? .plain : .twoDecimals
        case .utf16TabText: amountStyle = random.chance(0.6) ? .grouped : .plain
        }
        // ✓ is not a GBK character: GB18030 sheets use the marks GBK has.
        presentMark = random.pick(layout == .gb18030TitledCSV ? ["有", "√", "是"] : ["有", "√", "是", "✓"])
        levelAsAlias = random.chance(0.15)
        headerChoice = (0..<32).map { _ in random.below(1000) }
    }

    /// About one sheet in four writes 困难类型 in the national system's words. Drawn from a header slot no
    /// header uses, so that adding it changed no other draw.
    var categoryInNationalWords: Bool { headerChoice[31] < 250 }

    func amountText(_ money: Money) -> String {
        switch amountStyle {
        case .plain: money.fen % 100 == 0 ? String(money.fen / 100) : money.decimalString
        case .twoDecimals: money.decimalString
        case .grouped: money.groupedString
        }
    }

    /// Header variant number `slot` among `count` candidates; the first candidate is the most common.
    func variant(_ slot: Int, of count: Int) -> Int {
        guard count > 1 else { return 0 }
        let draw = headerChoice[slot % headerChoice.count]
        return draw < 550 ? 0 : 1 + draw % (count - 1)
    }
}

/// Makes clean applicants: valid, unique identifiers, ages that fit the grade, amounts that fit the level.
struct StudentFactory {
    let facts: PolicyFacts
    private static let categoryWeights: [String: Int] = [
        "脱贫家庭": 35, "低保": 30, "防返贫监测对象": 10, "残疾学生": 10, "特困供养": 6, "孤儿": 4,
        "事实无人抚养儿童": 3, "烈士子女": 2,
    ]
    private let topCategoryWeights: [Int]

    init(facts: PolicyFacts) {
        self.facts = facts
        topCategoryWeights = facts.topCategories.map { StudentFactory.categoryWeights[$0] ?? 3 }
    }

    /// A clean applicant of grade 0 (高一), 1 (高二) or 2 (高三), 15–18 years old at term start.
    func makeStudent(grade: Int, style: SheetStyle, registry: inout Registry,
                     using random: inout RandomSource) -> StudentRow {
        let ethnicity = ChineseNames.ethnicities[random.index(in: ChineseNames.ethnicityTable)].0
        let male = random.chance(0.5)
        let region = Regions.forEthnicity(ethnicity).map { random.pick($0) }
            ?? (random.chance(0.86) ? random.pick(Regions.home) : random.pick(Regions.elsewhere))
        let age = 15 + min(grade, 2) + (random.chance(0.2) ? 1 : 0)
        let birth = birthDate(forAge: age, using: &random)

        var familyName = ChineseNames.surname(&random)
        if ChineseNames.style(of: ethnicity) == .dotted { familyName = random.pick(ChineseNames.uyghurFatherNames) }
        var name = ChineseNames.student(male: male, ethnicity: ethnicity, surname: familyName, allowRare: true,
                                        using: &random)
        var tries = 0
        while !registry.claimPerson(name: name, birth: birth) {
            tries += 1
            // Tibetan names are few: give a long run of collisions a Han name instead.
            name = ChineseNames.student(male: male, ethnicity: tries > 20 ? "汉族" : ethnicity, surname: familyName,
                                        allowRare: false, using: &random)
        }
        var guardian = ChineseNames.guardian(ofStudentNamed: name, ethnicity: ethnicity, surname: familyName,
                                             using: &random)
        while guardian == name { guardian = ChineseNames.adult(using: &random) }

        let household = region.rural ? (random.chance(0.92) ? "农村" : "城镇") : (random.chance(0.8) ? "城镇" : "农村")
        let id = newID(region: region.code, birth: birth, male: male, registry: &registry, using: &random)
        let (category, tier) = drawCategoryAndTier(using: &random)
        let (card, bank) = newCard(registry: &registry, using: &random)

        return StudentRow(
            name: name, male: male, ethnicity: ethnicity, region: region, birth: birth, id: id,
            studentNumber: "G" + id, household: household, category: category, tier: tier,
            amountOverride: nil, card: card, bank: bank,
            holder: random.chance(0.7) ? guardian : name, guardian: guardian,
            phone: newPhone(registry: &registry, using: &random),
            address: Regions.address(in: region, urban: household == "城镇", using: &random),
            documents: Array(repeating: style.presentMark, count: facts.documentColumns.count),
            planted: nil, cosmetic: nil)
    }

    func drawCategoryAndTier(using random: inout RandomSource) -> (String, Policy.Tier) {
        if otherTierIsEmpty || random.chance(0.3) {
            return (facts.topCategories[random.weightedIndex(topCategoryWeights)], facts.topTier)
        }
        return (facts.generalCategory, generalTier(using: &random))
    }

    private var otherTierIsEmpty: Bool { facts.otherTiers.isEmpty }

    /// 困难 more often than 一般困难.
    func generalTier(using random: inout RandomSource) -> Policy.Tier {
        guard !facts.otherTiers.isEmpty else { return facts.topTier }
        return random.chance(0.57) ? facts.otherTiers[0] : facts.otherTiers[facts.otherTiers.count - 1]
    }

    /// A birth date that makes a person exactly `age` years old on the first day of term.
    func birthDate(forAge age: Int, using random: inout RandomSource) -> CivilDate {
        let latest = facts.termStart.addingYears(-age).daysSinceEpoch
        let earliest = facts.termStart.addingYears(-(age + 1)).daysSinceEpoch + 1
        return CivilDate(daysSinceEpoch: random.int(in: earliest...latest))
    }

    /// A valid, unused 18-digit ID: region, birth date, a sequence whose last digit is odd for boys,
    /// and the MOD 11-2 check character.
    func newID(region: String, birth: CivilDate, male: Bool, registry: inout Registry,
               using random: inout RandomSource) -> String {
        while true {
            let sequence = 2 * random.below(499) + (male ? 1 : 2)
            let body = region + birth.compact + pad(sequence, 3)
            guard let check = Identifiers.idCheckCharacter(body) else { continue }
            let id = body + String(check)
            if registry.claimID(id) { return id }
        }
    }

    /// A valid, unused 19-digit card: a real BIN, 12 random digits and the Luhn digit.
    func newCard(registry: inout Registry, using random: inout RandomSource) -> (card: String, bank: String) {
        let bank = Banks.all[random.weightedIndex(Banks.weights)]
        while true {
            let body = bank.bin + random.digits(12)
            guard let check = Identifiers.luhnCheckDigit(body) else { continue }
            let card = body + String(check)
            if registry.claimCard(card) { return (card, bank.name) }
        }
    }

    private static let phonePrefixes = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "166", "170", "173", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "195", "198", "199",
    ]

    /// An unused 11-digit mobile number.
    func newPhone(registry: inout Registry, using random: inout RandomSource) -> String {
        while true {
            let phone = random.pick(StudentFactory.phonePrefixes) + random.digits(8)
            if registry.claimPhone(phone) { return phone }
        }
    }

    /// A school-assigned 学籍号 (`J…`) for a student whose ID cannot serve as the 全国学籍号.
    func schoolAssignedNumber(region: String, using random: inout RandomSource) -> String {
        "J" + region + String(facts.termStart.year) + random.digits(5)
    }
}
