/// One input file as read: what the report's `inputs` lists.
public struct InputSummary: Sendable, Codable, Equatable {
    /// The file as shown to the clerk.
    public var file: String
    /// The encoding used (`UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030`, `XLSX`).
    public var encoding: String
    /// The 1-based line of the header, nil when none was found.
    public var headerLine: Int?
    /// Data rows read (every one is accepted or returned).
    public var rows: Int

    public init(file: String, encoding: String, headerLine: Int?, rows: Int) {
        self.file = file
        self.encoding = encoding
        self.headerLine = headerLine
        self.rows = rows
    }
}

/// The counts of a round. `amountIn == amountAccepted + amountReturned` always.
public struct Summary: Sendable, Equatable {
    public var rows = 0
    public var accepted = 0
    public var returned = 0
    public var errors = 0
    public var warnings = 0
    public var amountIn = Money.zero
    public var amountAccepted = Money.zero
    public var amountReturned = Money.zero

    public init() {}
}

/// Everything a round decided: every row, every finding, and which rows go back to the class teacher.
public struct RoundResult: Sendable {
    public let policy: Policy
    public let inputs: [InputSummary]
    /// Every data row of every input, in input order; `applicants[i].index == i`.
    public let applicants: [Applicant]
    /// All findings, ordered by file, line and code.
    public let findings: [Finding]
    /// `isReturned[i]` is true when row i has an error finding.
    public let isReturned: [Bool]
    public let summary: Summary
    /// The per-class counts of the enrolment and assistance-list checks, when the round had any (set by
    /// the caller that loaded the references: `CrossCheckSummary(result:roster:lists:)`).
    public var crossCheck: CrossCheckSummary?
    private let findingsByRow: [Int: [Int]]

    public init(policy: Policy, inputs: [InputSummary], applicants: [Applicant], findings: [Finding],
                isReturned: [Bool], summary: Summary) {
        self.policy = policy
        self.inputs = inputs
        self.applicants = applicants
        self.findings = findings
        self.isReturned = isReturned
        self.summary = summary
        var byRow: [Int: [Int]] = [:]
        for (position, finding) in findings.enumerated() {
            if let row = finding.row { byRow[row, default: []].append(position) }
        }
        self.findingsByRow = byRow
    }

    public var accepted: [Applicant] { applicants.filter { !isReturned[$0.index] } }
    public var returned: [Applicant] { applicants.filter { isReturned[$0.index] } }

    /// The findings about one row, in order.
    public func findings(forRow row: Int) -> [Finding] {
        (findingsByRow[row] ?? []).map { findings[$0] }
    }
}
