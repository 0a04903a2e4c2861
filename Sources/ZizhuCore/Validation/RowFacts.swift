/// What the pipeline derives once per row and every rule reads: the parsed ID, card, amount, birth date
/// and age. Rows whose ID is malformed still have the rest.
struct RowFacts {
    /// The ID cell parsed; nil when the file has no ID column or the import already flagged the cell
    /// (an Excel-mangled number must not take part in duplicate checks).
    var idParsed: ResidentID.Parsed?
    /// The well-formed ID (a legacy number converted), whatever its checksum.
    var id: ResidentID? { idParsed?.id }
    /// From the ID when its date digits are a real date, else from a 出生日期 column.
    var birthDate: CivilDate?
    /// Full years at the term start.
    var age: Int?
    /// The card when it has the right shape; nil otherwise.
    var card: BankCard?
    /// Why the card cell is not a card; nil when the column is absent, the card is fine or the import flagged it.
    var cardProblem: BankCard.FormatProblem?
    /// The amount cell parsed; nil when the file has no amount column.
    var amount: Result<Money, Money.ParseError>?
    /// Bit `field.rawValue` is set when the import reported an error about that field of this row.
    var importFlags: UInt64 = 0

    func importFlagged(_ field: Field) -> Bool { RowFacts.flagged(field, in: importFlags) }

    static func flagged(_ field: Field, in importFlags: UInt64) -> Bool { importFlags & (1 << UInt64(field.rawValue)) != 0 }

    var money: Money? {
        if case .success(let money) = amount { return money }
        return nil
    }

    /// `parsesCard: false` leaves `card` and `cardProblem` nil, for a pass that reads the card elsewhere.
    init(applicant: Applicant, importFlags: UInt64, termStart: CivilDate?, parsesCard: Bool = true) {
        self.importFlags = importFlags
        if let text = applicant[.idNumber], !importFlagged(.idNumber) {
            idParsed = ResidentID.parse(text)
        }
        birthDate = idParsed?.id?.birthDate
        if birthDate == nil, let text = applicant[.birthDate], !text.isEmpty {
            birthDate = CivilDate(text)
        }
        if let birthDate, let termStart, birthDate <= termStart {
            age = birthDate.age(on: termStart)
        }
        if parsesCard, let parsed = RowFacts.card(of: applicant, importFlags: importFlags) {
            switch parsed {
            case .success(let card): self.card = card
            case .failure(let problem): cardProblem = problem
            }
        }
        if let text = applicant[.amount] {
            amount = importFlagged(.amount) ? .failure(.notANumber) : Money.parse(text)
        }
    }

    /// The card cell parsed; nil when the file has no card column or the import flagged the cell.
    static func card(of applicant: Applicant, importFlags: UInt64) -> Result<BankCard, BankCard.FormatProblem>? {
        guard let text = applicant[.card], !flagged(.card, in: importFlags) else { return nil }
        return BankCard.parse(text)
    }
}
