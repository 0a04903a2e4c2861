import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// An archive written by an older zizhu opens in a newer one, its data intact.
@Suite struct ArchiveSchemaTests {
    let folder = TemporaryFolder()
    let student = Rounds.student(10)

    /// The rows a v1 zizhu wrote: a batch and two payments, in v1's columns only.
    func writeV1Rows(_ archive: AidArchive) throws {
        try archive.execute(sql: """
            INSERT INTO batch (school, program, term, year, recorded_at, rows, total_fen, input_hash, output_hash, label)
            VALUES ('示例县第一中学', '普通高中国家助学金', '秋季学期', 2026, '2026-09-30T10:00:00+08:00', 2, 265000,
                    'sha256:v1', 'sha256:v1-out', 'v1 批次');
            INSERT INTO payment (batch_id, school, program, term, year, class, id_number, name, amount_fen, card)
            VALUES (1, '示例县第一中学', '普通高中国家助学金', '秋季学期', 2026, '高一(1)班', '\(student.id)', '王子涵',
                    150000, '\(student.card)'),
                   (1, '示例县第一中学', '普通高中国家助学金', '秋季学期', 2026, '高一(1)班', '11010519491231002X', '李欣怡',
                    115000, '6228480000000000019');
            """)
    }

    @Test func anArchiveMigratedOnlyToV1OpensMigratedWithItsData() throws {
        let path = folder.file("archive.sqlite")
        do {
            let old = try AidArchive(path: path, migratedUpTo: "v1")
            try writeV1Rows(old)
            #expect(try old.schemaVersion() == 1)
        }
        let archive = try AidArchive(path: path, create: false)
        try expectMigratedV1Data(archive)
    }

    /// `Tests/Fixtures/archive/archive-v1.sqlite` was written by the v1 schema (see the README beside it):
    /// it guards against a released migration being edited, which the test above cannot see.
    @Test func theCommittedV1ArchiveOpensMigratedAndItsFixtureStaysUntouched() throws {
        let fixture = try #require(contents(Fixtures.path("archive-v1.sqlite")))
        let path = try Fixtures.copy("archive-v1.sqlite", into: folder)
        let archive = try AidArchive(path: path, create: false)
        try expectMigratedV1Data(archive)
        #expect(contents(Fixtures.path("archive-v1.sqlite")) == fixture)
    }

    func expectMigratedV1Data(_ archive: AidArchive) throws {
        #expect(try archive.schemaVersion() == ArchiveSchema.currentVersion)
        let batches = try archive.batches()
        #expect(batches.count == 1)
        #expect(batches.first?.label == "v1 批次")
        #expect(batches.first?.kind == .round)  // v2's column, defaulted for old rows
        #expect(batches.first?.total == Money(fen: 265000))
        let history = try archive.history(idNumber: student.id)
        #expect(history.map(\.amount) == [Money(yuan: 1500)])
        #expect(history.first?.sourceFile == nil && history.first?.sourceLine == nil)

        // The old payments take part in the checks, and new batches record with the new columns.
        var round = ApplicantBuilder()
        round.row(student.cells)
        let findings = try archive.check().findings(for: round.applicants, policy: .default)
        #expect(findings.map(\.code) == [.repeatAid])
        #expect(findings.first?.text.contains("批次 1“v1 批次”，2026-09-30") == true)
        let spring = try archive.record(Rounds.result(round, policy: Rounds.policy(term: "春季学期")),
                                        inputHash: "new", outputHash: "", label: "")
        #expect(spring.id == 2)
        #expect(try archive.history(idNumber: student.id).last?.sourceLine == 2)
        #expect(try archive.integrityCheck() == ["ok"])
    }

    /// Collects what concurrent openers got.
    final class Openings: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [ArchiveError] = []
        private var versions: [Int] = []
        func add(_ outcome: Result<Int, ArchiveError>) {
            lock.withLock {
                switch outcome {
                case .success(let version): versions.append(version)
                case .failure(let error): errors.append(error)
                }
            }
        }
        var all: (versions: [Int], errors: [ArchiveError]) { lock.withLock { (versions, errors) } }
    }

    @Test func twoOpenersMigratingTheSameOldArchiveAtOnceBothSucceed() throws {
        for attempt in 0..<5 {
            let path = folder.file("archive-\(attempt).sqlite")
            try FileManager.default.copyItem(atPath: Fixtures.path("archive-v1.sqlite"), toPath: path)
            let openings = Openings()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do throws(ArchiveError) {
                    openings.add(.success(try AidArchive(path: path, create: false).schemaVersion()))
                } catch {
                    openings.add(.failure(error))
                }
            }
            #expect(openings.all.errors.isEmpty)
            #expect(openings.all.versions == [ArchiveSchema.currentVersion, ArchiveSchema.currentVersion])
            #expect(try AidArchive(path: path, create: false).batches().count == 1)
        }
    }

    @Test func reopeningACurrentArchiveAppliesNothing() throws {
        let path = folder.file("archive.sqlite")
        let first = try AidArchive(path: path, create: true)
        let batch = try first.record(Rounds.result(Rounds.clean(1)), inputHash: "h", outputHash: "", label: "")
        let second = try AidArchive(path: path, create: false)
        #expect(try second.batches() == [batch])
        #expect(try second.schemaVersion() == ArchiveSchema.currentVersion)
    }

    /// Writes `archive-v1.sqlite` when `ZIZHU_ARCHIVE_WRITE_V1_FIXTURE` names the folder to write it to.
    /// Run it only to re-create the fixture: a released migration never changes, so neither does the file.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ZIZHU_ARCHIVE_WRITE_V1_FIXTURE"] != nil))
    func writeTheV1Fixture() throws {
        let target = try #require(ProcessInfo.processInfo.environment["ZIZHU_ARCHIVE_WRITE_V1_FIXTURE"])
        let path = target + "/archive-v1.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        do {
            let archive = try AidArchive(path: path, migratedUpTo: "v1")
            try writeV1Rows(archive)
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
