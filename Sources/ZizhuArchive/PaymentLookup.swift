import GRDB
import ZizhuCore

/// What the archive's checks need from a store of payments. `AidArchive` (SQLite) is one; a district-level
/// archive on a database server would be another, and `ArchiveCheck` would not change.
public protocol PaymentLookup: Sendable {
    /// Every payment to these students (ID numbers in `ArchiveKey.idNumber` form), in any order.
    func payments(toIDNumbers ids: [String]) throws(ArchiveError) -> [PaymentRecord]
    /// Every payment into these cards (`ArchiveKey.card` form), in any order.
    func payments(intoCards cards: [String]) throws(ArchiveError) -> [PaymentRecord]
}

extension AidArchive: PaymentLookup {
    /// Keys per `IN (…)` query: each key is one index lookup, so the cost grows with the submission, not
    /// with the archive, and a statement stays far below SQLite's limit on parameters.
    static let lookupChunk = 500

    public func payments(toIDNumbers ids: [String]) throws(ArchiveError) -> [PaymentRecord] {
        try payments(matching: ids, column: "p.id_number")
    }

    public func payments(intoCards cards: [String]) throws(ArchiveError) -> [PaymentRecord] {
        try payments(matching: cards, column: "p.card")
    }

    private func payments(matching keys: [String], column: String) throws(ArchiveError) -> [PaymentRecord] {
        guard !keys.isEmpty else { return [] }
        // One read transaction: every chunk sees the same snapshot even while another process records.
        return try read { db in
            var records: [PaymentRecord] = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(start + AidArchive.lookupChunk, keys.endIndex)
                let chunk = keys[start..<end]
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                // Full chunks share one SQL text, so the cached statement is prepared once.
                let statement = try db.cachedStatement(sql: ArchiveFile.paymentQuery(where: "\(column) IN (\(placeholders))"))
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(Array(chunk)))
                while let row = try rows.next() { records.append(ArchiveFile.payment(row)) }
                start = end
            }
            return records
        }
    }
}
