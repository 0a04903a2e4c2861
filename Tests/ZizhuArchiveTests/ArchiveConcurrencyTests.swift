import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// Several writers on one file, and a writer killed mid-transaction. The archive is either as before a
/// write or as after it — never corrupt — and a writer kept waiting too long gets a clear `busy` error.
///
/// The second process is python3's `sqlite3` module (the test target has no executable of its own to
/// spawn): it takes the write lock, or writes half a batch and is SIGKILLed, while this process works.
@Suite(.serialized) struct ArchiveConcurrencyTests {
    let folder = TemporaryFolder()
    var path: String { folder.file("archive.sqlite") }

    /// Collects what concurrent workers return.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Result<BatchSummary, ArchiveError>] = []
        func add(_ item: Result<BatchSummary, ArchiveError>) { lock.withLock { items.append(item) } }
        var all: [Result<BatchSummary, ArchiveError>] { lock.withLock { items } }
    }

    static func record(_ archive: AidArchive, _ result: RoundResult, hash: String) -> Result<BatchSummary, ArchiveError> {
        do throws(ArchiveError) {
            return .success(try archive.record(result, inputHash: hash, outputHash: "", label: hash))
        } catch {
            return .failure(error)
        }
    }

    // MARK: In one process, two archives on two threads

    @Test func twoArchivesOnOneFileRecordingAtOnceBothSucceed() throws {
        let writers = [try AidArchive(path: path, create: true), try AidArchive(path: path, create: false)]
        let result = Rounds.result(Rounds.clean(200))
        let perWriter = 10
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: writers.count) { writer in
            for n in 0..<perWriter {
                outcomes.add(Self.record(writers[writer], result, hash: "writer\(writer)-\(n)"))
            }
        }
        let batches = outcomes.all.compactMap { try? $0.get() }
        #expect(batches.count == writers.count * perWriter)
        #expect(Set(batches.map(\.id)).count == batches.count)
        let reopened = try AidArchive(path: path, create: false)
        #expect(try reopened.batches().count == writers.count * perWriter)
        #expect(try reopened.batches().allSatisfy { $0.rows == 200 })
        #expect(try reopened.history(idNumber: result.applicants[0].value(.idNumber)).count == writers.count * perWriter)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func theSameBatchRecordedTwiceAtOnceIsStoredOnce() throws {
        let writers = [try AidArchive(path: path, create: true), try AidArchive(path: path, create: false)]
        let result = Rounds.result(Rounds.clean(50))
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: writers.count) { writer in
            outcomes.add(Self.record(writers[writer], result, hash: "same run"))
        }
        let succeeded = outcomes.all.compactMap { try? $0.get() }
        let refused = outcomes.all.compactMap { outcome -> ArchiveError? in
            if case .failure(let error) = outcome { return error } else { return nil }
        }
        #expect(succeeded.count == 1)
        #expect(refused.map(\.kind) == succeeded.map { .duplicateBatch(id: $0.id, recordedAt: $0.recordedAt) })
        #expect(try writers[0].batches().count == 1)
    }

    // MARK: Another process holding the write lock

    /// Takes the write lock (BEGIN IMMEDIATE), writes a batch row, says `locked`, holds it for argv[2]
    /// seconds, then COMMITs or ROLLs BACK as argv[3] says.
    static let lockHolder = """
        import sqlite3, sys, time
        con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash, "
                    "output_hash, label, kind) VALUES ('python', 'p', 't', 2026, '2026-01-01T00:00:00Z', 0, 0, "
                    "'python-lock', '', 'python', 'round')")
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        con.execute(sys.argv[3])
        con.close()
        print("released", flush=True)
        """

    @Test(.enabled(if: PythonProcess.isAvailable))
    func aWriterKeptWaitingPastTheTimeoutGetsAClearBusyError() throws {
        let before = try AidArchive(path: path, create: true)
            .record(Rounds.result(Rounds.clean(3)), inputHash: "before", outputHash: "", label: "")
        let archive = try AidArchive(path: path, create: false, busyTimeout: 0.3)
        let holder = try PythonProcess(Self.lockHolder, arguments: [path, "4", "ROLLBACK"])
        #expect(holder.readLine() == "locked")

        let started = Date()
        let error = #expect(throws: ArchiveError.self) {
            try archive.record(Rounds.result(Rounds.clean(3)), inputHash: "while locked", outputHash: "", label: "")
        }
        let waited = Date().timeIntervalSince(started)
        #expect(error?.kind == .busy)
        #expect(error?.description == "另一个 zizhu 正在写入档案，请稍后重试")
        #expect(waited >= 0.25 && waited < 3, "waited \(waited) s")
        // Reading is not blocked by the other process's write lock (WAL).
        #expect(try archive.batches() == [before])

        #expect(holder.readLine() == "released")
        #expect(holder.wait() == 0)
        #expect(try archive.batches() == [before])
        #expect(try archive.record(Rounds.result(Rounds.clean(3)), inputHash: "after", outputHash: "", label: "").id == 2)
        #expect(try archive.integrityCheck() == ["ok"])
    }

    @Test(.enabled(if: PythonProcess.isAvailable))
    func aWriterWaitsForAnotherProcessThatCommitsWithinTheTimeout() throws {
        let archive = try AidArchive(path: path, create: true, busyTimeout: 10)
        let holder = try PythonProcess(Self.lockHolder, arguments: [path, "1", "COMMIT"])
        #expect(holder.readLine() == "locked")

        let started = Date()
        let batch = try archive.record(Rounds.result(Rounds.clean(3)), inputHash: "mine", outputHash: "", label: "mine")
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 0.5, "waited \(waited) s")
        #expect(holder.readLine() == "released")
        #expect(holder.wait() == 0)
        let labels = try archive.batches().map(\.label)
        #expect(labels == ["python", "mine"])
        #expect(batch.id == 2)
        #expect(try archive.integrityCheck() == ["ok"])
    }

    // MARK: A process killed in the middle of a write

    /// Opens a transaction, writes a batch and argv[2] payments with a tiny page cache (so the uncommitted
    /// pages spill into the -wal file), says `written`, and waits to be killed.
    static let killedWriter = """
        import sqlite3, sys, time
        con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
        con.execute("PRAGMA cache_size = 8")
        con.execute("BEGIN IMMEDIATE")
        cur = con.execute("INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash, "
                          "output_hash, label, kind) VALUES ('python', 'p', 't', 2026, '2026-01-01T00:00:00Z', 0, 0, "
                          "'half', '', 'never committed', 'round')")
        batch = cur.lastrowid
        con.executemany("INSERT INTO payment (batch_id, school, program, term, year, class, id_number, name, "
                        "amount_fen, card) VALUES (?, 'python', 'p', 't', 2026, 'c', ?, 'n', 100, ?)",
                        ((batch, "H%017d" % i, "9%018d" % i) for i in range(int(sys.argv[2]))))
        print("written", flush=True)
        time.sleep(120)
        """

    @Test(.enabled(if: PythonProcess.isAvailable))
    func aWriterKilledBeforeCommitLeavesTheArchiveAsItWas() throws {
        let earlier: [BatchSummary]
        do {
            let archive = try AidArchive(path: path, create: true)
            _ = try archive.record(Rounds.result(Rounds.clean(20)), inputHash: "one", outputHash: "", label: "一")
            _ = try archive.record(Rounds.result(Rounds.clean(5), policy: Rounds.policy(term: "春季学期")),
                                   inputHash: "two", outputHash: "", label: "二")
            earlier = try archive.batches()
        }  // released, so the killed process is the file's last user and the next open recovers from the files
        let walBefore = Self.size(path + "-wal")

        let writer = try PythonProcess(Self.killedWriter, arguments: [path, "30000"])
        #expect(writer.readLine() == "written")
        // The half-written transaction really reached the disk before the kill.
        #expect(Self.size(path + "-wal") > walBefore + 100_000)
        writer.kill()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))

        let reopened = try AidArchive(path: path, create: false)
        #expect(try reopened.batches() == earlier)
        #expect(try reopened.history(idNumber: "H00000000000000000").isEmpty)
        #expect(try reopened.history(idNumber: Rounds.result(Rounds.clean(1)).applicants[0].value(.idNumber)).count == 2)
        #expect(try reopened.integrityCheck() == ["ok"])
        // And it takes new batches as before.
        let next = try reopened.record(Rounds.result(Rounds.clean(2), policy: Rounds.policy(year: 2027)),
                                       inputHash: "three", outputHash: "", label: "")
        #expect(next.id == 3)
    }

    static func size(_ path: String) -> UInt64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}
