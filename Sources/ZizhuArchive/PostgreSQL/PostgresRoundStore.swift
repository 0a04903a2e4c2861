#if PostgreSQL
import Foundation
import PostgresNIO

/// The round store in the district's PostgreSQL database, beside its archive (schema `zizhu`, migration v2):
/// every school's rounds, the accounts and the audit log, shared by the server's requests and by more than
/// one server process. A change of state is one conditional UPDATE, so of two reviewers acting at once exactly
/// one moves the round.
public final class PostgresRoundStore: RoundStore, Sendable {
    public let location: String
    let pool: PostgresPool

    /// Keys per lookup statement (one array parameter).
    static let lookupChunk = 10_000

    /// Connects to the database at `url`, making or bringing up to date the schema `zizhu`.
    public convenience init(url: String) throws(ArchiveError) {
        try self.init(location: PostgresLocation(url: url))
    }

    init(location: PostgresLocation) throws(ArchiveError) {
        self.location = location.display
        pool = try PostgresPool(location)
        try pool.withSession { session in
            try PostgresSchema.migrate(session, display: location.display, create: true)
        }
    }

    public func schemaVersion() throws(ArchiveError) -> Int {
        try pool.withSession { session in
            Int(try session.query("SELECT coalesce(max(version), 0)::int8 FROM zizhu.schema_version")
                .first?.decode(Int64.self) ?? 0)
        }
    }

    // MARK: Schools and people

    public func add(_ school: School) throws(ArchiveError) {
        try pool.transaction { session in
            let inserted = try session.query("""
                INSERT INTO zizhu.school (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code
                """, Self.binds(school.code, school.name))
            guard inserted.first != nil else {
                throw ArchiveError(.conflict(message: RoundStoreMessages.schoolTaken(school.code)))
            }
        }
    }

    public func schools() throws(ArchiveError) -> [School] {
        try pool.withSession { session in
            try session.query("SELECT code, name FROM zizhu.school ORDER BY code").map { row in
                let (code, name) = try row.decode((String, String).self)
                return School(code: code, name: name)
            }
        }
    }

    public func add(_ account: Account) throws(ArchiveError) {
        try pool.transaction { session in
            if let code = account.schoolCode,
               try session.query("SELECT 1 FROM zizhu.school WHERE code = $1", Self.binds(code)).first == nil {
                throw ArchiveError(.conflict(message: RoundStoreMessages.noSuchSchool(code)))
            }
            var binds = Self.binds(account.id, account.login, account.name, account.role.rawValue)
            binds.append(account.schoolCode)
            binds.append(account.passwordHash)
            binds.append(account.disabled)
            let inserted = try session.query("""
                INSERT INTO zizhu.account (id, login, name, role, school_code, password_hash, disabled)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (login) DO NOTHING RETURNING id
                """, binds)
            guard inserted.first != nil else {
                throw ArchiveError(.conflict(message: RoundStoreMessages.loginTaken(account.login)))
            }
        }
    }

    public func accounts() throws(ArchiveError) -> [Account] {
        try accounts(where: "true", Self.binds())
    }

    public func hasAccounts() throws(ArchiveError) -> Bool {
        try pool.withSession { session in
            try session.query("SELECT EXISTS (SELECT 1 FROM zizhu.account)").first?.decode(Bool.self) ?? false
        }
    }

    public func account(login: String) throws(ArchiveError) -> Account? {
        try accounts(where: "login = $1", Self.binds(login)).first
    }

    public func account(id: String) throws(ArchiveError) -> Account? {
        try accounts(where: "id = $1", Self.binds(id)).first
    }

    private func accounts(where condition: String, _ binds: PostgresBindings) throws(ArchiveError) -> [Account] {
        try pool.withSession { session in
            try session.query("""
                SELECT id, login, name, role, school_code, password_hash, disabled FROM zizhu.account
                WHERE \(condition) ORDER BY login
                """, binds).map { row in
                let (id, login, name, role, school, hash, disabled) =
                    try row.decode((String, String, String, String, String?, String, Bool).self)
                return Account(id: id, login: login, name: name, role: Role(rawValue: role) ?? .clerk,
                               schoolCode: school, passwordHash: hash, disabled: disabled)
            }
        }
    }

    public func setPasswordHash(_ hash: String, account id: String) throws(ArchiveError) {
        try pool.withSession { session in
            try session.query("UPDATE zizhu.account SET password_hash = $1 WHERE id = $2", Self.binds(hash, id))
        }
    }

    public func setDisabled(_ disabled: Bool, account id: String) throws(ArchiveError) {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(disabled)
            binds.append(id)
            try session.query("UPDATE zizhu.account SET disabled = $1 WHERE id = $2", binds)
        }
    }

    // MARK: Rounds

    public func insert(_ round: StoredRound, inputs: [StoredInput], documents: [StoredDocument], rows: [SubmittedRow],
                       findings: [FindingCount]) throws(ArchiveError) {
        try pool.transaction { session in
            var binds = Self.binds(round.id, round.createdAt, round.label, round.policyName)
            for count in [round.rows, round.accepted, round.returned, round.errors, round.warnings] { binds.append(count) }
            for text in [round.amountIn, round.amountAccepted, round.amountReturned, round.schoolCode, round.program,
                         round.term] { binds.append(text) }
            binds.append(round.year)
            binds.append(round.overAge)
            for text in [round.state.rawValue, round.reason, round.changedAt, round.changedBy] { binds.append(text) }
            binds.append(round.version)
            binds.append(round.archiveBatch)
            binds.append(round.enrolled)
            binds.append(round.submittedAt)
            try session.query("""
                INSERT INTO zizhu.round (\(Self.roundColumns))
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                        $21, $22, $23, $24, $25)
                """, binds)
            let counts = findings.filter { $0.roundID == round.id }
            var countBinds = Self.binds(round.id)
            countBinds.append(counts.map(\.code))
            countBinds.append(counts.map(\.severity))
            countBinds.append(counts.map { Int64($0.count) })
            try session.query("""
                INSERT INTO zizhu.round_finding (round_id, code, severity, count)
                SELECT $1, u.code, u.severity, u.count FROM unnest($2::text[], $3::text[], $4::int8[]) AS u(code, severity, count)
                """, countBinds)
            var inputBinds = Self.binds(round.id)
            inputBinds.append(inputs.map { Int64($0.position) })
            inputBinds.append(inputs.map(\.name))
            inputBinds.append(inputs.map(\.sha256))
            inputBinds.append(inputs.map { Int64($0.size) })
            try session.query("""
                INSERT INTO zizhu.round_input (round_id, position, name, sha256, size)
                SELECT $1, u.position, u.name, u.sha256, u.size
                FROM unnest($2::int8[], $3::text[], $4::text[], $5::int8[]) AS u(position, name, sha256, size)
                """, inputBinds)
            var documentBinds = Self.binds(round.id)
            documentBinds.append(documents.map { Int64($0.position) })
            documentBinds.append(documents.map(\.kind))
            documentBinds.append(documents.map(\.fileName))
            documentBinds.append(documents.map(\.sha256))
            // Arrays cannot hold NULL through postgres-nio's encoding: -1 stands for a document without a row count.
            documentBinds.append(documents.map { Int64($0.rows ?? -1) })
            try session.query("""
                INSERT INTO zizhu.round_document (round_id, position, kind, file_name, sha256, rows)
                SELECT $1, u.position, u.kind, u.file_name, u.sha256, nullif(u.rows, -1)
                FROM unnest($2::int8[], $3::text[], $4::text[], $5::text[], $6::int8[])
                     AS u(position, kind, file_name, sha256, rows)
                """, documentBinds)
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + PostgresArchive.insertChunk, rows.count)]
                var rowBinds = Self.binds(round.id)
                rowBinds.append(chunk.map { Int64($0.position) })
                rowBinds.append(chunk.map(\.className))
                rowBinds.append(chunk.map(\.idNumber))
                rowBinds.append(chunk.map(\.name))
                rowBinds.append(chunk.map(\.amountFen))
                rowBinds.append(chunk.map(\.card))
                rowBinds.append(chunk.map(\.sourceFile))
                rowBinds.append(chunk.map { Int64($0.sourceLine) })
                try session.query("""
                    INSERT INTO zizhu.round_row (round_id, position, class, id_number, name, amount_fen, card,
                                                 source_file, source_line)
                    SELECT $1, u.position, u.class, u.id_number, u.name, u.amount_fen, u.card, u.source_file,
                           u.source_line
                    FROM unnest($2::int8[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[], $8::text[],
                                $9::int8[]) AS u(position, class, id_number, name, amount_fen, card, source_file,
                                                 source_line)
                    """, rowBinds)
                start += chunk.count
            }
        }
    }

    public func round(id: String) throws(ArchiveError) -> StoredRound? {
        try pool.withSession { session in
            try session.query("SELECT \(Self.roundSelection) FROM zizhu.round WHERE id = $1", Self.binds(id))
                .first.map(Self.round)
        }
    }

    public func rounds(school: String?, states: [RoundState]?, limit: Int) throws(ArchiveError) -> [StoredRound] {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(school)
            binds.append(states.map { $0.map(\.rawValue) })
            binds.append(limit)
            return try session.query("""
                SELECT \(Self.roundSelection) FROM zizhu.round
                WHERE ($1::text IS NULL OR school_code = $1) AND ($2::text[] IS NULL OR state = ANY($2))
                ORDER BY created_at DESC, id LIMIT $3
                """, binds).map(Self.round)
        }
    }

    public func inputs(of id: String) throws(ArchiveError) -> [StoredInput] {
        try pool.withSession { session in
            try session.query("""
                SELECT position::int8, name, sha256, size FROM zizhu.round_input WHERE round_id = $1 ORDER BY position
                """, Self.binds(id)).map { row in
                let (position, name, sha256, size) = try row.decode((Int64, String, String, Int64).self)
                return StoredInput(roundID: id, position: Int(position), name: name, sha256: sha256, size: Int(size))
            }
        }
    }

    public func documents(of id: String) throws(ArchiveError) -> [StoredDocument] {
        try pool.withSession { session in
            try session.query("""
                SELECT position::int8, kind, file_name, sha256, rows::int8 FROM zizhu.round_document
                WHERE round_id = $1 ORDER BY position
                """, Self.binds(id)).map { row in
                let (position, kind, fileName, sha256, rows) = try row.decode((Int64, String, String, String, Int64?).self)
                return StoredDocument(roundID: id, position: Int(position), kind: kind, fileName: fileName,
                                      sha256: sha256, rows: rows.map(Int.init))
            }
        }
    }

    public func rows(of id: String) throws(ArchiveError) -> [SubmittedRow] {
        try pool.withSession { session in
            try session.query("""
                SELECT position::int8, class, id_number, name, amount_fen, card, source_file, source_line::int8
                FROM zizhu.round_row WHERE round_id = $1 ORDER BY position
                """, Self.binds(id)).map { row in
                let (position, className, idNumber, name, amount, card, file, line) =
                    try row.decode((Int64, String, String, String, Int64, String, String, Int64).self)
                return SubmittedRow(position: Int(position), className: className, idNumber: idNumber, name: name,
                                    amountFen: amount, card: card, sourceFile: file, sourceLine: Int(line))
            }
        }
    }

    public func findingCounts(of ids: [String]) throws(ArchiveError) -> [FindingCount] {
        guard !ids.isEmpty else { return [] }
        return try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(ids)
            return try session.query("""
                SELECT round_id, code, severity, count::int8 FROM zizhu.round_finding
                WHERE round_id = ANY($1::text[]) ORDER BY round_id, code
                """, binds).map { row in
                let (round, code, severity, count) = try row.decode((String, String, String, Int64).self)
                return FindingCount(roundID: round, code: code, severity: severity, count: Int(count))
            }
        }
    }

    public func change(_ id: String, from: [RoundState], to change: StateChange, audit: AuditEntry)
        throws(ArchiveError) -> StoredRound? {
        try pool.transaction { session in
            var binds = Self.binds(change.state.rawValue, change.reason, change.at, change.by)
            binds.append(change.archiveBatch)
            binds.append(id)
            binds.append(from.map(\.rawValue))
            binds.append(change.expectedVersion)
            let changed = try session.query("""
                UPDATE zizhu.round SET state = $1, reason = $2, changed_at = $3, changed_by = $4,
                                       version = version + 1, archive_batch = coalesce($5, archive_batch),
                                       submitted_at = CASE WHEN $1 = 'submitted' THEN $3 ELSE submitted_at END
                WHERE id = $6 AND state = ANY($7::text[]) AND ($8::int4 IS NULL OR version = $8)
                RETURNING \(Self.roundSelection)
                """, binds)
            guard let row = changed.first else { return nil }
            try Self.insert(audit, in: session)
            return try Self.round(row)
        }
    }

    // MARK: The cross-school checks

    public func standingRows(sharingIDs ids: [String], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow] {
        try standing(ids, term: term, year: year, school: school) { chunk, binds in
            binds.append(Array(chunk))
            return "unnest($4::text[]) AS k(id_number) JOIN zizhu.round_row x ON x.id_number = k.id_number"
        }
    }

    public func standingRows(sharingCards holders: [CardHolder], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow] {
        try standing(holders, term: term, year: year, school: school) { chunk, binds in
            binds.append(chunk.map(\.card))
            binds.append(chunk.map(\.idNumber))
            return """
                unnest($4::text[], $5::text[]) AS k(card, id_number)
                JOIN zizhu.round_row x ON x.card = k.card AND x.id_number <> k.id_number
                """
        }
    }

    /// Looks keys up in chunks in one snapshot: the rows of other schools' standing rounds of the term that match.
    private func standing<Key>(_ keys: [Key], term: String, year: Int, school: String,
                               source: (ArraySlice<Key>, inout PostgresBindings) -> String)
        throws(ArchiveError) -> [OtherSchoolRow] {
        guard !keys.isEmpty else { return [] }
        return try pool.transaction(.readOnlySnapshot) { session in
            var found: [OtherSchoolRow] = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let end = min(start + Self.lookupChunk, keys.endIndex)
                var binds = Self.binds(term)
                binds.append(year)
                binds.append(school)
                let from = source(keys[start..<end], &binds)
                binds.append(RoundState.standing.map(\.rawValue))
                let place = binds.count
                for row in try session.query("""
                    SELECT r.school_code, coalesce(s.name, r.school_code), r.id, r.state, x.id_number, x.card
                    FROM \(from) JOIN zizhu.round r ON r.id = x.round_id
                         LEFT JOIN zizhu.school s ON s.code = r.school_code
                    WHERE r.term = $1 AND r.year = $2 AND r.school_code <> $3 AND r.state = ANY($\(place)::text[])
                    """, binds) {
                    let (code, name, roundID, state, idNumber, card) =
                        try row.decode((String, String, String, String, String, String).self)
                    found.append(OtherSchoolRow(schoolCode: code, schoolName: name, roundID: roundID,
                                                state: RoundState(rawValue: state) ?? .submitted, idNumber: idNumber,
                                                card: card))
                }
                start = end
            }
            return found
        }
    }

    // MARK: The audit log

    public func log(_ entry: AuditEntry) throws(ArchiveError) {
        try pool.withSession { session in try Self.insert(entry, in: session) }
    }

    public func audit(limit: Int) throws(ArchiveError) -> [AuditEntry] {
        try pool.withSession { session in
            var binds = PostgresBindings()
            binds.append(limit)
            return try session.query("""
                SELECT at, login, role, action, round_id, school_code, detail FROM zizhu.audit ORDER BY id DESC LIMIT $1
                """, binds).map { row in
                let (at, login, role, action, round, school, detail) =
                    try row.decode((String, String, String, String, String, String, String).self)
                return AuditEntry(at: at, login: login, role: role, action: action, roundID: round, schoolCode: school,
                                  detail: detail)
            }
        }
    }

    private static func insert(_ entry: AuditEntry, in session: PostgresSession) throws {
        try session.query("""
            INSERT INTO zizhu.audit (at, login, role, action, round_id, school_code, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, binds(entry.at, entry.login, entry.role, entry.action, entry.roundID, entry.schoolCode, entry.detail))
    }

    // MARK: Rows

    static let roundColumns = """
        id, created_at, label, policy_name, rows, accepted, returned, errors, warnings, amount_in, amount_accepted,
        amount_returned, school_code, program, term, year, over_age, state, reason, changed_at, changed_by, version,
        archive_batch, enrolled, submitted_at
        """

    static let roundSelection = """
        id, created_at, label, policy_name, rows::int8, accepted::int8, returned::int8, errors::int8, warnings::int8,
        amount_in, amount_accepted, amount_returned, school_code, program, term, year::int8, over_age::int8, state,
        reason, changed_at, changed_by, version::int8, archive_batch, enrolled::int8, submitted_at
        """

    static func round(_ row: PostgresRow) throws -> StoredRound {
        let columns = row.makeRandomAccess()
        func text(_ index: Int) throws -> String { try columns[index].decode(String.self) }
        func number(_ index: Int) throws -> Int { Int(try columns[index].decode(Int64.self)) }
        var round = StoredRound(
            id: try text(0), createdAt: try text(1), label: try text(2), policyName: try text(3), rows: try number(4),
            accepted: try number(5), returned: try number(6), errors: try number(7), warnings: try number(8),
            amountIn: try text(9), amountAccepted: try text(10), amountReturned: try text(11),
            schoolCode: try text(12), program: try text(13), term: try text(14), year: try number(15),
            overAge: try number(16), state: RoundState(rawValue: try text(17)) ?? .draft, reason: try text(18),
            changedAt: try text(19), changedBy: try text(20), version: try number(21),
            archiveBatch: try columns[22].decode(Int64?.self))
        round.enrolled = try columns[23].decode(Int64?.self).map(Int.init)
        round.submittedAt = try text(24)
        return round
    }

    static func binds(_ texts: String...) -> PostgresBindings {
        var binds = PostgresBindings()
        for text in texts { binds.append(text) }
        return binds
    }
}
#endif
