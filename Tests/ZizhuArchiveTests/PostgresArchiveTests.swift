#if PostgreSQL
import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// What only the PostgreSQL engine has: a URL, a schema in a shared database, many writers, and a server that
/// can go away and come back. The behaviour both engines share is tested in `ArchiveStoreTests` and
/// `ArchiveCheckTests`.
@Suite(.enabled(if: PostgresTestServer.enabled, "needs the PostgreSQL server that make test starts"))
struct PostgresArchiveTests {
    let folder = TemporaryFolder()

    // MARK: The URL

    @Test func aURLIsReadAsLibpqReadsItAndShownWithoutItsPassword() throws {
        let tcp = try PostgresLocation(url: "postgres://district:s3cret@db.example:6543/zizhu?sslmode=require&pool=8",
                                       environment: [:])
        #expect(tcp.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(tcp.user == "district" && tcp.password == "s3cret" && tcp.database == "zizhu")
        #expect(tcp.tls == .require && tcp.poolSize == 8)
        #expect(tcp.display == "postgres://district@db.example:6543/zizhu?sslmode=require&pool=8")

        let socket = try PostgresLocation(url: "postgresql://zizhu@%2Fvar%2Frun%2Fpostgresql/archive", environment: [:])
        #expect(socket.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(socket.database == "archive" && socket.tls == .prefer && socket.poolSize == 4)
        let query = try PostgresLocation(url: "postgres://zizhu@/archive?host=/tmp/pg&port=5433", environment: [:])
        #expect(query.endpoint == .socket(path: "/tmp/pg/.s.PGSQL.5433"))

        // The password may come from the environment, as for psql; the database defaults to the user's name.
        let bare = try PostgresLocation(url: "postgres://clerk@localhost", environment: ["PGPASSWORD": "pw"])
        #expect(bare.password == "pw" && bare.database == "clerk" && bare.endpoint == .tcp(host: "localhost", port: 5432))
    }

    @Test func aBadURLSaysWhatIsWrongWithoutThePassword() {
        let mode = #expect(throws: ArchiveError.self) {
            try PostgresLocation(url: "postgres://u:hunter22@h/db?sslmode=always", environment: [:])
        }
        #expect(mode?.description.contains("sslmode 只能是 disable、prefer、require 或 verify-full") == true)
        #expect(mode?.description.contains("hunter22") == false)
        #expect(mode?.description.contains("postgres://u@h/db") == true)
        let pool = #expect(throws: ArchiveError.self) { try PostgresLocation(url: "postgres://u@h/db?pool=0", environment: [:]) }
        #expect(pool?.description.contains("pool 应为 1 到 64 之间的整数") == true)
    }

    // MARK: The schema in a shared database

    @Test func anEmptyDatabaseIsNotAnArchiveUntilCreated() throws {
        let url = try folder.database()
        let error = #expect(throws: ArchiveError.self) { try ArchiveStores.open(url, create: false) }
        #expect(error?.kind == .notFound(path: url))
        #expect(error?.description == "数据库 \(url) 中还没有 zizhu 资助档案（第一次记录批次时会自动建立）")
        _ = try ArchiveStores.open(url, create: true)
        #expect(try ArchiveStores.open(url, create: false).schemaVersion() == PostgresSchema.currentVersion)
        // The archive keeps to its own schema: the database's other tables are not its business.
        #expect(try PostgresTestServer.psql(url, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'zizhu'")
                == "account,audit,batch,payment,round,round_document,round_finding,round_input,round_row,schema_version,school")
    }

    @Test func aSchemaNamedZizhuThatZizhuDidNotMakeIsRefusedAndLeftAlone() throws {
        let url = try folder.database()
        try PostgresTestServer.psql(url, "CREATE SCHEMA zizhu; CREATE TABLE zizhu.notes (text text); INSERT INTO zizhu.notes VALUES ('keep')")
        let error = #expect(throws: ArchiveError.self) { try ArchiveStores.open(url, create: true) }
        #expect(error?.kind == .notAnArchive(path: url))
        #expect(try PostgresTestServer.psql(url, "SELECT text FROM zizhu.notes") == "keep")
    }

    @Test func anArchiveMigratedByANewerZizhuIsRefused() throws {
        let url = try folder.database()
        _ = try ArchiveStores.open(url, create: true)
        try PostgresTestServer.psql(url, "INSERT INTO zizhu.schema_version (version) VALUES (\(PostgresSchema.currentVersion + 1))")
        let error = #expect(throws: ArchiveError.self) { try ArchiveStores.open(url, create: false) }
        #expect(error?.kind == .newerVersion(path: url))
    }

    @Test func manyProcessesOpeningANewDatabaseAtOnceMigrateItOnce() throws {
        let url = try folder.database()
        let outcomes = Outcomes<Int>()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            outcomes.add(Result { () throws(ArchiveError) in try ArchiveStores.open(url, create: true).schemaVersion() })
        }
        #expect(outcomes.all.map { try? $0.get() } == Array(repeating: PostgresSchema.currentVersion, count: 6))
        #expect(try PostgresTestServer.psql(url, "SELECT count(*) FROM zizhu.schema_version") == "\(PostgresSchema.currentVersion)")
    }

    @Test func migrationsApplyOneAfterAnotherFromAnyEarlierVersion() throws {
        let url = try folder.database()
        let location = try PostgresLocation(url: url)
        _ = try PostgresArchive(location: location, create: true, upTo: 0)
        #expect(try PostgresTestServer.psql(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'zizhu'") == "0")
        let archive = try PostgresArchive(location: location, create: true, upTo: nil)
        #expect(try archive.schemaVersion() == PostgresSchema.migrations.count)
    }

    // MARK: Many writers

    @Test func schoolsRecordingAtOnceEachGetTheirBatchAndNoneIsLost() throws {
        let url = try folder.database()
        let writers = try (0..<4).map { _ in try ArchiveStores.open(url, create: true) }
        let outcomes = Outcomes<BatchSummary>()
        DispatchQueue.concurrentPerform(iterations: 8) { school in
            let result = Rounds.result(Rounds.clean(300), policy: Rounds.policy(school: "示例县第\(school + 1)中学"))
            outcomes.add(Result { () throws(ArchiveError) in
                try writers[school % writers.count].record(result, inputHash: "h", outputHash: "", label: "")
            })
        }
        let batches = outcomes.all.compactMap { try? $0.get() }
        #expect(batches.count == 8)
        #expect(Set(batches.map(\.id)).count == 8)
        #expect(try writers[0].batches().count == 8)
        #expect(try PostgresTestServer.psql(url, "SELECT count(*) FROM zizhu.payment") == "2400")
    }

    @Test func theSameInputRecordedByTwoServersAtOnceIsStoredOnce() throws {
        let url = try folder.database()
        let writers = try (0..<2).map { _ in try ArchiveStores.open(url, create: true) }
        let result = Rounds.result(Rounds.clean(2_000))
        let outcomes = Outcomes<BatchSummary>()
        DispatchQueue.concurrentPerform(iterations: 6) { writer in
            outcomes.add(Result { () throws(ArchiveError) in
                try writers[writer % 2].record(result, inputHash: "same", outputHash: "", label: "")
            })
        }
        let stored = outcomes.all.compactMap { try? $0.get() }
        #expect(stored.count == 1)
        let refusals = outcomes.all.compactMap { outcome -> ArchiveError? in
            if case .failure(let error) = outcome { return error } else { return nil }
        }
        #expect(refusals.count == 5)
        #expect(refusals.allSatisfy { $0.kind == .duplicateBatch(id: stored[0].id, recordedAt: stored[0].recordedAt) })
        #expect(try PostgresTestServer.psql(url, "SELECT count(*) FROM zizhu.payment") == "2000")
    }

    @Test func aBatchLargerThanOneInsertStatementIsRecordedWhole() throws {
        let archive = try Engine.postgres.newArchive(in: folder)
        let count = PostgresArchive.insertChunk * 2 + 3
        let batch = try archive.record(Rounds.result(Rounds.clean(count)), inputHash: "big", outputHash: "", label: "")
        #expect(batch.rows == count)
        let lines = try PostgresTestServer.psql(archive.location, "SELECT count(*), count(DISTINCT source_line), min(source_line), max(source_line) FROM zizhu.payment")
        #expect(lines == "\(count)|\(count)|2|\(count + 1)")
    }

    // MARK: The server going away

    @Test func anUnreachableServerIsNamedWithoutThePasswordAndNothingIsWritten() {
        let url = "postgres://zizhu:topsecret@127.0.0.1:1/zizhu?sslmode=disable"
        let error = #expect(throws: ArchiveError.self) { try ArchiveStores.open(url, create: true) }
        guard case .unavailable(let location, _)? = error?.kind else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(location == "postgres://zizhu@127.0.0.1:1/zizhu?sslmode=disable")
        #expect(error?.description.hasPrefix("无法连接资助档案数据库 postgres://zizhu@127.0.0.1:1/zizhu") == true)
        #expect(error?.description.contains("topsecret") == false)
    }

    @Test func aMissingDatabaseSaysSo() throws {
        let url = PostgresTestServer.replacingDatabase(in: try #require(PostgresTestServer.url), with: "no_such_database")
        let error = #expect(throws: ArchiveError.self) { try ArchiveStores.open(url, create: true) }
        #expect(error?.description.contains("数据库不存在（请先用 createdb 创建）") == true)
    }

    /// A private server (the shared one serves the other tests meanwhile): stopped at once in the middle of a
    /// large recording, then started again.
    @Test func aServerStoppedMidRecordingKeepsNothingOfItAndTheArchiveWorksAgainWhenItReturns() throws {
        let server = try PrivateServer(in: folder)
        let archive = try ArchiveStores.open(server.url, create: true)
        let kept = try archive.record(Rounds.result(Rounds.clean(10)), inputHash: "before", outputHash: "", label: "")

        let big = Rounds.result(Rounds.clean(3_000))
        // Another session holds the payment table, so the recording stops at its first payment INSERT: the batch
        // row is written, the payments are not, and the server is stopped right there.
        let holder = try server.holdLock(on: "zizhu.payment")
        defer { holder.terminate() }
        let outcome = Outcomes<BatchSummary>()
        let recording = Thread {
            outcome.add(Result { () throws(ArchiveError) in
                try archive.record(big, inputHash: "interrupted", outputHash: "", label: "")
            })
        }
        recording.start()
        try server.waitForActivity(containing: "INSERT INTO zizhu.payment", waitingOnALock: true)
        try server.run("pause")
        while outcome.all.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        guard case .failure(let error)? = outcome.all.first else {
            Issue.record("the recording finished before the server stopped; make the batch larger")
            return
        }
        guard case .unavailable = error.kind else {
            Issue.record("expected unavailable, got \(error)")
            return
        }
        #expect(error.description.contains("未写入任何内容"))
        // While the server is down, every call says so (and does not hang).
        #expect(throws: ArchiveError.self) { try archive.batches() }

        try server.run("resume")
        // The same archive, its dead connections dropped, works again; the interrupted batch left nothing.
        #expect(try archive.batches() == [kept])
        #expect(try PostgresTestServer.psql(server.url, "SELECT count(*) FROM zizhu.payment") == "10")
        let again = try archive.record(big, inputHash: "interrupted", outputHash: "", label: "")
        #expect(again.rows == 3_000)
    }
}

/// Collects what concurrent workers return.
final class Outcomes<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<Value, ArchiveError>] = []
    func add(_ item: Result<Value, ArchiveError>) { lock.withLock { items.append(item) } }
    var all: [Result<Value, ArchiveError>] { lock.withLock { items } }
}

/// A PostgreSQL server of one test's own, through `Tests/postgres/server.sh`; stopped and removed with the value.
final class PrivateServer {
    let directory: String
    let url: String
    static let script: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("postgres/server.sh").path
    }()

    init(in folder: TemporaryFolder) throws {
        // Outside the test folder: the server runs as `postgres` when the tests run as root.
        directory = "/tmp/zizhu-pg-" + UUID().uuidString.prefix(8)
        try PrivateServer.shell([PrivateServer.script, "start", directory])
        let port = String(decoding: FileManager.default.contents(atPath: directory + "/port") ?? Data(), as: UTF8.self)
        url = "postgres://postgres@127.0.0.1:\(port.trimmingCharacters(in: .whitespacesAndNewlines))/postgres?sslmode=disable"
    }

    func run(_ command: String) throws { try PrivateServer.shell([PrivateServer.script, command, directory]) }

    /// A psql session that locks `table` for 60 seconds (or until it is terminated, or the server stops).
    func holdLock(on table: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-c",
                             "BEGIN; LOCK TABLE \(table) IN EXCLUSIVE MODE; SELECT pg_sleep(60); COMMIT;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitForActivity(containing: "LOCK TABLE \(table)", waitingOnALock: false)
        return process
    }

    /// Waits until another session runs a statement containing `text` (and waits for a lock, when asked), for at
    /// most 30 seconds.
    func waitForActivity(containing text: String, waitingOnALock: Bool) throws {
        let deadline = Date(timeIntervalSinceNow: 30)
        while Date() < deadline {
            let found = try PostgresTestServer.psql(url, """
                SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%\(text)%' AND pid <> pg_backend_pid()
                \(waitingOnALock ? "AND wait_event_type = 'Lock'" : "")
                """)
            if found != "0" { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw PostgresTestServer.Unavailable(description: "no statement with \(text) within 30 s")
    }

    deinit { try? PrivateServer.shell([PrivateServer.script, "stop", directory]) }

    /// Runs the script without a pipe for its output: the server it starts would inherit the pipe and hold it
    /// open, so reading it to its end would wait for the server to stop.
    static func shell(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash"] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresTestServer.Unavailable(description: "\(arguments.joined(separator: " ")) failed")
        }
    }
}
#endif
