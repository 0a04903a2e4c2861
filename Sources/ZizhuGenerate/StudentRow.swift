import ZizhuCore

/// One applicant as the generator holds it before writing: canonical values, the anomaly planted on it
/// (if any), and a cosmetic quirk to apply when it is written.
struct StudentRow {
    var name: String
    var male: Bool
    var ethnicity: String
    var region: Regions.Region
    var birth: CivilDate
    var id: String
    var studentNumber: String
    var household: String
    var category: String
    var tier: Policy.Tier
    /// The 困难等级 cell; nil writes the tier's level (or its 档 alias) in the sheet's style.
    var levelOverride: String? = nil
    /// The 资助金额 cell; nil writes the tier's amount in the sheet's style.
    var amountOverride: String?
    var card: String
    var bank: String
    var holder: String
    var guardian: String
    var phone: String
    var address: String
    /// One cell per document column, in the sheet's document column order.
    var documents: [String]
    var planted: FindingCode?
    var cosmetic: Cosmetic?

    var isClean: Bool { planted == nil }
}

/// Harmless quirks of real sheets on clean rows (DOMAIN.md): an importer normalises them and may note
/// `value-normalized` (info), but none is a problem.
enum Cosmetic: CaseIterable {
    /// `6228 4800 1234 5678 901`
    case cardInGroups
    /// `１３８…` (full-width digits)
    case fullWidthPhone
    /// `…123x` for an ID whose check character is X
    case lowercaseX
    /// a trailing space after the name
    case nameTrailingSpace
    /// an in-cell line break (Alt+Enter) in the address; the record spans two physical lines
    case multilineAddress
    /// an ASCII comma inside the address, so the cell is quoted
    case commaInAddress
}

/// Keeps identifiers unique over the whole round so that clean rows never collide by chance: IDs,
/// cards, phones, and (name, birth date) pairs, which `duplicate-person` looks for.
struct Registry {
    private var ids = Set<UInt64>()
    private var cards = Set<UInt64>()
    private var phones = Set<UInt64>()
    private var people = Set<UInt64>()
    private var excelForms = Set<String>()

    /// Claims the first 17 digits of an ID; false when taken (or not digits).
    mutating func claimID(_ id: String) -> Bool {
        guard let key = UInt64(id.prefix(17)) else { return false }
        return ids.insert(key).inserted
    }

    /// Claims the first 18 digits of a card number.
    mutating func claimCard(_ card: String) -> Bool {
        guard let key = UInt64(card.prefix(18)) else { return false }
        return cards.insert(key).inserted
    }

    mutating func claimPhone(_ phone: String) -> Bool {
        guard let key = UInt64(phone) else { return false }
        return phones.insert(key).inserted
    }

    mutating func claimPerson(name: String, birth: CivilDate) -> Bool {
        people.insert(stableHash(name + "|" + birth.compact)).inserted
    }

    func personTaken(name: String, birth: CivilDate) -> Bool {
        people.contains(stableHash(name + "|" + birth.compact))
    }

    mutating func claimExcelForm(_ text: String) -> Bool { excelForms.insert(text).inserted }
}
