import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// Opening: what is created, what is refused, and that a refused file is left exactly as it was.
@Suite struct ArchiveFileTests {
    let folder = TemporaryFolder()

    /// The names in the folder (an opened SQLite file would leave `-wal`/`-shm` beside it).
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func withoutCreateAMissingFileIsNotFoundAndNotCreated() throws {
        let path = folder.file("archive.sqlite")
        let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: false) }
        #expect(error?.kind == .notFound(path: path))
        #expect(error?.description == "档案文件不存在：\(path)")
        #expect(try names().isEmpty)
    }

    @Test func createMakesTheFileAndItsFoldersAndReopensWithItsData() throws {
        let path = folder.file("data/zizhu/archive.sqlite")
        let batch = try AidArchive(path: path, create: true)
            .record(Rounds.result(Rounds.clean(2)), inputHash: "h", outputHash: "", label: "")
        let reopened = try AidArchive(path: path, create: false)
        #expect(try reopened.batches() == [batch])
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func anEmptyFileBecomesAnArchiveOnlyWhenCreating() throws {
        let path = folder.file("archive.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: false) }
        #expect(error?.kind == .notAnArchive(path: path))
        #expect(contents(path) == Data())
        #expect(try AidArchive(path: path, create: true).schemaVersion() == ArchiveSchema.currentVersion)
    }

    @Test(arguments: ["not-an-archive.txt", "foreign.sqlite", "foreign-wal.sqlite"], [false, true])
    func aForeignFileIsRefusedAndLeftByteIdentical(fixture: String, create: Bool) throws {
        let path = try Fixtures.copy(fixture, into: folder)
        let before = try #require(contents(path))
        let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: create) }
        #expect(error?.kind == .notAnArchive(path: path))
        #expect(error?.description == "“\(path)”不是 zizhu 资助档案，或文件已损坏：已拒绝使用，文件未作任何改动")
        #expect(contents(path) == before)
        #expect(contents(Fixtures.path(fixture)) == before)
        // A rollback-journal database and a text file get no -wal or -shm beside them.
        if fixture != "foreign-wal.sqlite" { #expect(try names() == [fixture]) }
    }

    @Test func aDamagedArchiveIsRefusedAndLeftByteIdentical() throws {
        let path = folder.file("archive.sqlite")
        do {
            let archive = try AidArchive(path: path, create: true)
            _ = try archive.record(Rounds.result(Rounds.clean(3)), inputHash: "h", outputHash: "", label: "")
        }  // released: checkpointed into the one file
        #expect(try names() == ["archive.sqlite"])
        // Scribble over the schema's b-tree on page 1, keeping the 100-byte header (and so the application id).
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 1_000))
        try handle.close()
        let damaged = try #require(contents(path))

        for create in [false, true] {
            let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: create) }
            #expect(error?.kind == .notAnArchive(path: path))
            #expect(contents(path) == damaged)
        }
    }

    @Test func aFolderIsNotAnArchive() throws {
        let path = folder.file("archive.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: true) }
        #expect(error?.kind == .notAnArchive(path: path))
    }

    @Test func anArchiveFromANewerZizhuIsRefused() throws {
        let path = folder.file("archive.sqlite")
        try AidArchive(path: path, create: true)
            .execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        let error = #expect(throws: ArchiveError.self) { try AidArchive(path: path, create: false) }
        #expect(error?.kind == .newerVersion(path: path))
        #expect(error?.description == "档案“\(path)”由更新版本的 zizhu 写入，请升级 zizhu 后再使用")
    }

    @Test func errorMessagesAreOneLineAndMaskIdentifiers() {
        let id = "11010519491231002X"
        struct Failure: Error, CustomStringConvertible { var description: String }
        let error = ArchiveError(Failure(description: "row \(id) failed"), path: "/tmp/a.sqlite")
        #expect(!error.description.contains(id))
        #expect(error.description.contains("1101**********002X"))
        let all: [ArchiveError.Kind] = [.busy, .notFound(path: "p"), .notAnArchive(path: "p"), .newerVersion(path: "p"),
                                        .duplicateBatch(id: 3, recordedAt: "2026-09-30T10:00:00+08:00"),
                                        .batchNotFound(id: 3), .invalidBatch(reason: "r"), .io(message: "m")]
        for kind in all {
            let text = ArchiveError(kind).description
            #expect(!text.isEmpty && !text.contains("\n"))
        }
        #expect(ArchiveError(.busy).description == "另一个 zizhu 正在写入档案，请稍后重试")
    }
}
