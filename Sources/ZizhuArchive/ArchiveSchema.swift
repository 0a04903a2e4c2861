import GRDB

/// The archive's schema, as versioned migrations. A migration, once released, never changes: a new need
/// is a new migration appended to the list, so that an archive written by an older zizhu opens in a newer
/// one. `Benchmarks/archive_bench.py` checks the columns it writes against an archive these migrations made.
enum ArchiveSchema {
    /// `PRAGMA application_id`: "ZZHU". It tells a zizhu archive from any other SQLite database, which is
    /// refused rather than migrated (and so changed).
    static let applicationID: Int32 = 0x5A5A_4855

    /// The identifiers of the migrations, in order; `PRAGMA user_version` is the position of the last one
    /// applied (1-based), for tools that read the file without GRDB.
    static let migrations = ["v1", "v2"]

    static var currentVersion: Int { migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // v1: batches and their payments, with the indexes the checks look up by.
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);
                CREATE TABLE batch (
                    -- AUTOINCREMENT: a removed batch's id is never handed out again.
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    school TEXT NOT NULL,
                    program TEXT NOT NULL,
                    term TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    recorded_at TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    total_fen INTEGER NOT NULL,
                    input_hash TEXT NOT NULL,
                    output_hash TEXT NOT NULL,
                    label TEXT NOT NULL
                );
                -- One input is recorded once per round: a second `--record` of the same run is refused.
                CREATE UNIQUE INDEX batch_identity ON batch(input_hash, school, program, term, year);
                CREATE TABLE payment (
                    id INTEGER PRIMARY KEY,
                    batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                    school TEXT NOT NULL,
                    program TEXT NOT NULL,
                    term TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    class TEXT NOT NULL,
                    id_number TEXT NOT NULL,
                    name TEXT NOT NULL,
                    amount_fen INTEGER NOT NULL,
                    card TEXT NOT NULL
                );
                -- By student; the check asks for one year and term, which the index answers without reading
                -- the rows of the student's other payments.
                CREATE INDEX payment_id_number ON payment(id_number, year, term);
                -- By card; the check asks for payments to other students, which the index answers alone.
                CREATE INDEX payment_card ON payment(card, id_number);
                CREATE INDEX payment_round ON payment(program, term, year);
                -- Removing a batch deletes its payments through this index, not a table scan.
                CREATE INDEX payment_batch ON payment(batch_id);
                PRAGMA user_version = 1;
                """)
        }

        // v2: where each paid row came from (file and line of its class sheet), so an audit can trace a
        // payment back to the sheet; and whether a batch was a paid round or an imported register.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE payment ADD COLUMN source_file TEXT;
                ALTER TABLE payment ADD COLUMN source_line INTEGER;
                ALTER TABLE batch ADD COLUMN kind TEXT NOT NULL DEFAULT 'round' CHECK (kind IN ('round', 'import'));
                PRAGMA user_version = 2;
                """)
        }
        return migrator
    }
}
