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

    @Test func relativePathsStayInTheirFolder() {
        #expect(AtomicFile.split("a/b/c.txt") == ("a/b", "c.txt"))
        #expect(AtomicFile.split("c.txt") == (".", "c.txt"))
        #expect(AtomicFile.split("/c.txt") == ("/", "c.txt"))
    }
}
