import Foundation
import GRDB

/// The round store in one SQLite file (`zizhu-server.sqlite` in the server's data folder): versioned
/// migrations, WAL, one writer at a time. Migration v1 is the one-school server's schema, so a data folder of an
/// earlier zizhu is brought up to date in place.
public final class SQLiteRoundStore: RoundStore {
    public let location: String
    private let pool: DatabasePool

    public init(path: String) throws(ArchiveError) {
        location = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw ArchiveError(error, path: path)
        }
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
        // v2: the district — schools, accounts, the review's states, the accepted rows, the audit log.
        migrator.registerMigration("v2") { db in
            try db.create(table: "school") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
            }
            try db.create(table: "account") { t in
                t.primaryKey("id", .text)
                t.column("login", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("schoolCode", .text).references("school")
                t.column("passwordHash", .text).notNull()
                t.column("disabled", .boolean).notNull().defaults(to: false)
            }
            try db.alter(table: "round") { t in
                for text in ["schoolCode", "program", "term", "reason", "changedAt", "changedBy"] {
                    t.add(column: text, .text).notNull().defaults(to: "")
                }
                t.add(column: "year", .integer).notNull().defaults(to: 0)
                t.add(column: "overAge", .integer).notNull().defaults(to: 0)
                t.add(column: "state", .text).notNull().defaults(to: RoundState.draft.rawValue)
                t.add(column: "version", .integer).notNull().defaults(to: 1)
                t.add(column: "archiveBatch", .integer)
            }
            try db.create(index: "round_school", on: "round", columns: ["schoolCode", "createdAt"])
            try db.create(table: "roundRow") { t in
                t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
                t.column("position", .integer).notNull()
                for text in ["className", "idNumber", "name", "card", "sourceFile"] { t.column(text, .text).notNull() }
                t.column("amountFen", .integer).notNull()
                t.column("sourceLine", .integer).notNull()
                t.primaryKey(["roundID", "position"])
            }
            try db.create(index: "roundRow_idNumber", on: "roundRow", columns: ["idNumber"])
            try db.create(index: "roundRow_card", on: "roundRow", columns: ["card"])
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                for text in ["at", "login", "role", "action", "roundID", "schoolCode", "detail"] {
                    t.column(text, .text).notNull()
                }
            }
        }
        // v3: what the district's page and 汇总表 count per round — the enrolment's size, when it was submitted,
        // and its findings per code.
        migrator.registerMigration("v3") { db in
            try db.alter(table: "round") { t in
                t.add(column: "enrolled", .integer)
                t.add(column: "submittedAt", .text).notNull().defaults(to: "")
            }
            try db.create(table: "roundFinding") { t in
                t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
                t.column("code", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("count", .integer).notNull()
                t.primaryKey(["roundID", "code"])
            }
        }
        return migrator
    }

    public func schemaVersion() throws(ArchiveError) -> Int {
        try read { db in try Self.migrator.appliedIdentifiers(db).count }
    }

    // MARK: Schools and people

    public func add(_ school: School) throws(ArchiveError) {
        try write { db in
            guard try SchoolRecord.fetchOne(db, key: school.code) == nil else {
                throw ArchiveError(.conflict(message: RoundStoreMessages.schoolTaken(school.code)))
            }
            try SchoolRecord(school).insert(db)
        }
    }

    public func schools() throws(ArchiveError) -> [School] {
        try read { db in try SchoolRecord.order(Column("code")).fetchAll(db).map(\.school) }
    }

    public func add(_ account: Account) throws(ArchiveError) {
        try write { db in
            guard try AccountRecord.filter(Column("login") == account.login).fetchCount(db) == 0 else {
                throw ArchiveError(.conflict(message: RoundStoreMessages.loginTaken(account.login)))
            }
            if let code = account.schoolCode, try SchoolRecord.fetchOne(db, key: code) == nil {
                throw ArchiveError(.conflict(message: RoundStoreMessages.noSuchSchool(code)))
            }
            try AccountRecord(account).insert(db)
        }
    }

    public func accounts() throws(ArchiveError) -> [Account] {
        try read { db in try AccountRecord.order(Column("login")).fetchAll(db).map(\.account) }
    }

    public func hasAccounts() throws(ArchiveError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") ?? false }
    }

    public func account(login: String) throws(ArchiveError) -> Account? {
        try read { db in try AccountRecord.filter(Column("login") == login).fetchOne(db)?.account }
    }

    public func account(id: String) throws(ArchiveError) -> Account? {
        try read { db in try AccountRecord.fetchOne(db, key: id)?.account }
    }

    public func setPasswordHash(_ hash: String, account id: String) throws(ArchiveError) {
        try write { db in try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, id]) }
    }

    public func setDisabled(_ disabled: Bool, account id: String) throws(ArchiveError) {
        try write { db in try db.execute(sql: "UPDATE account SET disabled = ? WHERE id = ?", arguments: [disabled, id]) }
    }

    // MARK: Rounds

    public func insert(_ round: StoredRound, inputs: [StoredInput], documents: [StoredDocument], rows: [SubmittedRow],
                       findings: [FindingCount]) throws(ArchiveError) {
        try write { db in
            try RoundRecord(round).insert(db)
            for input in inputs { try InputRecord(input).insert(db) }
            for document in documents { try DocumentRecord(document).insert(db) }
            for count in findings where count.roundID == round.id { try FindingCountRecord(count).insert(db) }
            let statement = try db.makeStatement(sql: """
                INSERT INTO roundRow (roundID, position, className, idNumber, name, card, sourceFile, amountFen, sourceLine)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows {
                try statement.execute(arguments: [round.id, row.position, row.className, row.idNumber, row.name,
                                                  row.card, row.sourceFile, row.amountFen, row.sourceLine])
            }
        }
    }

    public func round(id: String) throws(ArchiveError) -> StoredRound? {
        try read { db in try RoundRecord.fetchOne(db, key: id)?.round }
    }

    public func rounds(school: String?, states: [RoundState]?, limit: Int) throws(ArchiveError) -> [StoredRound] {
        try read { db in
            var request = RoundRecord.order(Column("createdAt").desc, Column("id")).limit(limit)
            if let school { request = request.filter(Column("schoolCode") == school) }
            if let states { request = request.filter(states.map(\.rawValue).contains(Column("state"))) }
            return try request.fetchAll(db).map(\.round)
        }
    }

    public func inputs(of id: String) throws(ArchiveError) -> [StoredInput] {
        try read { db in
            try InputRecord.filter(Column("roundID") == id).order(Column("position")).fetchAll(db).map(\.input)
        }
    }

    public func documents(of id: String) throws(ArchiveError) -> [StoredDocument] {
        try read { db in
            try DocumentRecord.filter(Column("roundID") == id).order(Column("position")).fetchAll(db).map(\.document)
        }
    }

    public func rows(of id: String) throws(ArchiveError) -> [SubmittedRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT position, className, idNumber, name, amountFen, card, sourceFile, sourceLine
                FROM roundRow WHERE roundID = ? ORDER BY position
                """, arguments: [id]).map { row in
                SubmittedRow(position: row[0], className: row[1], idNumber: row[2], name: row[3], amountFen: row[4],
                             card: row[5], sourceFile: row[6], sourceLine: row[7])
            }
        }
    }

    public func findingCounts(of ids: [String]) throws(ArchiveError) -> [FindingCount] {
        try read { db in
            var counts: [FindingCount] = []
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(start + Self.lookupChunk, ids.count)])
                counts += try FindingCountRecord.filter(chunk.contains(Column("roundID")))
                    .order(Column("roundID"), Column("code")).fetchAll(db).map(\.count)
                start += chunk.count
            }
            return counts
        }
    }

    public func change(_ id: String, from: [RoundState], to change: StateChange, audit: AuditEntry)
        throws(ArchiveError) -> StoredRound? {
        try write { db in
            let states = from.map { "'\($0.rawValue)'" }.joined(separator: ",")
            var sql = """
                UPDATE round SET state = ?, reason = ?, changedAt = ?, changedBy = ?, version = version + 1,
                                 archiveBatch = coalesce(?, archiveBatch),
                                 submittedAt = CASE WHEN ? THEN ? ELSE submittedAt END
                WHERE id = ? AND state IN (\(states))
                """
            var arguments: StatementArguments = [change.state.rawValue, change.reason, change.at, change.by,
                                                 change.archiveBatch, change.state == .submitted, change.at, id]
            if let version = change.expectedVersion {
                sql += " AND version = ?"
                arguments += [version]
            }
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount == 1 else { return nil }
            try AuditRecord(audit).insert(db)
            return try RoundRecord.fetchOne(db, key: id)?.round
        }
    }

    // MARK: The cross-school checks

    /// Keys per statement, far below SQLite's limit on parameters.
    private static let lookupChunk = 500

    public func standingRows(sharingIDs ids: [String], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow] {
        try standing(ids, join: "roundRow x ON x.idNumber = k.key", term: term, year: year, school: school) { chunk in
            chunk.map { DatabaseValue(value: $0) ?? .null }
        }
    }

    public func standingRows(sharingCards holders: [CardHolder], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow] {
        try standing(holders, join: "roundRow x ON x.card = k.key AND x.idNumber <> k.other", term: term, year: year,
                     school: school, columns: 2) { chunk in
            chunk.flatMap { [$0.card.databaseValue, $0.idNumber.databaseValue] }
        }
    }

    /// Looks keys up in chunks, in one read transaction: the rows of standing rounds of other schools that match.
    private func standing<Key>(_ keys: [Key], join: String, term: String, year: Int, school: String, columns: Int = 1,
                               values: (ArraySlice<Key>) -> [DatabaseValue]) throws(ArchiveError) -> [OtherSchoolRow] {
        guard !keys.isEmpty else { return [] }
        let standing = RoundState.standing.map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try read { db in
            var found: [OtherSchoolRow] = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let chunk = keys[start..<min(start + Self.lookupChunk, keys.endIndex)]
                let tuple = columns == 1 ? "(?)" : "(?, ?)"
                let names = columns == 1 ? "key" : "key, other"
                let sql = """
                    WITH k(\(names)) AS (VALUES \(Array(repeating: tuple, count: chunk.count).joined(separator: ",")))
                    SELECT r.schoolCode, coalesce(s.name, r.schoolCode), r.id, r.state, x.idNumber, x.card
                    FROM k JOIN \(join) JOIN round r ON r.id = x.roundID LEFT JOIN school s ON s.code = r.schoolCode
                    WHERE r.term = ? AND r.year = ? AND r.schoolCode <> ? AND r.state IN (\(standing))
                    """
                let arguments = StatementArguments(values(chunk) + [term.databaseValue, year.databaseValue,
                                                                    school.databaseValue])
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    found.append(OtherSchoolRow(schoolCode: row[0], schoolName: row[1], roundID: row[2],
                                                state: RoundState(rawValue: row[3]) ?? .submitted, idNumber: row[4],
                                                card: row[5]))
                }
                start = chunk.endIndex
            }
            return found
        }
    }

    // MARK: The audit log

    public func log(_ entry: AuditEntry) throws(ArchiveError) {
        try write { db in try AuditRecord(entry).insert(db) }
    }

    public func audit(limit: Int) throws(ArchiveError) -> [AuditEntry] {
        try read { db in
            try AuditRecord.order(Column("id").desc).limit(limit).fetchAll(db).map(\.entry)
        }
    }

    // MARK: Access

    private func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw ArchiveError(error, path: location)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ArchiveError(error, path: location)
        }
    }
}

// The tables' rows: the public records with GRDB's conformances, column names as the properties'.

private struct SchoolRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "school"
    var code: String
    var name: String
    init(_ school: School) { code = school.code; name = school.name }
    var school: School { School(code: code, name: name) }
}

private struct AccountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"
    var id, login, name, role: String
    var schoolCode: String?
    var passwordHash: String
    var disabled: Bool
    init(_ account: Account) {
        id = account.id; login = account.login; name = account.name; role = account.role.rawValue
        schoolCode = account.schoolCode; passwordHash = account.passwordHash; disabled = account.disabled
    }
    var account: Account {
        Account(id: id, login: login, name: name, role: Role(rawValue: role) ?? .clerk, schoolCode: schoolCode,
                passwordHash: passwordHash, disabled: disabled)
    }
}

private struct RoundRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "round"
    var round: StoredRound
    init(_ round: StoredRound) { self.round = round }
    init(from decoder: any Decoder) throws { round = try StoredRound(from: decoder) }
    func encode(to encoder: any Encoder) throws { try round.encode(to: encoder) }
}

private struct InputRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundInput"
    var input: StoredInput
    init(_ input: StoredInput) { self.input = input }
    init(from decoder: any Decoder) throws { input = try StoredInput(from: decoder) }
    func encode(to encoder: any Encoder) throws { try input.encode(to: encoder) }
}

private struct DocumentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundDocument"
    var document: StoredDocument
    init(_ document: StoredDocument) { self.document = document }
    init(from decoder: any Decoder) throws { document = try StoredDocument(from: decoder) }
    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}

private struct FindingCountRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundFinding"
    var count: FindingCount
    init(_ count: FindingCount) { self.count = count }
    init(from decoder: any Decoder) throws { count = try FindingCount(from: decoder) }
    func encode(to encoder: any Encoder) throws { try count.encode(to: encoder) }
}

private struct AuditRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit"
    var entry: AuditEntry
    init(_ entry: AuditEntry) { self.entry = entry }
    init(from decoder: any Decoder) throws { entry = try AuditEntry(from: decoder) }
    func encode(to encoder: any Encoder) throws { try entry.encode(to: encoder) }
}

/// The store's messages, shared by both engines.
enum RoundStoreMessages {
    static func schoolTaken(_ code: String) -> String { "学校代码 \(code) 已经登记过" }
    static func loginTaken(_ login: String) -> String { "登录名 \(login) 已被使用" }
    static func noSuchSchool(_ code: String) -> String { "没有登记代码为 \(code) 的学校：请先添加学校" }
}
