import GRDB
import ZizhuCore

/// A card number as one row of a submission gives it, with the student it is meant for.
public struct CardHolder: Hashable, Sendable {
    /// `ArchiveKey.card` form.
    public var card: String
    /// `ArchiveKey.idNumber` form; "" when the row has no usable ID.
    public var idNumber: String

    public init(card: String, idNumber: String) {
        self.card = card
        self.idNumber = idNumber
    }
}

/// What the archive's checks need from a store of payments: only the payments that can make a finding, so
/// that the work follows the submission. Both engines of `ArchiveStore` answer it with batched index lookups.
public protocol PaymentLookup: Sendable {
    /// The payments in `term` of `year` to these students (IDs in `ArchiveKey.idNumber` form), any order.
    func payments(toIDNumbers ids: [String], term: String, year: Int) throws(ArchiveError) -> [PaymentRecord]
    /// For each holder, the payments into its card to any other student ID, in any order.
    func payments(intoCardsOf holders: [CardHolder]) throws(ArchiveError) -> [PaymentRecord]
}

extension AidArchive: PaymentLookup {
    /// Keys per query: each key is one index lookup, so the cost grows with the submission, not with the
    /// archive, and a statement stays far below SQLite's limit on parameters.
    static let lookupChunk = 500

    public func payments(toIDNumbers ids: [String], term: String, year: Int) throws(ArchiveError) -> [PaymentRecord] {
        try chunked(ids) { db, chunk in
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            // INDEXED BY: the plan must stay one lookup per ID whatever statistics SQLite gathers.
            let statement = try db.cachedStatement(sql: ArchiveFile.paymentQuery(
                from: "payment p INDEXED BY payment_id_number",
                where: "p.id_number IN (\(placeholders)) AND p.term = ? AND p.year = ?"))
            return try Row.fetchCursor(statement, arguments: StatementArguments(Array(chunk)) + [term, year])
        }
    }

    public func payments(intoCardsOf holders: [CardHolder]) throws(ArchiveError) -> [PaymentRecord] {
        try chunked(holders) { db, chunk in
            let values = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ",")
            let statement = try db.cachedStatement(sql: """
                WITH wanted(card, id_number) AS (VALUES \(values))
                \(ArchiveFile.paymentQuery(
                    from: "wanted w JOIN payment p INDEXED BY payment_card ON p.card = w.card AND p.id_number <> w.id_number",
                    where: "1"))
                """)
            return try Row.fetchCursor(statement, arguments: StatementArguments(chunk.flatMap { [$0.card, $0.idNumber] }))
        }
    }

    /// Runs `query` over the keys in chunks, in one read transaction, so every chunk sees the same snapshot
    /// even while another process records. Full chunks share one SQL text: the statement is prepared once.
    private func chunked<Key>(_ keys: [Key], _ query: (Database, ArraySlice<Key>) throws -> RowCursor)
        throws(ArchiveError) -> [PaymentRecord] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            var records: [PaymentRecord] = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(start + AidArchive.lookupChunk, keys.endIndex)
                let rows = try query(db, keys[start..<end])
                while let row = try rows.next() { records.append(ArchiveFile.payment(row)) }
                start = end
            }
            return records
        }
    }
}
