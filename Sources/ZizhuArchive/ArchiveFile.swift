import Foundation
import GRDB
import ZizhuCore

/// Opening the file: telling an archive from anything else before writing a byte, the connection
/// settings, the migrations, and the mapping between rows and records.
enum ArchiveFile {
    /// What is at the path before we open it for writing.
    enum State {
        case absent
        /// An empty file, or an SQLite database with nothing in it: safe to make an archive of.
        case blank
        case archive
    }

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Looks at the file without changing it: the first bytes, then a read-only SQLite connection for the
    /// application id. A `DatabasePool` would switch a foreign database to WAL mode (rewriting its header)
    /// before we could ask, so it is only opened once the file is known to be ours or blank.
    static func inspect(path: String, busyTimeout: TimeInterval) throws(ArchiveError) -> State {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .absent }
        guard !isFolder.boolValue else { throw ArchiveError(.notAnArchive(path: path)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError(.io(message: "无法读取“\(path)”"))
        }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? nil
        try? handle.close()
        let bytes = head.map(Array.init) ?? []
        // An empty main file may still be an archive whose first transactions sit in its -wal file.
        guard bytes.isEmpty || bytes == sqliteHeader else { throw ArchiveError(.notAnArchive(path: path)) }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let (applicationID, objects) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0)
            }
            if applicationID == ArchiveSchema.applicationID { return .archive }
            if applicationID == 0 && objects == 0 { return .blank }
            throw ArchiveError(.notAnArchive(path: path))
        } catch {
            throw ArchiveError(error, path: path)
        }
    }

    static func createFolder(for path: String) throws(ArchiveError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError(.io(message: "无法创建文件夹“\(folder)”"))
        }
    }

    static func openPool(path: String, busyTimeout: TimeInterval) throws(ArchiveError) -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "zizhu.archive"
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous = NORMAL for WAL, which may lose the last commits on power loss. A
            // recorded batch is the memory of a payment: fsync each commit (FULL) on the one writer.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            return pool
        } catch {
            throw ArchiveError(error, path: path)
        }
    }

    /// Applies the migrations not yet applied (all, or up to `target`). Refuses an archive that a newer
    /// zizhu migrated further than this one knows.
    static func migrate(_ pool: DatabasePool, path: String, upTo target: String?) throws(ArchiveError) {
        let migrator = ArchiveSchema.migrator
        do {
            let (superseded, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw ArchiveError(.newerVersion(path: path)) }
            if complete && target == nil { return }
            do {
                if let target { try migrator.migrate(pool, upTo: target) } else { try migrator.migrate(pool) }
            } catch {
                // Two processes opening an old archive at once both see a migration missing; the second's
                // copy fails (the table or column exists) and rolls back. That is success if the first
                // completed it.
                let completed = try pool.read { db in try migrator.completedMigrations(db) }
                let wanted = target ?? ArchiveSchema.migrations.last
                guard let wanted, completed.contains(wanted) else { throw error }
            }
        } catch {
            throw ArchiveError(error, path: path)
        }
    }

    /// `2026-09-30T10:15:00+08:00`: ISO 8601 in the machine's time zone, the day a clerk would write.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    // MARK: Rows

    static let batchColumns = """
        id, school, program, term, year, recorded_at, rows, total_fen, input_hash, output_hash, label, kind
        """

    static func batch(_ row: Row) -> BatchSummary {
        BatchSummary(id: row[0], school: row[1], program: row[2], term: row[3], year: row[4], recordedAt: row[5],
                     rows: row[6], total: Money(fen: row[7]), inputHash: row[8], outputHash: row[9], label: row[10],
                     kind: BatchKind(rawValue: row[11]) ?? .round)
    }

    /// Payments (`p`) joined with their batch (`b`), filtered by `condition`; `source` names the payment
    /// table (with the tables joined before it).
    static func paymentQuery(from source: String = "payment p", where condition: String) -> String {
        """
        SELECT p.batch_id, b.label, p.school, p.program, p.term, p.year, p.class, p.id_number, p.name,
               p.amount_fen, p.card, b.recorded_at, p.source_file, p.source_line
        FROM \(source) JOIN batch b ON b.id = p.batch_id
        WHERE \(condition)
        """
    }

    static func payment(_ row: Row) -> PaymentRecord {
        PaymentRecord(batchID: row[0], batchLabel: row[1], school: row[2], program: row[3], term: row[4],
                      year: row[5], className: row[6], idNumber: row[7], name: row[8], amount: Money(fen: row[9]),
                      card: row[10], recordedAt: row[11], sourceFile: row[12], sourceLine: row[13])
    }
}
