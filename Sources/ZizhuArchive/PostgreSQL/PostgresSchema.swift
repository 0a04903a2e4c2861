#if PostgreSQL
import Foundation
import PostgresNIO

/// The archive's tables on PostgreSQL, in their own schema `zizhu` (the database may hold other things), as
/// versioned migrations: `zizhu.schema_version` lists those applied. As on SQLite, a migration once released
/// never changes; a new need is a new migration at the end of the list.
enum PostgresSchema {
    /// The migrations in order; each is statements separated by `;` (postgres-nio runs one per query), run in
    /// one transaction with its row in `schema_version`, so a migration is applied wholly or not at all.
    static let migrations: [String] = [
        // v1: the schema of SQLite's v1 and v2 at once: batches, their payments with the file and line each
        // paid row came from, and the indexes the checks look up by.
        """
        CREATE SCHEMA zizhu;
        CREATE TABLE zizhu.schema_version (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE zizhu.batch (
            -- An identity is never handed out again, even after its batch is removed.
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            school text NOT NULL,
            program text NOT NULL,
            term text NOT NULL,
            year integer NOT NULL,
            recorded_at text NOT NULL,
            rows integer NOT NULL,
            total_fen bigint NOT NULL,
            input_hash text NOT NULL,
            output_hash text NOT NULL,
            label text NOT NULL,
            kind text NOT NULL DEFAULT 'round' CHECK (kind IN ('round', 'import'))
        );
        -- One input is recorded once per round; concurrent recordings of it meet here.
        CREATE UNIQUE INDEX batch_identity ON zizhu.batch (input_hash, school, program, term, year);
        CREATE TABLE zizhu.payment (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            batch_id bigint NOT NULL REFERENCES zizhu.batch (id) ON DELETE CASCADE,
            school text NOT NULL,
            program text NOT NULL,
            term text NOT NULL,
            year integer NOT NULL,
            class text NOT NULL,
            id_number text NOT NULL,
            name text NOT NULL,
            amount_fen bigint NOT NULL,
            card text NOT NULL,
            source_file text,
            source_line integer
        );
        CREATE INDEX payment_id_number ON zizhu.payment (id_number, year, term);
        CREATE INDEX payment_card ON zizhu.payment (card, id_number);
        CREATE INDEX payment_round ON zizhu.payment (program, term, year);
        -- Removing a batch deletes its payments through this index, not a table scan.
        CREATE INDEX payment_batch ON zizhu.payment (batch_id)
        """,
        // v2: the district's server (`PostgresRoundStore`) — schools, accounts, rounds with their state in the
        // review, inputs, documents, accepted rows and the audit log — as SQLite's round store v1 and v2.
        """
        CREATE TABLE zizhu.school (
            code text PRIMARY KEY,
            name text NOT NULL
        );
        CREATE TABLE zizhu.account (
            id text PRIMARY KEY,
            login text NOT NULL UNIQUE,
            name text NOT NULL,
            role text NOT NULL CHECK (role IN ('clerk', 'reviewer', 'admin')),
            school_code text REFERENCES zizhu.school (code),
            password_hash text NOT NULL,
            disabled boolean NOT NULL DEFAULT false
        );
        CREATE TABLE zizhu.round (
            id text PRIMARY KEY,
            created_at text NOT NULL,
            label text NOT NULL,
            policy_name text NOT NULL,
            rows integer NOT NULL,
            accepted integer NOT NULL,
            returned integer NOT NULL,
            errors integer NOT NULL,
            warnings integer NOT NULL,
            amount_in text NOT NULL,
            amount_accepted text NOT NULL,
            amount_returned text NOT NULL,
            school_code text NOT NULL,
            program text NOT NULL,
            term text NOT NULL,
            year integer NOT NULL,
            over_age integer NOT NULL,
            state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'paid')),
            reason text NOT NULL,
            changed_at text NOT NULL,
            changed_by text NOT NULL,
            version integer NOT NULL,
            archive_batch bigint
        );
        CREATE INDEX round_school ON zizhu.round (school_code, created_at);
        CREATE INDEX round_term ON zizhu.round (term, year, state);
        CREATE TABLE zizhu.round_input (
            round_id text NOT NULL REFERENCES zizhu.round (id) ON DELETE CASCADE,
            position integer NOT NULL,
            name text NOT NULL,
            sha256 text NOT NULL,
            size bigint NOT NULL,
            PRIMARY KEY (round_id, position)
        );
        CREATE TABLE zizhu.round_document (
            round_id text NOT NULL REFERENCES zizhu.round (id) ON DELETE CASCADE,
            position integer NOT NULL,
            kind text NOT NULL,
            file_name text NOT NULL,
            sha256 text NOT NULL,
            rows integer,
            PRIMARY KEY (round_id, position)
        );
        CREATE TABLE zizhu.round_row (
            round_id text NOT NULL REFERENCES zizhu.round (id) ON DELETE CASCADE,
            position integer NOT NULL,
            class text NOT NULL,
            id_number text NOT NULL,
            name text NOT NULL,
            amount_fen bigint NOT NULL,
            card text NOT NULL,
            source_file text NOT NULL,
            source_line integer NOT NULL,
            PRIMARY KEY (round_id, position)
        );
        CREATE INDEX round_row_id_number ON zizhu.round_row (id_number);
        CREATE INDEX round_row_card ON zizhu.round_row (card);
        CREATE TABLE zizhu.audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at text NOT NULL,
            login text NOT NULL,
            role text NOT NULL,
            action text NOT NULL,
            round_id text NOT NULL,
            school_code text NOT NULL,
            detail text NOT NULL
        )
        """,
        // v3: what the district's page and 汇总表 count per round — the enrolment's size, when it was submitted,
        // and its findings per code (as SQLite's round store v3).
        """
        ALTER TABLE zizhu.round ADD COLUMN enrolled integer;
        ALTER TABLE zizhu.round ADD COLUMN submitted_at text NOT NULL DEFAULT '';
        CREATE TABLE zizhu.round_finding (
            round_id text NOT NULL REFERENCES zizhu.round (id) ON DELETE CASCADE,
            code text NOT NULL,
            severity text NOT NULL,
            count integer NOT NULL,
            PRIMARY KEY (round_id, code)
        )
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// Serialises zizhu processes migrating one database at once (a district's server and a clerk's CLI):
    /// the second waits, then finds the migrations applied. Any 64-bit number unlikely to be another program's.
    static let advisoryLock: Int64 = 0x7A69_7A68_7561_7263

    /// Brings the database's archive up to `target` (default: every migration) in one transaction.
    ///
    /// - No schema `zizhu`: made when `create`, else `notFound`.
    /// - A schema `zizhu` without `schema_version` (not made by zizhu): `notAnArchive`, left as it is.
    /// - Applied further than this zizhu knows: `newerVersion`.
    static func migrate(_ session: PostgresSession, display: String, create: Bool, upTo target: Int? = nil) throws {
        try session.transaction(.readWrite) { session in
            try session.query("SELECT pg_advisory_xact_lock($1)", advisoryLockBinds)
            let state = try session.query("""
                SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'zizhu'),
                       to_regclass('zizhu.schema_version') IS NOT NULL
                """)
            guard let (schemaExists, versioned) = try state.first?.decode((Bool, Bool).self) else { return }
            if schemaExists && !versioned { throw ArchiveError(.notAnArchive(path: display)) }
            if !schemaExists && !create { throw ArchiveError(.notFound(path: display)) }
            var version = 0
            if versioned {
                let rows = try session.query("SELECT coalesce(max(version), 0)::int8 FROM zizhu.schema_version")
                version = Int(try rows.first?.decode(Int64.self) ?? 0)
            }
            if version > currentVersion { throw ArchiveError(.newerVersion(path: display)) }
            let last = min(target ?? currentVersion, currentVersion)
            guard version < last else { return }
            for number in (version + 1)...last {
                for statement in statements(of: migrations[number - 1]) { try session.query(statement) }
                var binds = PostgresBindings()
                binds.append(number)
                try session.query("INSERT INTO zizhu.schema_version (version) VALUES ($1)", binds)
            }
        }
    }

    private static var advisoryLockBinds: PostgresBindings {
        var binds = PostgresBindings()
        binds.append(advisoryLock)
        return binds
    }

    /// The statements of a migration: comment lines dropped (they may hold a `;`), then split at each `;`.
    static func statements(of migration: String) -> [String] {
        let code = migration.split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .joined(separator: "\n")
        return code.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
#endif
