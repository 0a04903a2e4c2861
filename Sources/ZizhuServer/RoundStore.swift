import Foundation
import GRDB
import ZizhuCore

/// A round kept by the server: what the pages list and show without reading its documents.
struct StoredRound: Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "round"

    /// Random and opaque (it says nothing about anyone); the folder name under `rounds/`.
    var id: String
    var createdAt: String
    /// What the clerk called it (optional), or the first sheet's name.
    var label: String
    var policyName: String
    var rows: Int
    var accepted: Int
    var returned: Int
    var errors: Int
    var warnings: Int
    var amountIn: String
    var amountAccepted: String
    var amountReturned: String
}

/// One input of a round, with its hash.
struct StoredInput: Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundInput"
    var roundID: String
    var position: Int
    var name: String
    var sha256: String
    var size: Int
}

/// One document of a round, as it can be downloaded.
struct StoredDocument: Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundDocument"
    var roundID: String
    var position: Int
    /// register, notice, bank, returned, report, manifest, returned-class.
    var kind: String
    /// The file name under the round's `documents/` folder.
    var fileName: String
    var sha256: String
    var rows: Int?
}

/// The server's own database of rounds (`zizhu-server.sqlite` in the data folder): versioned migrations, WAL,
/// one writer at a time.
final class RoundStore: Sendable {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "round") { t in
                t.primaryKey("id", .text)
                t.column("createdAt", .text).notNull()
                t.column("label", .text).notNull()
                t.column("policyName", .text).notNull()
                for count in ["rows", "accepted", "returned", "errors", "warnings"] { t.column(count, .integer).notNull() }
                for amount in ["amountIn", "amountAccepted", "amountReturned"] { t.column(amount, .text).notNull() }
            }
            try db.create(table: "roundInput") { t in
                t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size", .integer).notNull()
                t.primaryKey(["roundID", "position"])
            }
            try db.create(table: "roundDocument") { t in
                t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("rows", .integer)
                t.primaryKey(["roundID", "position"])
            }
        }
        return migrator
    }

    func insert(_ round: StoredRound, inputs: [StoredInput], documents: [StoredDocument]) throws {
        try queue.write { db in
            try round.insert(db)
            for input in inputs { try input.insert(db) }
            for document in documents { try document.insert(db) }
        }
    }

    func round(id: String) throws -> StoredRound? {
        try queue.read { db in try StoredRound.fetchOne(db, key: id) }
    }

    func rounds(limit: Int = 200) throws -> [StoredRound] {
        try queue.read { db in
            try StoredRound.order(Column("createdAt").desc).limit(limit).fetchAll(db)
        }
    }

    func inputs(of id: String) throws -> [StoredInput] {
        try queue.read { db in
            try StoredInput.filter(Column("roundID") == id).order(Column("position")).fetchAll(db)
        }
    }

    func documents(of id: String) throws -> [StoredDocument] {
        try queue.read { db in
            try StoredDocument.filter(Column("roundID") == id).order(Column("position")).fetchAll(db)
        }
    }
}
