import Foundation
import Testing
import ZizhuCore
import ZizhuImport

@Suite struct ReferenceListTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/crosscheck")

    static func input(_ name: String) -> InputFile {
        InputFile(path: folder.appendingPathComponent(name).path, displayName: name)
    }

    @Test func enrolmentExportInGB18030WithATitleRow() throws {
        let roster = try ReferenceList.readEnrolment(Self.input("在校生信息.csv"))
        #expect(roster.count == 12)
        #expect(roster.readFindings.isEmpty)
        let first = try #require(roster.records.first)
        #expect(first.name == "张伟")
        #expect(first.location == SourceLocation(file: "在校生信息.csv", line: 4))
        #expect(first.className == "高一(1)班")
        #expect(first.studentNumber == "G" + first.idNumber)
        #expect(roster.records.map(\.status).filter { $0 != "在读" } == ["休学", "转出", "休学"])
        #expect(roster.lookup(id: first.idNumber)?.name == "张伟")
    }

    /// A household list: head and member ID columns both count, 合计 is not a row.
    @Test func householdListTakesEveryIDColumn() throws {
        let list = try ReferenceList.readAssistance(Self.input("低保名单.csv"), kind: "低保", category: "低保")
        #expect(list.rows == 4)
        #expect(list.readFindings.isEmpty)
        #expect(list.ids.count == 7)   // 4 heads + 4 members, 杨建国 listed as his own member
        #expect(list.ids["37011220090301101X"] == 4)
        #expect(list.contains(name: "杨建国"))
        #expect(list.contains(name: "张伟"))
    }

    @Test(arguments: [("脱贫户名单.csv", 3, 3), ("残疾人名单.csv", 2, 2)])
    func listsWithOtherHeaders(name: String, rows: Int, ids: Int) throws {
        let list = try ReferenceList.readAssistance(Self.input(name), kind: "k", category: "c")
        #expect(list.rows == rows)
        #expect(list.ids.count == ids)
        #expect(list.readFindings.isEmpty)
    }

    @Test func aListWithoutAHeaderIsAFileLevelFinding() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zizhu-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("乱.csv")
        try Data("甲,乙,丙\n1,2,3\n".utf8).write(to: path)
        let list = try ReferenceList.readAssistance(InputFile(path: path.path, displayName: "乱.csv"),
                                                    kind: "低保", category: "低保")
        #expect(list.ids.isEmpty)
        #expect(list.readFindings.contains { $0.code == .headerNotFound && $0.location.line == nil })
    }
}
