import Foundation
import GRDB
import ZizhuCore

/// The archive of paid batches in one SQLite file (WAL mode), the default engine of `ArchiveStore`: it
/// remembers every recorded round, so that a later round can be checked for 重复资助, 双学籍 and cards shared
/// across batches.
///
/// The archive owns a `DatabasePool`; its connections close when the archive and every check made from it
/// (`check()`) are released. Several processes may use one file at once: each write is one IMMEDIATE
/// transaction that waits up to `busyTimeout` for the write lock and otherwise fails with `busy`, and a
/// process killed mid-write leaves the file as it was before that write.
public final class AidArchive: ArchiveStore, Sendable {
    /// The archive file.
    public let path: String
    let pool: DatabasePool

    /// Where the archive lives when `--archive` is not given: `$XDG_DATA_HOME/zizhu/archive.sqlite`, or
    /// `~/.local/share/zizhu/archive.sqlite` when `XDG_DATA_HOME` is unset or not an absolute path (as the
    /// XDG Base Directory specification says). The same on Linux and macOS.
    public static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/zizhu/archive.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/zizhu/archive.sqlite"
    }

    /// Opens the archive at `path`, bringing an older archive's schema up to date.
    ///
    /// - `create: false`: the file must exist and be a zizhu archive (`notFound`, `notAnArchive`).
    /// - `create: true`: an absent file (and its missing folders) or an empty file is made a new archive.
    ///
    /// Any other file (text, another program's SQLite database, a damaged archive) is refused with
    /// `notAnArchive` and not written to: it is inspected through a read-only connection first.
    /// - Parameter busyTimeout: how long a write waits for another process's write to finish.
    public init(path: String, create: Bool, busyTimeout: TimeInterval = 5) throws(ArchiveError) {
        self.path = path
        switch try ArchiveFile.inspect(path: path, busyTimeout: busyTimeout) {
        case .archive:
            break
        case .absent:
            guard create else { throw ArchiveError(.notFound(path: path)) }
            try ArchiveFile.createFolder(for: path)
        case .blank:
            guard create else { throw ArchiveError(.notAnArchive(path: path)) }
        }
        pool = try ArchiveFile.openPool(path: path, busyTimeout: busyTimeout)
        try ArchiveFile.migrate(pool, path: path, upTo: nil)
    }

    /// Opens an archive migrated only up to `migration` (tests: "an archive written by an older zizhu").
    init(path: String, migratedUpTo migration: String) throws(ArchiveError) {
        self.path = path
        try ArchiveFile.createFolder(for: path)
        pool = try ArchiveFile.openPool(path: path, busyTimeout: 5)
        try ArchiveFile.migrate(pool, path: path, upTo: migration)
    }

    public var location: String { path }

    // MARK: Recording

    public func insert(_ batch: NewBatch) throws(ArchiveError) -> BatchSummary {
        let round = batch.round
        return try write { db in
            if let earlier = try Row.fetchOne(db, sql: """
                SELECT id, recorded_at FROM batch
                WHERE input_hash = ? AND school = ? AND program = ? AND term = ? AND year = ?
                """, arguments: [batch.inputHash, round.school, round.program, round.term, round.year]) {
                throw ArchiveError(.duplicateBatch(id: earlier[0], recordedAt: earlier[1]))
            }
            try db.execute(sql: """
                INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash,
                                   output_hash, label, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [round.school, round.program, round.term, round.year, batch.recordedAt,
                                 batch.rows.count, batch.total.fen, batch.inputHash, batch.outputHash, batch.label,
                                 batch.kind.rawValue])
            let batchID = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: """
                INSERT INTO payment (batch_id, school, program, term, year, class, id_number, name, amount_fen,
                                     card, source_file, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in batch.rows {
                try insert.execute(arguments: [batchID, round.school, round.program, round.term, round.year,
                                               row.className, row.idNumber, row.name, row.amountFen, row.card,
                                               row.sourceFile, row.sourceLine])
            }
            return batch.summary(id: batchID)
        }
    }

    // MARK: Reading and undoing

    public func batches() throws(ArchiveError) -> [BatchSummary] {
        try read { db in try Row.fetchAll(db, sql: "SELECT \(ArchiveFile.batchColumns) FROM batch ORDER BY id")
            .map(ArchiveFile.batch) }
    }

    public func batch(id: Int64) throws(ArchiveError) -> BatchSummary? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(ArchiveFile.batchColumns) FROM batch WHERE id = ?", arguments: [id])
                .map(ArchiveFile.batch)
        }
    }

    public func batches(inputHash: String) throws(ArchiveError) -> [BatchSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(ArchiveFile.batchColumns) FROM batch WHERE input_hash = ? ORDER BY id",
                             arguments: [inputHash]).map(ArchiveFile.batch)
        }
    }

    /// The ID is normalised as recorded (a lower-case `x` or a 15-digit number finds the 18-character form).
    public func history(idNumber: String) throws(ArchiveError) -> [PaymentRecord] {
        let key = ArchiveKey.idNumber(idNumber)
        return try read { db in
            try Row.fetchAll(db, sql: ArchiveFile.paymentQuery(where: "p.id_number = ?")
                             + " ORDER BY p.year, b.recorded_at, p.batch_id, p.id", arguments: [key])
                .map(ArchiveFile.payment)
        }
    }

    public func remove(batch id: Int64) throws(ArchiveError) -> BatchSummary {
        try write { db in
            guard let summary = try Row.fetchOne(
                db, sql: "SELECT \(ArchiveFile.batchColumns) FROM batch WHERE id = ?", arguments: [id]
            ).map(ArchiveFile.batch) else {
                throw ArchiveError(.batchNotFound(id: id))
            }
            try db.execute(sql: "DELETE FROM batch WHERE id = ?", arguments: [id])
            return summary
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise the problems it lists.
    /// It reads every page: seconds for millions of payments.
    public func integrityCheck() throws(ArchiveError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// `PRAGMA user_version`: the number of migrations applied.
    public func schemaVersion() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Runs SQL as it is, in one transaction: for tests that write what an older or newer zizhu wrote.
    func execute(sql: String) throws(ArchiveError) {
        try write { db in try db.execute(sql: sql) }
    }

    // MARK: Access

    /// One IMMEDIATE transaction: it takes the write lock at BEGIN, so a concurrent writer waits for the
    /// busy timeout there instead of failing later at its first INSERT.
    func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                guard let value else { throw ArchiveError(.io(message: "事务未返回结果")) }
                return value
            }
        } catch {
            throw ArchiveError(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ArchiveError(error, path: path)
        }
    }
}

/// A row to record, read from an applicant with its identifiers normalised.
struct PaymentRow: Sendable {
    var className: String
    var idNumber: String
    var name: String
    var amountFen: Int64
    var card: String
    var sourceFile: String
    var sourceLine: Int

    init(_ applicant: Applicant) throws(ArchiveError) {
        guard let amount = applicant.amount else {
            throw ArchiveError(.invalidBatch(reason: "\(applicant.layout.file) 第 \(applicant.line) 行没有有效的资助金额"))
        }
        let grade = applicant.value(.grade).trimmingWhitespace()
        let className = applicant.value(.className).trimmingWhitespace()
        // Registers write 年级 and 班级 apart (高一 / (1)班) or together (高一(1)班); keep the full name.
        self.className = grade.isEmpty || className.hasPrefix(grade) ? className : grade + className
        self.idNumber = ArchiveKey.idNumber(applicant.value(.idNumber))
        self.name = applicant.value(.name).trimmingWhitespace()
        self.amountFen = amount.fen
        self.card = ArchiveKey.card(applicant.value(.card))
        self.sourceFile = applicant.layout.file
        self.sourceLine = applicant.line
    }
}

/// A stable fingerprint of imported rows (FNV-1a, 64 bits): it only has to tell one register from another
/// for the duplicate check, not resist forgery.
enum ContentHash {
    static func of(_ rows: [PaymentRow]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for row in rows {
            for field in [row.className, row.idNumber, row.name, String(row.amountFen), row.card] { add(field) }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
