/// The validation pipeline: every rule over every row, the policy's severities, the accept/return
/// decision and the counts. Two passes over the rows run at once (`start`): one runs the row rules, the other
/// fills the hash maps of the cross-row rules (`RoundIndex`); the cross-row rules then read the maps, not the rows.
public struct Validator: Sendable {
    public let policy: Policy
    public let additionalChecks: [any RoundCheck]
    let bins: BankBINTable

    public init(policy: Policy, additionalChecks: [any RoundCheck] = []) {
        self.init(policy: policy, additionalChecks: additionalChecks, bins: .shared)
    }

    init(policy: Policy, additionalChecks: [any RoundCheck] = [], bins: BankBINTable) {
        self.policy = policy
        self.additionalChecks = additionalChecks
        self.bins = bins
    }

    /// The rules about one row, in the order their findings are emitted for a row. The pipeline calls them
    /// through `checkRow` (static calls, no existential boxes: this runs a million times); a test keeps the
    /// two lists the same.
    static let rowRules: [any RowRule] = [
        IDFormat(), IDLegacy(), IDChecksum(), IDBirthdate(), IDRegion(), IDGenderMismatch(), NameInvalid(),
        StudentNumberMismatch(), StudentNumberTemporary(), AgeOutOfRange(),
        CardFormat(), CardLuhn(), CardBankMismatch(), CardHolderMismatch(),
        CategoryUnknown(), LevelUnknown(), DocumentMissing(),
        AmountInvalid(), AmountNotStandard(), AmountLevelMismatch(),
    ]

    @inline(__always)
    static func checkRow(_ row: borrowing RowContext, into findings: inout [Finding]) {
        IDFormat().check(row, into: &findings)
        IDLegacy().check(row, into: &findings)
        IDChecksum().check(row, into: &findings)
        IDBirthdate().check(row, into: &findings)
        IDRegion().check(row, into: &findings)
        IDGenderMismatch().check(row, into: &findings)
        NameInvalid().check(row, into: &findings)
        StudentNumberMismatch().check(row, into: &findings)
        StudentNumberTemporary().check(row, into: &findings)
        AgeOutOfRange().check(row, into: &findings)
        CardFormat().check(row, into: &findings)
        CardLuhn().check(row, into: &findings)
        CardBankMismatch().check(row, into: &findings)
        CardHolderMismatch().check(row, into: &findings)
        CategoryUnknown().check(row, into: &findings)
        LevelUnknown().check(row, into: &findings)
        DocumentMissing().check(row, into: &findings)
        AmountInvalid().check(row, into: &findings)
        AmountNotStandard().check(row, into: &findings)
        AmountLevelMismatch().check(row, into: &findings)
    }

    /// The rules about many rows.
    static let roundRules: [any RoundRule] = [
        DuplicateIDInFile(), DuplicateIDAcrossFiles(), DuplicatePerson(), CardShared(), PhoneShared(),
        AmountUniform(), QuotaExceeded(), OlderAgeRatio(),
    ]

    /// Runs every rule over the rows (import findings are kept), applies the policy's severities, decides
    /// returned = row has an error finding, counts the Summary (amountIn sums the parseable amounts of all
    /// rows) and sorts findings by file, line, code.
    public func run(inputs: [InputSummary], applicants: [Applicant], importFindings: [Finding]) -> RoundResult {
        start(inputs: inputs, applicants: applicants, importFindings: importFindings).finish()
    }

    /// The proofs the cross-checks find on record, when the policy lets a record stand for a proof.
    func proofsOnRecord(_ applicants: [Applicant]) -> ProofsOnRecord {
        var proofs = ProofsOnRecord()
        guard policy.documents.listCountsAsProof else { return proofs }
        for case let check as any ProofOnRecordCheck in additionalChecks {
            proofs.formUnion(check.proofsOnRecord(for: applicants, policy: policy))
        }
        return proofs
    }

    /// Returned = the row has an error finding; the counts, and the money of each side (`amounts` in fen
    /// per row; rows without a valid amount, `Int64.min`, count 0), so `amountIn == amountAccepted + amountReturned`.
    static func decide(_ findings: [Finding], amounts: [Int64]) -> (isReturned: [Bool], summary: Summary) {
        var isReturned = [Bool](repeating: false, count: amounts.count)
        var summary = Summary()
        for finding in findings {
            switch finding.severity {
            case .error:
                summary.errors += 1
                if let row = finding.row, row >= 0, row < isReturned.count { isReturned[row] = true }
            case .warning: summary.warnings += 1
            case .info: break
            }
        }
        summary.rows = amounts.count
        for (row, returned) in isReturned.enumerated() {
            let amount = Money(fen: amounts[row] == .min ? 0 : amounts[row])
            summary.amountIn += amount
            if returned {
                summary.returned += 1
                summary.amountReturned += amount
            } else {
                summary.accepted += 1
                summary.amountAccepted += amount
            }
        }
        return (isReturned, summary)
    }

    /// Findings ordered by file, line (file-level first) and code; ties keep their emission order.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let order = findings.indices.sorted { a, b in
            let x = findings[a], y = findings[b]
            if x.location.file != y.location.file { return x.location.file < y.location.file }
            let lx = x.location.line ?? 0, ly = y.location.line ?? 0
            if lx != ly { return lx < ly }
            if x.code != y.code { return x.code.rawValue < y.code.rawValue }
            return a < b
        }
        return order.map { findings[$0] }
    }

    /// For each row, a bit per field the import reported an error (or a mangled value) about, so the rules
    /// do not pile their findings on a value the import already rejected.
    static func importFlags(_ findings: [Finding], rows: Int) -> [Int: UInt64] {
        var flags: [Int: UInt64] = [:]
        guard !findings.isEmpty else { return flags }
        var fields: [String: Field] = [:]
        for field in Field.allCases { fields[field.header] = field }
        for finding in findings {
            guard let row = finding.row, let name = finding.field, let field = fields[name],
                  finding.severity == .error || finding.code == .valueExcelMangled
            else { continue }
            flags[row, default: 0] |= 1 << UInt64(field.rawValue)
        }
        return flags
    }
}
