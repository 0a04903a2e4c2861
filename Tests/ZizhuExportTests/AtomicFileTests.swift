import Foundation
import Testing
@testable import ZizhuExport

@Suite struct AtomicFileTests {
    @Test func writesUnderATemporaryNameThenRenames() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("花名册.xlsx")
        try AtomicFile.write(to: path) { temporary in
            #expect(temporary.hasPrefix(folder.path + "/.花名册.xlsx."))
            #expect(temporary.hasSuffix(".tmp"))
            try AtomicFile.writeBytes(Array("new".utf8), toPath: temporary)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try folder.names() == ["花名册.xlsx"])
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
    }

    @Test func aFailureLeavesTheOldFileAndNoTemporaryFile() throws {
        struct Boom: Error {}
        let folder = try TemporaryFolder()
        let path = folder.file("report.json")
        _ = FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: path) { temporary in
                try AtomicFile.writeBytes(Array("half".utf8), toPath: temporary)
                throw Boom()
            }
        }
        #expect(try folder.names() == ["report.json"])
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
    }

    @Test func droppingAnUncommittedFileRemovesItsTemporary() throws {
        let folder = try TemporaryFolder()
        do {
            let file = try AtomicFile(finalPath: folder.file("x.txt"))
            try AtomicFile.writeBytes([1, 2, 3], toPath: file.temporaryPath)
        }
        #expect(try folder.names().isEmpty)
    }

    @Test func aMissingFolderIsAnErrorUpFront() {
        #expect(throws: ExportError.self) { _ = try AtomicFile(finalPath: "/nonexistent-zizhu/x.txt") }
    }

    @Test func temporaryNamesCarryTheWritersProcess() throws {
        let folder = try TemporaryFolder()
        let file = try AtomicFile(finalPath: folder.file("花名册.xlsx"))
        let name = String(file.temporaryPath.split(separator: "/").last ?? "")
        #expect(AtomicFile.writerProcess(ofTemporaryName: name) == getpid())
        #expect(AtomicFile.writerProcess(ofTemporaryName: ".report.json.123-abc9.tmp") == 123)
        for other in ["花名册.xlsx", ".report.json.tmp", "report.json.123-abc.tmp", ".report.json.x-abc.tmp",
                      ".report.json.123-ABC.tmp", ".report.json.123-.tmp", ".123-abc.tmp", ".bashrc"] {
            #expect(AtomicFile.writerProcess(ofTemporaryName: other) == nil, "\(other)")
        }
    }

    /// What a run killed by SIGKILL leaves behind is removed by the next run; a live writer's file and every
    /// other file stay.
    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let folder = try TemporaryFolder()
        let dead = ".花名册.xlsx.99999999-k2j4.tmp"   // above any pid_max: no such process
        let live = ".report.json.\(getpid())-abc.tmp"
        let parent = ".公示名单.xlsx.1-abc.tmp"       // init: alive (EPERM for a user, 0 for root)
        for name in [dead, live, parent, "花名册.xlsx", ".notes.tmp"] {
            _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data("x".utf8))
        }
        #expect(AtomicFile.removeStaleTemporaries(in: folder.path) == [dead])
        #expect(try folder.names() == [".notes.tmp", parent, live, "花名册.xlsx"].sorted())
    }

    @Test func relativePathsStayInTheirFolder() {
        #expect(AtomicFile.split("a/b/c.txt") == ("a/b", "c.txt"))
        #expect(AtomicFile.split("c.txt") == (".", "c.txt"))
        #expect(AtomicFile.split("/c.txt") == ("/", "c.txt"))
    }
}
