/// A round check that can confirm a row's 困难类型 from an official record (an assistance list pushed down
/// by another department). When the policy lets such a record stand for the category's proof
/// (`documents.listCountsAsProof`), the `Validator` asks these checks before its row pass, and
/// `document-missing` is not raised for a proof the record stands for.
public protocol ProofOnRecordCheck: RoundCheck {
    /// The claims the records confirm well enough to stand for the proof document. `applicants[i].index`
    /// is the row's position in the round, as in `check`.
    func proofsOnRecord(for applicants: [Applicant], policy: Policy) -> ProofsOnRecord
}

/// Which rows have which category's proof on record: row index → categories (`CategoryProof.category`).
public struct ProofsOnRecord: Sendable, Equatable {
    private var categoriesByRow: [Int: [String]] = [:]

    public init() {}

    public var isEmpty: Bool { categoriesByRow.isEmpty }

    public mutating func add(row: Int, category: String) {
        if categoriesByRow[row]?.contains(category) == true { return }
        categoriesByRow[row, default: []].append(category)
    }

    public mutating func formUnion(_ other: ProofsOnRecord) {
        for (row, categories) in other.categoriesByRow {
            for category in categories { add(row: row, category: category) }
        }
    }

    public func contains(row: Int, category: String) -> Bool {
        categoriesByRow[row]?.contains(category) == true
    }

    /// Every (row, category), rows ascending.
    public var entries: [(row: Int, category: String)] {
        categoriesByRow.keys.sorted().flatMap { row in categoriesByRow[row]!.map { (row, $0) } }
    }
}
