import ZizhuCore

/// How a batch came into the archive.
public enum BatchKind: String, Sendable, Codable, CaseIterable {
    /// The accepted rows of a finished round (`zizhu run --record`, `zizhu archive record`).
    case round
    /// An earlier register loaded with `zizhu archive import`.
    case `import`
}

/// One recorded batch: the identity of its round, its counts and the hashes that tie it to the files
/// of the run that produced it.
public struct BatchSummary: Sendable, Codable, Equatable {
    /// Never reused, even after a batch is removed, so that "batch 12" keeps meaning one thing in audits.
    public var id: Int64
    public var school: String
    public var program: String
    public var term: String
    public var year: Int
    /// ISO 8601 with the local offset, `2026-09-30T10:15:00+08:00`.
    public var recordedAt: String
    public var rows: Int
    public var total: Money
    public var inputHash: String
    public var outputHash: String
    public var label: String
    public var kind: BatchKind

    public init(id: Int64, school: String, program: String, term: String, year: Int, recordedAt: String,
                rows: Int, total: Money, inputHash: String, outputHash: String, label: String,
                kind: BatchKind = .round) {
        self.id = id
        self.school = school
        self.program = program
        self.term = term
        self.year = year
        self.recordedAt = recordedAt
        self.rows = rows
        self.total = total
        self.inputHash = inputHash
        self.outputHash = outputHash
        self.label = label
        self.kind = kind
    }

    /// The calendar day of `recordedAt` (`2026-09-30`), as messages show it.
    public var recordedOn: String { String(recordedAt.prefix(10)) }
}

/// One payment to one student, as the archive holds it. `idNumber` and `card` are personal data: mask them
/// on screens (`Masking.mask`).
public struct PaymentRecord: Sendable, Codable, Equatable {
    public var batchID: Int64
    public var batchLabel: String
    public var school: String
    public var program: String
    public var term: String
    public var year: Int
    public var className: String
    /// The normalised ID number (18 characters, upper-case `X`) when the row held a readable one.
    public var idNumber: String
    public var name: String
    public var amount: Money
    /// The card's digits without spaces when the row held a readable card number.
    public var card: String
    /// When the batch was recorded (ISO 8601).
    public var recordedAt: String
    /// The input file and line the paid row came from; nil for payments recorded before schema v2.
    public var sourceFile: String?
    public var sourceLine: Int?

    public init(batchID: Int64, batchLabel: String, school: String, program: String, term: String, year: Int,
                className: String, idNumber: String, name: String, amount: Money, card: String,
                recordedAt: String, sourceFile: String? = nil, sourceLine: Int? = nil) {
        self.batchID = batchID
        self.batchLabel = batchLabel
        self.school = school
        self.program = program
        self.term = term
        self.year = year
        self.className = className
        self.idNumber = idNumber
        self.name = name
        self.amount = amount
        self.card = card
        self.recordedAt = recordedAt
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }

    /// The calendar day of `recordedAt`.
    public var recordedOn: String { String(recordedAt.prefix(10)) }
}

/// What identifies a round: a batch is this round's payments, and the archive's checks compare against it.
public struct RoundIdentity: Sendable, Hashable, Codable {
    public var school: String
    public var program: String
    public var term: String
    public var year: Int

    public init(school: String, program: String, term: String, year: Int) {
        self.school = school.trimmingWhitespace()
        self.program = program.trimmingWhitespace()
        self.term = term.trimmingWhitespace()
        self.year = year
    }

    public init(_ policy: Policy) {
        self.init(school: policy.school, program: policy.program, term: policy.term, year: policy.year)
    }
}

/// The normalised forms under which identifiers are stored and looked up, so that `11010519491231002x`,
/// a 15-digit legacy number and `6228 4800 …` find what was recorded from the clean forms.
public enum ArchiveKey {
    /// The 18-character ID (a legacy 15-digit number converted), or the trimmed, upper-cased text when the
    /// cell is not a well-formed ID.
    public static func idNumber(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        if let id = ResidentID.parse(trimmed).id { return id.text }
        return trimmed.uppercased()
    }

    /// The card's digits, or the text without spaces and hyphens when it is not a well-formed card number.
    public static func card(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        if case .success(let card) = BankCard.parse(trimmed) { return card.digits }
        return String(trimmed.filter { $0 != " " && $0 != "-" })
    }
}
