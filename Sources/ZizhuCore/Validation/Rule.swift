/// A rule about one row: it reads the row and what the pipeline derived from it, and emits findings.
/// Rules never throw and never keep state; their messages live in `MessageCatalog+Rules.swift`.
protocol RowRule: Sendable {
    func check(_ row: borrowing RowContext, into findings: inout [Finding])
}

/// A rule about many rows (duplicates, shared cards, class patterns). It reads the `RoundIndex` that the
/// pipeline fills in its one pass over the rows, so that no rule walks the round again.
protocol RoundRule: Sendable {
    func check(_ round: RoundContext, into findings: inout [Finding])
}

/// One row as the row rules see it.
struct RowContext {
    let applicant: Applicant
    let facts: RowFacts
    let environment: RuleEnvironment

    var policy: Policy { environment.policy }

    /// The cell of a field, nil when the file has no such column.
    subscript(field: Field) -> String? { applicant[field] }
}

extension RowContext {
    /// A row with the facts worked out from it.
    init(_ applicant: Applicant, importFlags: UInt64, environment: RuleEnvironment) {
        self.init(applicant: applicant,
                  facts: RowFacts(applicant: applicant, importFlags: importFlags, termStart: environment.termStart),
                  environment: environment)
    }
}

/// The whole round as the round rules see it.
struct RoundContext {
    let applicants: [Applicant]
    let index: RoundIndex
    let environment: RuleEnvironment

    var policy: Policy { environment.policy }

    /// Every row of `rows` but `row`, as locations: the `related` of a cross-row finding.
    func others(of row: Int, in rows: [Int]) -> [SourceLocation] {
        var out: [SourceLocation] = []
        out.reserveCapacity(min(rows.count, RoundContext.relatedLimit))
        for other in rows where other != row {
            if out.count == RoundContext.relatedLimit { break }
            out.append(applicants[other].location)
        }
        return out
    }

    /// Splits a group of rows by an exact value, keeping groups of two or more, each in round order.
    static func split(_ rows: [Int], by value: (Int) -> String) -> [[Int]] {
        var byValue: [String: [Int]] = [:]
        var order: [String] = []
        for row in rows {
            let key = value(row)
            if byValue[key] == nil { order.append(key) }
            byValue[key, default: []].append(row)
        }
        return order.compactMap { key in byValue[key].flatMap { $0.count > 1 ? $0 : nil } }
    }

    /// A finding lists at most this many related rows (a pathological group of thousands would otherwise
    /// cost quadratic memory); the message still gives the full count.
    static let relatedLimit = 1_000
}
