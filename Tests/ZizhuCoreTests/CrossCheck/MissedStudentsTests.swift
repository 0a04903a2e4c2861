import Testing
import ZizhuCore
import ZizhuTestSupport

@Suite struct MissedStudentsTests {
    @Test func enrolledOnAListAndNotApplied() {
        let ids = (0..<5).map { ApplicantBuilder.residentID(birth: "2009080\($0 + 1)", sequence: 131 + 2 * $0) }
        var roster = EnrolmentRoster(file: "在校生信息.csv")
        let classes = ["高一(2)班", "高一(1)班", "高一(2)班", "高一(1)班", "高一2班"]
        let statuses = ["在读", "在读", "休学", "", "在校"]
        for k in 0..<5 {
            roster.add(EnrolmentRecord(idNumber: ids[k], name: "学生\(k)", grade: "高一", className: classes[k],
                                       status: statuses[k],
                                       location: SourceLocation(file: "在校生信息.csv", line: 4 + k)))
        }
        var dibao = AssistanceList(kind: "低保", category: "低保", file: "低保名单.csv")
        for (line, k) in [(4, 0), (5, 1), (6, 2), (7, 3)] { dibao.addRow(line: line, ids: [ids[k]], names: []) }
        var canji = AssistanceList(kind: "残疾", category: "残疾学生", file: "残疾人名单.csv")
        canji.addRow(line: 2, ids: [ids[4]], names: [])
        canji.addRow(line: 3, ids: [ids[0]], names: [])

        let missed = MissedStudents.find(roster: roster, lists: [dibao, canji], appliedIDs: [ids[3]])
        // 学生0 (two lists) and 学生4 (高一2班 is 高一(2)班) share a class; 学生2 休学; 学生3 applied.
        #expect(missed.map(\.className) == ["高一(2)班", "高一(1)班"])
        #expect(missed[0].students.map(\.record.name) == ["学生0", "学生4"])
        #expect(missed[0].students[0].sources.map(\.location) == [SourceLocation(file: "低保名单.csv", line: 4),
                                                                   SourceLocation(file: "残疾人名单.csv", line: 3)])
        #expect(missed[1].students.map(\.record.name) == ["学生1"])
    }
}
