import Foundation
import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CrossCheckSummaryTests {
    /// 高一(1)班: A verified (低保), B 低保 verified + 残疾 not (unverified only), C both verified (once), D not
    /// enrolled, no listed category; 高二(10)班: E 低保 unverified and 休学. Not applied: F (高一(1)班, 低保) and
    /// G (高二(3)班, where nobody applied; 残疾).
    static func scenario() -> (result: RoundResult, roster: EnrolmentRoster, lists: [AssistanceList]) {
        var round = ApplicantBuilder()
        round.file("申请.csv")
        let id = { (day: Int) in ApplicantBuilder.residentID(birth: "200905\(day < 10 ? "0" : "")\(day)", sequence: 141) }
        let rows: [(day: Int, category: String, grade: String, className: String)] = [
            (1, "低保", "高一", "高一(1)班"), (2, "低保、残疾", "高一", "高一(1)班"), (3, "低保、残疾", "高一", "高一(1)班"),
            (4, "其他", "高一", "高一(1)班"), (5, "低保", "高二", "高二(10)班"),
        ]
        for row in rows {
            round.row(["身份证号": id(row.day), "学籍号": "G" + id(row.day), "困难类型": row.category,
                       "年级": row.grade, "班级": row.className])
        }
        var roster = EnrolmentRoster(file: "在校生信息.csv")
        let enrolled: [(day: Int, grade: String, className: String, status: String)] = [
            (1, "高一", "高一(1)班", "在读"), (2, "高一", "高一(1)班", "在读"), (3, "高一", "高一(1)班", "在读"),
            (5, "高二", "高二(10)班", "休学"), (6, "高一", "1班", "在读"), (7, "高二", "高二(3)班", "在读"),
        ]
        for (line, student) in enrolled.enumerated() {
            let applicant = round.applicants.first { $0.value(.idNumber) == id(student.day) }
            roster.add(EnrolmentRecord(idNumber: id(student.day), name: applicant?.value(.name) ?? "学生\(student.day)",
                                       grade: student.grade, className: student.className, status: student.status,
                                       location: SourceLocation(file: "在校生信息.csv", line: line + 2)))
        }
        var dibao = AssistanceList(kind: "低保", category: "低保", file: "低保名单.csv")
        for day in [1, 2, 3, 6] { dibao.addRow(line: day + 1, ids: [id(day)], names: []) }
        var canji = AssistanceList(kind: "残疾", category: "残疾学生", file: "残疾人名单.csv")
        for day in [3, 7] { canji.addRow(line: day, ids: [id(day)], names: []) }
        let lists = [dibao, canji]
        let result = Validator(policy: .default,
                               additionalChecks: [EnrolmentCheck(roster: roster), EvidenceCheck(lists: lists)])
            .run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        return (result, roster, lists)
    }

    @Test func countsStudentsPerClassOncePerColumn() {
        let (result, roster, lists) = Self.scenario()
        let summary = CrossCheckSummary(result: result, roster: roster, lists: lists)
        #expect(summary.classes.map(\.label) == ["高一(1)班", "高二(3)班", "高二(10)班"])
        #expect(summary.classes.map(\.rows) == [4, 0, 1])
        #expect(summary.classes.map(\.counts) == [
            .init(verified: 2, unverified: 1, notEnrolled: 1, missed: 1),
            .init(verified: 0, unverified: 0, notEnrolled: 0, missed: 1),
            .init(verified: 0, unverified: 1, notEnrolled: 1, missed: 0),
        ])
        #expect(summary.totals == .init(verified: 2, unverified: 2, notEnrolled: 2, missed: 2))
        #expect(summary.enrolment == .init(file: "在校生信息.csv", students: 6))
        #expect(summary.evidence.map(\.file) == ["低保名单.csv", "残疾人名单.csv"])
    }

    @Test func countsTheInputsCannotGiveAreNil() {
        let (result, roster, lists) = Self.scenario()
        let rosterOnly = CrossCheckSummary(result: result, roster: roster, lists: [])
        #expect(rosterOnly.totals == .init(verified: nil, unverified: nil, notEnrolled: 2, missed: nil))
        #expect(rosterOnly.classes.map(\.label) == ["高一(1)班", "高二(10)班"])
        let listsOnly = CrossCheckSummary(result: result, roster: nil, lists: lists)
        #expect(listsOnly.totals == .init(verified: 2, unverified: 2, notEnrolled: nil, missed: nil))
        #expect(listsOnly.lines(language: .zh)[1] == "  高一(1)班：已核实 2，未核实 1")
        #expect(listsOnly.notes(language: .zh).contains("需同时提供学籍名单和困难认定名单"))
    }

    @Test func textLinesAndTheReports() throws {
        let (plain, roster, lists) = Self.scenario()
        var result = plain
        result.crossCheck = CrossCheckSummary(result: result, roster: roster, lists: lists)
        let lines = try #require(result.crossCheck?.lines(language: .zh))
        #expect(Array(lines.prefix(5)) == [
            "名单核对（按班级，单位：人；每人每栏只计一次）：",
            "  高一(1)班：已核实 2，未核实 1，不在籍 1，在名单未申请 1",
            "  高二(3)班：已核实 0，未核实 0，不在籍 0，在名单未申请 1",
            "  高二(10)班：已核实 0，未核实 1，不在籍 1，在名单未申请 0",
            "  合计：已核实 2，未核实 2，不在籍 2，在名单未申请 2",
        ])
        #expect(result.crossCheck?.lines(language: .en)[1] == "  高一(1)班: 2 verified, 1 unverified, 1 not enrolled, 1 missed")

        let text = TextReport.render(result, options: ReportOptions())
        #expect(text.contains("\n    高二(3)班：已核实 0，未核实 0，不在籍 0，在名单未申请 1\n"))
        #expect(!TextReport.render(plain, options: ReportOptions()).contains("名单核对"))

        // JSON: an additional key after inputs; absent without cross-checks.
        let json = JSONReport.render(result, options: ReportOptions())
        #expect(json.range(of: "\"inputs\"")!.lowerBound < json.range(of: "\"crossCheck\"")!.lowerBound)
        #expect(json.range(of: "\"crossCheck\"")!.lowerBound < json.range(of: "\"findings\"")!.lowerBound)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cross = try #require(object["crossCheck"] as? [String: Any])
        #expect((cross["enrolment"] as? [String: Any])?["students"] as? Int == 6)
        #expect((cross["evidence"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["低保", "残疾"])
        let totals = try #require(cross["totals"] as? [String: Int])
        #expect(totals == ["verified": 2, "unverified": 2, "notEnrolled": 2, "missed": 2])
        let classes = try #require(cross["classes"] as? [[String: Any]])
        #expect(classes.map { $0["class"] as? String } == ["高一(1)班", "高二(3)班", "高二(10)班"])
        #expect(classes[1]["rows"] as? Int == 0)
        #expect(classes[1]["missed"] as? Int == 1)
        #expect(!JSONReport.render(plain, options: ReportOptions()).contains("crossCheck"))

        var rosterOnly = plain
        rosterOnly.crossCheck = CrossCheckSummary(result: plain, roster: roster, lists: [])
        let nulls = try #require(try JSONSerialization.jsonObject(
            with: Data(JSONReport.render(rosterOnly, options: ReportOptions()).utf8)) as? [String: Any])
        let rosterTotals = try #require((nulls["crossCheck"] as? [String: Any])?["totals"] as? [String: Any])
        #expect(rosterTotals["missed"] is NSNull)
        #expect(rosterTotals["notEnrolled"] as? Int == 2)
    }
}
