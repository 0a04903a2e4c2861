import ZizhuCore

/// A clean row already written to an earlier sheet, which a cross-file anomaly can point back to.
struct EarlierRow {
    var row: StudentRow
    var file: String
    var line: Int
}

/// One class sheet being made: its rows, the rows still free for planting, and the planted rows that
/// live in earlier sheets.
struct ClassDraft {
    var rows: [StudentRow]
    /// Indices of clean rows not yet used, in random order (planting takes from the end).
    var free: [Int]
    /// Rows whose (converted) birth date makes them 大龄, so that `older-age-ratio` stays quiet.
    var olderLike = 0
    let olderLimit: Int
    /// 班主任, who signs the sheet (and whose card sometimes turns up on a student's row).
    let teacher: String
    /// Rows of earlier sheets that a cross-file anomaly in this sheet turned into planted rows.
    var earlierAnswers: [PlantedAnomaly] = []

    mutating func take() -> Int? { free.popLast() }
}

/// Plants anomalies into class drafts, drawing kinds from a shuffled deck so that every kind turns up
/// even at low rates.
struct ClassPlanter {
    /// Parents of 15-digit-ID anomalies were born 1965-01-01 … 1984-12-31 (days since 1970-01-01).
    static let parentBirthDays = -1826 ... 5478
    let factory: StudentFactory
    private var deck: [AnomalyKind] = []

    init(factory: StudentFactory) { self.factory = factory }

    private var facts: PolicyFacts { factory.facts }

    /// Plants about `quota` rows' worth of anomalies (multi-row kinds may go over).
    mutating func plant(quota: Int, in draft: inout ClassDraft, style: SheetStyle, earlier: inout [EarlierRow],
                        registry: inout Registry, using random: inout RandomSource) {
        var planted = 0
        var fruitless = 0
        while planted < quota, !draft.free.isEmpty, fruitless < 50 {
            guard let kind = nextKind(draft: draft, earlier: earlier, using: &random) else { return }
            let used = apply(kind, to: &draft, style: style, earlier: &earlier, registry: &registry, using: &random)
            planted += used
            fruitless = used == 0 ? fruitless + 1 : 0
        }
    }

    private mutating func nextKind(draft: ClassDraft, earlier: [EarlierRow],
                                   using random: inout RandomSource) -> AnomalyKind? {
        for pass in 0..<2 {
            if let index = deck.firstIndex(where: { feasible($0, draft: draft, earlier: earlier) }) {
                return deck.remove(at: index)
            }
            if pass == 0 {
                var fresh = AnomalyKind.allCases
                random.shuffle(&fresh)
                deck.append(contentsOf: fresh)
            }
        }
        return nil
    }

    private func feasible(_ kind: AnomalyKind, draft: ClassDraft, earlier: [EarlierRow]) -> Bool {
        let free = draft.free.count
        switch kind {
        case .duplicateIDInFile, .cardShared: return free >= 2
        case .phoneShared: return free >= facts.sharedPhoneThreshold
        case .duplicatePerson: return free >= (earlier.isEmpty ? 2 : 1)
        case .duplicateIDAcrossFiles: return free >= 1 && !earlier.isEmpty
        case .idLegacy: return free >= 1 && draft.olderLike < draft.olderLimit
        case .amountLevelMismatch: return free >= 1 && !facts.otherTiers.isEmpty
        default: return free >= 1
        }
    }

    /// Plants one anomaly; returns how many rows of this sheet it used.
    private func apply(_ kind: AnomalyKind, to draft: inout ClassDraft, style: SheetStyle,
                       earlier: inout [EarlierRow], registry: inout Registry,
                       using random: inout RandomSource) -> Int {
        guard let first = draft.take() else { return 0 }
        var row = draft.rows[first]
        var used = [first]

        switch kind {
        case .idChecksum:
            let body = String(row.id.prefix(17))
            row.id = body + String(Identifiers.wrongIDCheckCharacter(body, using: &random))
            row.studentNumber = "G" + row.id

        case .idBirthdate:
            let year = row.birth.year
            var dates = ["\(year)0230", "\(year)0231", "\(year)1301", "\(year)0431", "\(year)0631", "\(year)0900",
                         "\(year)1232", "\(year)0015"]
            if !CivilDate.isLeapYear(year) { dates.append("\(year)0229") }
            row.id = withCheck(row.region.code + random.pick(dates) + sequence(of: row.id))
            row.studentNumber = "G" + row.id

        case .idRegion:
            repeat {
                let body = random.pick(Regions.unknownProvinces) + row.id.dropFirst(2).prefix(15)
                row.id = withCheck(String(body))
            } while !registry.claimID(row.id)
            row.studentNumber = "G" + row.id

        case .idFormat:
            var characters = Array(row.id)
            switch random.below(3) {
            case 0: characters.remove(at: 14)                          // a digit left out: 17 characters
            case 1: characters.insert(random.pick(Array("0123456789")), at: 10)   // one too many: 19
            default: characters[14] = "O"                              // the letter O for a zero
            }
            row.id = String(characters)
            row.studentNumber = factory.schoolAssignedNumber(region: row.region.code, using: &random)

        case .idLegacy:
            // The teacher typed a parent's old 15-digit number: born 1965–1984, sequence parity kept.
            let parentBirth = CivilDate(daysSinceEpoch: random.int(in: Self.parentBirthDays))
            let sequence = 2 * random.below(499) + (row.male ? 1 : 2)
            row.id = row.region.code + String(parentBirth.compact.dropFirst(2)) + pad(sequence, 3)
            row.studentNumber = factory.schoolAssignedNumber(region: row.region.code, using: &random)
            draft.olderLike += 1

        case .idGenderMismatch:
            row.male.toggle()

        case .valueExcelMangled:
            while !registry.claimExcelForm(Identifiers.excelScientific(row.id)) {
                row.id = factory.newID(region: row.region.code, birth: row.birth, male: row.male,
                                       registry: &registry, using: &random)
            }
            row.id = Identifiers.excelScientific(row.id)
            row.studentNumber = factory.schoolAssignedNumber(region: row.region.code, using: &random)

        case .nameInvalid:
            let invalid = random.pick(AnomalyKind.nameDefects)(row.name)
            row.name = invalid
            row.holder = row.guardian

        case .studentNumberMismatch:
            var digits = Array(row.id)
            let position = random.int(in: 10...16)
            let old = digits[position]
            digits[position] = random.pick(Array("0123456789").filter { $0 != old })
            row.studentNumber = "G" + String(digits)

        case .ageOutOfRange:
            let canBeOlder = draft.olderLike < draft.olderLimit
            let canBeYounger = facts.age.minimum > 7
            let older = canBeOlder && (!canBeYounger || random.chance(0.4))
            let age = older ? random.int(in: (facts.age.maximum + 1)...(facts.age.maximum + 5))
                            : random.int(in: (facts.age.minimum - 3)...(facts.age.minimum - 1))
            if older { draft.olderLike += 1 }
            repeat { row.birth = factory.birthDate(forAge: age, using: &random) }
            while !registry.claimPerson(name: row.name, birth: row.birth)
            row.id = factory.newID(region: row.region.code, birth: row.birth, male: row.male,
                                   registry: &registry, using: &random)
            row.studentNumber = "G" + row.id

        case .duplicateIDInFile:
            // Another pupil's ID typed on this row: same birth date and sex digit, another name.
            guard let second = draft.take() else { return abandon(first, in: &draft) }
            used.append(second)
            var other = draft.rows[second]
            other.id = row.id
            other.studentNumber = row.studentNumber
            other.birth = row.birth
            other.male = row.male
            other.region = row.region
            other.name = freshName(male: row.male, ethnicity: other.ethnicity, birth: row.birth,
                                   avoiding: [row.name, other.guardian], registry: &registry, using: &random)
            other.holder = other.guardian
            other.planted = kind.code
            draft.rows[second] = other

        case .duplicateIDAcrossFiles:
            // 双学籍: the same pupil on an earlier class's sheet, with a card of their own here.
            let pick = random.below(earlier.count)
            let source = earlier.remove(at: pick)
            draft.earlierAnswers.append(PlantedAnomaly(file: source.file, line: source.line, code: kind.code.rawValue))
            let original = source.row
            row.name = original.name
            row.male = original.male
            row.ethnicity = original.ethnicity
            row.region = original.region
            row.birth = original.birth
            row.id = original.id
            row.studentNumber = original.studentNumber
            row.guardian = original.guardian
            row.phone = original.phone
            row.address = original.address
            row.household = original.household
            row.holder = random.chance(0.5) ? original.guardian : original.name

        case .duplicatePerson:
            // The same name and birth date under another ID: one child entered twice with two numbers.
            let source: StudentRow
            if !earlier.isEmpty && (draft.free.isEmpty || random.chance(0.6)) {
                let taken = earlier.remove(at: random.below(earlier.count))
                draft.earlierAnswers.append(PlantedAnomaly(file: taken.file, line: taken.line, code: kind.code.rawValue))
                source = taken.row
            } else if let second = draft.take() {
                used.append(second)
                draft.rows[second].planted = kind.code
                source = draft.rows[second]
            } else {
                return abandon(first, in: &draft)
            }
            row.name = source.name
            row.male = source.male
            row.ethnicity = source.ethnicity
            row.birth = source.birth
            row.id = factory.newID(region: row.region.code, birth: source.birth, male: source.male,
                                   registry: &registry, using: &random)
            row.studentNumber = "G" + row.id
            if row.guardian == row.name || row.guardian == source.guardian {
                row.guardian = ChineseNames.adult(using: &random)
            }
            row.holder = row.guardian

        case .cardFormat:
            var digits = Array(row.card)
            switch random.below(4) {
            case 0: digits.removeLast(4)                               // 15 digits
            case 1: digits.append(random.pick(Array("0123456789")))    // 20 digits
            case 2: digits[10] = "O"                                   // a letter among the digits
            default: digits.removeLast(6)                              // 13 digits
            }
            row.card = String(digits)

        case .cardLuhn:
            var digits = Array(row.card)
            let last = digits[digits.count - 1]
            digits[digits.count - 1] = random.pick(Array("0123456789").filter { $0 != last })
            row.card = String(digits)

        case .cardBankMismatch:
            row.bank = random.pick(Banks.names.filter { $0 != row.bank })

        case .cardHolderMismatch:
            var stranger = draft.teacher
            while stranger == row.name || stranger == row.guardian { stranger = ChineseNames.adult(using: &random) }
            row.holder = stranger

        case .cardShared:
            // One card on several pupils' rows; each row still names its own guardian as holder.
            let extra = min(draft.free.count, random.int(in: 1...2))
            for _ in 0..<extra {
                guard let other = draft.take() else { break }
                used.append(other)
                draft.rows[other].card = row.card
                draft.rows[other].bank = row.bank
                draft.rows[other].planted = kind.code
            }

        case .documentMissing:
            let column = random.below(max(1, row.documents.count))
            if column < row.documents.count { row.documents[column] = random.pick(facts.missingMarks) }

        case .categoryUnknown:
            row.category = random.pick(AnomalyKind.unknownCategories)

        case .levelUnknown:
            row.levelOverride = random.pick(AnomalyKind.unknownLevels)

        case .amountInvalid:
            row.amountOverride = random.pick(AnomalyKind.invalidAmounts)

        case .amountNotStandard:
            let offTier = AnomalyKind.offTierAmounts.filter { text in
                guard case .success(let money) = Money.parse(text) else { return false }
                return !facts.tierAmounts.contains(money)
            }
            row.amountOverride = offTier.isEmpty ? "1234.56" : random.pick(offTier)

        case .amountLevelMismatch:
            // An ordinary-hardship level paid at another tier's amount.
            row.category = facts.generalCategory
            row.tier = factory.generalTier(using: &random)
            let others = ([facts.topTier] + facts.otherTiers).filter { $0.amount != row.tier.amount }
            if let paid = others.isEmpty ? nil : random.pick(others) {
                row.amountOverride = style.amountText(paid.amount)
            }

        case .phoneShared:
            // The teacher's own number on several families' rows.
            let phone = factory.newPhone(registry: &registry, using: &random)
            row.phone = phone
            var guardians: Set<String> = [row.guardian]
            var addresses: Set<String> = [row.address]
            for _ in 1..<facts.sharedPhoneThreshold {
                guard let other = draft.take() else { break }
                used.append(other)
                var member = draft.rows[other]
                member.phone = phone
                while guardians.contains(member.guardian) || member.guardian == member.name {
                    let wasHolder = member.holder == member.guardian
                    member.guardian = ChineseNames.adult(using: &random)
                    if wasHolder { member.holder = member.guardian }
                }
                while addresses.contains(member.address) {
                    member.address = Regions.address(in: member.region, urban: member.household == "城镇",
                                                     using: &random)
                }
                guardians.insert(member.guardian)
                addresses.insert(member.address)
                member.planted = kind.code
                draft.rows[other] = member
            }
        }

        row.planted = kind.code
        draft.rows[first] = row
        return used.count
    }

    /// Gives a row back unplanted when a multi-row kind cannot find its partner (feasibility should
    /// have prevented it).
    private func abandon(_ row: Int, in draft: inout ClassDraft) -> Int {
        draft.free.insert(row, at: 0)
        return 0
    }

    /// The 17 digits before the check character, with a new check character.
    private func withCheck(_ body: String) -> String {
        body + (Identifiers.idCheckCharacter(body).map(String.init) ?? "0")
    }

    /// The three sequence digits of an 18-digit ID (they carry the sex).
    private func sequence(of id: String) -> String { String(id.dropFirst(14).prefix(3)) }

    private func freshName(male: Bool, ethnicity: String, birth: CivilDate, avoiding: Set<String>,
                           registry: inout Registry, using random: inout RandomSource) -> String {
        while true {
            let family = ChineseNames.style(of: ethnicity) == .dotted
                ? random.pick(ChineseNames.uyghurFatherNames) : ChineseNames.surname(&random)
            let name = ChineseNames.student(male: male, ethnicity: ethnicity, surname: family, allowRare: false,
                                            using: &random)
            if !avoiding.contains(name) && registry.claimPerson(name: name, birth: birth) { return name }
        }
    }
}
