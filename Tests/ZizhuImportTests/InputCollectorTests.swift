import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuImport

@Suite struct InputCollectorTests {
    @Test func foldersExpandToRosterFilesInNaturalOrder() throws {
        let folder = try Fixtures.temporaryFolder("zizhu-collect")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["高一(10)班.csv", "高一(2)班.csv", "高一(1)班.XLSX", "说明.docx", ".hidden.csv", "~$高一(3)班.xlsx",
                     "unicode.txt", "旧表.xls"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("子目录.csv"),
                                                withIntermediateDirectories: true)
        let files = try InputCollector.collect([folder.path])
        #expect(files.map(\.displayName) == ["unicode.txt", "旧表.xls", "高一(1)班.XLSX", "高一(2)班.csv", "高一(10)班.csv"])
        #expect(files.allSatisfy { $0.path.hasPrefix(folder.path + "/") })
    }

    @Test func filesAsGivenOnceEachAndSameNamesKeepTheirPaths() throws {
        let folder = try Fixtures.temporaryFolder("zizhu-collect")
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for sub in [a, b] {
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data().write(to: sub.appendingPathComponent("1班.csv"))
        }
        let first = a.appendingPathComponent("1班.csv").path
        let files = try InputCollector.collect([first, a.path + "/", b.path])
        #expect(files.map(\.path) == [first, b.appendingPathComponent("1班.csv").path])
        #expect(files.map(\.displayName) == files.map(\.path))
    }

    @Test func missingPathAndEmptyFolderThrow() throws {
        #expect(throws: ImportError.self) { try InputCollector.collect(["/nonexistent/roster.csv"]) }
        let folder = try Fixtures.temporaryFolder("zizhu-collect")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try InputCollector.collect([folder.path])
            Issue.record("an empty folder must throw")
        } catch {
            #expect(error.message.contains("没有"))
        }
    }

    @Test func naturalOrder() {
        let names = ["高二(1)班", "高一(10)班", "高一(2)班", "高一(1)班"]
        #expect(names.sorted(by: InputCollector.naturalOrder) == ["高一(1)班", "高一(2)班", "高一(10)班", "高二(1)班"])
    }
}
