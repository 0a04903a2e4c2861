#if PostgreSQL
import Foundation
import PostgresNIO
import ZizhuCore

/// The archive of paid batches in a PostgreSQL database: the district's, shared by the server that its
/// schools submit to and by the CLI of whoever checks against it (`--archive postgres://…`).
///
/// It behaves as `AidArchive` does — the same batches, records, messages and checks; the tests of both run
/// from one suite — with what a server allows: many writers at once (a recording is one transaction, and two
/// recordings of one input meet at a unique index), lookups batched into arrays so that a submission of any
/// size costs a few statements, and connections that survive a restart of the database server.
public final class PostgresArchive: ArchiveStore, Sendable {
    public let location: String
    let pool: PostgresPool

    /// Keys per lookup statement (one array parameter): the server looks each one up in an index.
    static let lookupChunk = 10_000
    /// Payments per INSERT (one array parameter per column).
    static let insertChunk = 5_000

    /// Connects to the database at `url` and brings its archive schema up to date.
    /// - `create: false`: the database must hold a zizhu archive (`notFound`, `notAnArchive`).
    /// - `create: true`: a database without one gets the schema `zizhu` and its tables.
    public convenience init(url: String, create: Bool) throws(ArchiveError) {
        try self.init(location: PostgresLocation(url: url), create: create, upTo: nil)
    }

    init(location: PostgresLocation, create: Bool, upTo target: Int?) throws(ArchiveError) {
        self.location = location.display
        pool = try PostgresPool(location)
        try pool.withSession { session in
            try PostgresSchema.migrate(session, display: location.display, create: create, upTo: target)
        }
    }

    // MARK: Recording

    public func insert(_ batch: NewBatch) throws(ArchiveError) -> BatchSummary {
        let round = batch.round
        return try pool.transaction { session in
            // Asked first so that a refused batch does not use up an id; the unique index settles a race.
            if let earlier = try PostgresArchive.earlier(batch, in: session) { throw earlier }
            var binds = PostgresBindings()
            for text in [round.school, round.program, round.term] { binds.append(text) }
            binds.append(round.year)
            binds.append(batch.recordedAt)
            binds.append(batch.rows.count)
            binds.append(batch.total.fen)
            for text in [batch.inputHash, batch.outputHash, batch.label, batch.kind.rawValue] { binds.append(text) }
            let inserted = try session.query("""
                INSERT INTO zizhu.batch (school, program, term, year, recorded_at, rows, total_fen, input_hash,
                                         output_hash, label, kind)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (input_hash, school, program, term, year) DO NOTHING
                RETURNING id
                """, binds)
            guard let batchID = try inserted.first?.decode(Int64.self) else {
                throw try PostgresArchive.earlier(batch, in: session)
                    ?? ArchiveError(.io(message: "批次记录冲突，但找不到先前的批次"))
            }
            var start = 0
            while start < batch.rows.count {
                let rows = batch.rows[start..<min(start + PostgresArchive.insertChunk, batch.rows.count)]
                var binds = PostgresBindings()
                binds.append(batchID)
                for text in [round.school, round.program, round.term] { binds.append(text) }
                binds.append(round.year)
                binds.append(rows.map(\.className))
                binds.append(rows.map(\.idNumber))
                binds.append(rows.map(\.name))
                binds.append(rows.map(\.amountFen))
                binds.append(rows.map(\.card))
                binds.append(rows.map(\.sourceFile))
                binds.append(rows.map { Int64($0.sourceLine) })
                try session.query("""
                    INSERT INTO zizhu.payment (batch_id, school, program, term, year, class, id_number, name,
                                               amount_fen, card, source_file, source_line)
                    SELECT $1, $2, $3, $4, $5, u.class, u.id_number, u.name, u.amount_fen, u.card, u.source_file,
                           u.source_line
                    FROM unnest($6::text[], $7::text[], $8::text[], $9::int8[], $10::text[], $11::text[], $12::int8[])
                         AS u(class, id_number, name, amount_fen, card, source_file, source_line)
                    """, binds)
                start += rows.count
            }
            return batch.summary(id: batchID)
        }
    }

    /// `duplicateBatch` naming the batch that recorded this input for this round already, or nil.
    private static func earlier(_ batch: NewBatch, in session: PostgresSession) throws -> ArchiveError? {
        let round = batch.round
        var binds = PostgresBindings()
        for text in [batch.inputHash, round.school, round.program, round.term] { binds.append(text) }
        binds.append(round.year)
        let rows = try session.query("""
            SELECT id, recorded_at FROM zizhu.batch
            WHERE input_hash = $1 AND school = $2 AND program = $3 AND term = $4 AND year = $5
            """, binds)
        guard let (id, recordedAt) = try rows.first?.decode((Int64, String).self) else { return nil }
        return ArchiveError(.duplicateBatch(id: id, recordedAt: recordedAt))
    }

    // MARK: Reading and undoing

    public func batches() throws(ArchiveError) -> [BatchSummary] {
        try pool.withSession { session in
            try session.query("SELECT \(PostgresArchive.batchColumns) FROM zizhu.batch ORDER BY id")
                .map(PostgresArchive.batch)
        }
    }

    public func batch(id: Int64) throws(ArchiveError) -> BatchSummary? {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(id)
            return try session.query("SELECT \(PostgresArchive.batchColumns) FROM zizhu.batch WHERE id = $1", binds)
                .first.map(PostgresArchive.batch)
        }
    }

    public func batches(inputHash: String) throws(ArchiveError) -> [BatchSummary] {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(inputHash)
            return try session.query(
                "SELECT \(PostgresArchive.batchColumns) FROM zizhu.batch WHERE input_hash = $1 ORDER BY id", binds)
                .map(PostgresArchive.batch)
        }
    }

    public func history(idNumber: String) throws(ArchiveError) -> [PaymentRecord] {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(ArchiveKey.idNumber(idNumber))
            return try session.query(PostgresArchive.paymentQuery(where: "p.id_number = $1")
                                     + " ORDER BY p.year, b.recorded_at, p.batch_id, p.id", binds)
                .map(PostgresArchive.payment)
        }
    }

    public func remove(batch id: Int64) throws(ArchiveError) -> BatchSummary {
        try pool.transaction { session in
            var binds = PostgresBindings()
            binds.append(id)
            let removed = try session.query(
                "DELETE FROM zizhu.batch WHERE id = $1 RETURNING \(PostgresArchive.batchColumns)", binds)
            guard let row = removed.first else { throw ArchiveError(.batchNotFound(id: id)) }
            return try PostgresArchive.batch(row)
        }
    }

    public func schemaVersion() throws(ArchiveError) -> Int {
        try pool.withSession { session in
            Int(try session.query("SELECT coalesce(max(version), 0)::int8 FROM zizhu.schema_version")
                .first?.decode(Int64.self) ?? 0)
        }
    }

    // MARK: Rows

    static let batchColumns = """
        id, school, program, term, year::int8, recorded_at, rows::int8, total_fen, input_hash, output_hash, label, kind
        """

    static func batch(_ row: PostgresRow) throws -> BatchSummary {
        let (id, school, program, term, year, recordedAt, rows, total, inputHash, outputHash, label, kind) =
            try row.decode((Int64, String, String, String, Int64, String, Int64, Int64, String, String, String,
                            String).self)
        return BatchSummary(id: id, school: school, program: program, term: term, year: Int(year),
                            recordedAt: recordedAt, rows: Int(rows), total: Money(fen: total), inputHash: inputHash,
                            outputHash: outputHash, label: label, kind: BatchKind(rawValue: kind) ?? .round)
    }

    /// Payments (`p`) joined with their batch (`b`), filtered by `condition`; `source` names the payment
    /// table (with what is joined before it).
    static func paymentQuery(from source: String = "zizhu.payment p", where condition: String) -> String {
        """
        SELECT p.batch_id, b.label, p.school, p.program, p.term, p.year::int8, p.class, p.id_number, p.name,
               p.amount_fen, p.card, b.recorded_at, p.source_file, p.source_line::int8
        FROM \(source) JOIN zizhu.batch b ON b.id = p.batch_id
        WHERE \(condition)
        """
    }

    static func payment(_ row: PostgresRow) throws -> PaymentRecord {
        let (batchID, label, school, program, term, year, className, idNumber, name, amount, card, recordedAt,
             sourceFile, sourceLine) =
            try row.decode((Int64, String, String, String, String, Int64, String, String, String, Int64, String,
                            String, String?, Int64?).self)
        return PaymentRecord(batchID: batchID, batchLabel: label, school: school, program: program, term: term,
                             year: Int(year), className: className, idNumber: idNumber, name: name,
                             amount: Money(fen: amount), card: card, recordedAt: recordedAt, sourceFile: sourceFile,
                             sourceLine: sourceLine.map(Int.init))
    }
}

extension PostgresArchive: PaymentLookup {
    public func payments(toIDNumbers ids: [String], term: String, year: Int) throws(ArchiveError) -> [PaymentRecord] {
        try lookup(ids) { session, chunk in
            var binds = PostgresBindings()
            binds.append(Array(chunk))
            binds.append(term)
            binds.append(year)
            return try session.query(PostgresArchive.paymentQuery(
                where: "p.id_number = ANY($1::text[]) AND p.term = $2 AND p.year = $3"), binds)
        }
    }

    public func payments(intoCardsOf holders: [CardHolder]) throws(ArchiveError) -> [PaymentRecord] {
        try lookup(holders) { session, chunk in
            var binds = PostgresBindings()
            binds.append(chunk.map(\.card))
            binds.append(chunk.map(\.idNumber))
            return try session.query(PostgresArchive.paymentQuery(
                from: """
                    unnest($1::text[], $2::text[]) AS w(card, id_number)
                    JOIN zizhu.payment p ON p.card = w.card AND p.id_number <> w.id_number
                    """,
                where: "true"), binds)
        }
    }

    /// Runs `query` over the keys in chunks, in one read-only transaction with one snapshot.
    ///
    /// The planner is told to look every key up in its index (as `INDEXED BY` tells SQLite): with thousands of
    /// keys it would otherwise estimate a scan of the whole payment table cheaper, and the cost of a check
    /// would grow with the archive instead of with the submission.
    private func lookup<Key>(_ keys: [Key], _ query: (PostgresSession, ArraySlice<Key>) throws -> PostgresQueryResult)
        throws(ArchiveError) -> [PaymentRecord] {
        guard !keys.isEmpty else { return [] }
        return try pool.transaction(.readOnlySnapshot) { session in
            try session.query("SET LOCAL enable_seqscan = off")
            try session.query("SET LOCAL enable_hashjoin = off")
            try session.query("SET LOCAL enable_mergejoin = off")
            var records: [PaymentRecord] = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(start + PostgresArchive.lookupChunk, keys.endIndex)
                for row in try query(session, keys[start..<end]) { records.append(try PostgresArchive.payment(row)) }
                start = end
            }
            return records
        }
    }
}
#endif
