import Foundation
import Testing
import ZizhuTestSupport

/// `zizhu check --enrolment --evidence` and `zizhu missed` on the fixtures of Tests/Fixtures/crosscheck
/// (make_fixtures.py says which line plants what).
@Suite struct CrossCheckCommandTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/crosscheck")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    static let codes: Set<String> = ["not-enrolled", "enrolment-mismatch", "category-unverified", "category-verified"]

    static var references: [String] {
        ["--enrolment", path("在校生信息.csv"), "--evidence", "低保=" + path("低保名单.csv"),
         "--evidence", "脱贫户=" + path("脱贫户名单.csv"), "--evidence", "残疾=" + path("残疾人名单.csv")]
    }

    @Test func checkFindsExactlyThePlantedCrossCheckFindings() throws {
        let result = try CLIRunner.run(["check", Self.path("高一(1)班.csv"), Self.path("高一(2)班.csv"),
                                        "--format", "json"] + Self.references)
        #expect(result.status == 1, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let report = try #require(object as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let cross = findings.filter { Self.codes.contains($0["code"] as? String ?? "") }
            .map { "\($0["code"] as? String ?? "") \($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)" }
        #expect(cross == [
            "category-verified 高一(1)班.csv:2",
            "category-verified 高一(1)班.csv:3",
            "not-enrolled 高一(1)班.csv:4",
            "not-enrolled 高一(1)班.csv:5",
            "category-unverified 高一(1)班.csv:6",
            "enrolment-mismatch 高一(2)班.csv:3",
            "enrolment-mismatch 高一(2)班.csv:4",
            "category-verified 高一(2)班.csv:5",
            "not-enrolled 高一(2)班.csv:6",
        ])
        let byLine = Dictionary(grouping: findings, by: { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)" })
        let mismatch = byLine["高一(2)班.csv:3"]?.first { $0["code"] as? String == "enrolment-mismatch" }
        #expect((mismatch?["message"] as? String)?.contains("姓名不同") == true)
        let inactive = byLine["高一(2)班.csv:6"]?.first { $0["code"] as? String == "not-enrolled" }
        #expect((inactive?["message"] as? String)?.contains("转出") == true)
        #expect(findings.filter { ($0["code"] as? String) == "category-verified" }.allSatisfy {
            $0["severity"] as? String == "info" })
        // The summary keeps its keys; not-enrolled rows are returned.
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == 9)
        #expect((summary["returned"] as? Int ?? 0) >= 3)

        // A list that backs a claim by ID stands for the category's proof: 张伟 (低保, his ID) and 李娜 (脱贫家庭,
        // her guardian's ID) need no 低保证 / 扶贫帮扶手册 column; 孙强 (残疾, unverified) still needs the
        // 残疾人证, and 杨帆 (低保, guardian by name only) the 低保证.
        let missingColumns = findings.filter { $0["code"] as? String == "document-missing" && $0["line"] is NSNull }
            .map { "\($0["file"] as? String ?? "") \($0["field"] as? String ?? "")" }
        #expect(missingColumns == [
            "高一(1)班.csv 申请表", "高一(1)班.csv 户口本", "高一(1)班.csv 身份证复印件", "高一(1)班.csv 残疾人证",
            "高一(2)班.csv 申请表", "高一(2)班.csv 户口本", "高一(2)班.csv 身份证复印件", "高一(2)班.csv 低保证",
        ])
        let nameOnly = byLine["高一(2)班.csv:5"]?.first { $0["code"] as? String == "category-verified" }
        #expect((nameOnly?["message"] as? String)?.contains("仅按姓名匹配") == true)

        // Students per class: 李娜 wrote 高一1班 and 陈静 高一(3)班 (classes of the register); 孙强 applied in
        // 高一(1)班.csv but for 高一(2)班; 黄敏 (高一(1)班) and 周杰 (高一(2)班) did not apply.
        let counts = try #require(report["crossCheck"] as? [String: Any])
        #expect(counts["totals"] as? [String: Int] == ["verified": 3, "unverified": 1, "notEnrolled": 3, "missed": 2])
        let classes = try #require(counts["classes"] as? [[String: Any]])
        #expect(classes.map { "\($0["class"] as? String ?? "") \($0["rows"] as? Int ?? -1): "
            + "\($0["verified"] as? Int ?? -1) \($0["unverified"] as? Int ?? -1) "
            + "\($0["notEnrolled"] as? Int ?? -1) \($0["missed"] as? Int ?? -1)" } == [
            "高一1班 1: 1 0 0 0", "高一(1)班 3: 1 0 2 1", "高一(2)班 4: 1 1 1 1", "高一(3)班 1: 0 0 0 0",
        ])
        #expect((counts["enrolment"] as? [String: Any])?["students"] as? Int == 12)
        #expect((counts["evidence"] as? [[String: Any]])?.map { $0["category"] as? String } == ["低保", "脱贫家庭", "残疾学生"])
    }

    /// The same counts in the text report, 问题清单.xlsx and the summary `run` prints.
    @Test func textWorkbookAndRunShowThePerClassCounts() throws {
        let inputs = [Self.path("高一(1)班.csv"), Self.path("高一(2)班.csv")]
        let text = try CLIRunner.run(["check"] + inputs + Self.references)
        #expect(text.status == 1)
        #expect(text.stdout.contains("\n    高一(2)班：已核实 1，未核实 1，不在籍 1，在名单未申请 1\n"))
        #expect(text.stdout.contains("\n    合计：已核实 3，未核实 1，不在籍 3，在名单未申请 2\n"))
        // Without the lists the columns they give are left out.
        let rosterOnly = try CLIRunner.run(["check"] + inputs + ["--enrolment", Self.path("在校生信息.csv"), "--lang", "en"])
        #expect(rosterOnly.stdout.contains("\n    高一(1)班: 2 not enrolled\n"))
        let none = try CLIRunner.run(["check"] + inputs)
        #expect(!none.stdout.contains("名单核对"))

        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workbook = directory.appendingPathComponent("问题清单.xlsx").path
        let xlsx = try CLIRunner.run(["check"] + inputs + Self.references + ["--format", "xlsx", "-o", workbook])
        #expect(xlsx.status == 1, "\(xlsx.stderr)")
        #expect(xlsx.stdout.contains("合计：已核实 3，未核实 1，不在籍 3，在名单未申请 2"))
        let sheet = try #require(try XLSXReadBack.read(workbook).sheet("汇总"))
        let header = try #require(sheet.cells.first { $0.column == 1 && $0.text == "班级" }?.row)
        #expect(Array(sheet.rowTexts(header).suffix(4)) == ["已核实", "未核实", "不在籍", "在名单未申请"])
        #expect(sheet.rowTexts(header + 3).first { !$0.isEmpty } == "3")
        #expect(sheet.rowTexts(header + 3)[1] == "高一(2)班")
        #expect(Array(sheet.rowTexts(header + 3).suffix(4)) == ["1", "1", "1", "1"])
        #expect(sheet.rowTexts(header + 5)[1] == "合计")
        #expect(Array(sheet.rowTexts(header + 5).dropFirst(2)) == ["9", "6", "3", "3", "3", "3", "1", "3", "2"])
        #expect(sheet.cells.contains { $0.text?.contains("名单核对（人）：已核实 3，未核实 1，不在籍 3，在名单未申请 2。") == true })

        let output = directory.appendingPathComponent("out").path
        let run = try CLIRunner.run(["run"] + inputs + Self.references + ["-o", output, "--no-archive"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n  高一(1)班：已核实 1，未核实 0，不在籍 2，在名单未申请 1\n"))
        let report = try String(contentsOfFile: output + "/report.json", encoding: .utf8)
        #expect(report.contains("\"crossCheck\""))
    }

    @Test func unknownKindAndMissingFileExitTwo() throws {
        let kind = try CLIRunner.run(["check", Self.path("高一(1)班.csv"), "--evidence", "彩票=" + Self.path("低保名单.csv")])
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("彩票"))
        let missing = try CLIRunner.run(["check", Self.path("高一(1)班.csv"), "--enrolment", "/nonexistent/学籍.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("找不到学籍名单"))
        let shape = try CLIRunner.run(["check", Self.path("高一(1)班.csv"), "--evidence", "低保"])
        #expect(shape.status == 2)
    }

    @Test func missedListsEnrolledStudentsWhoDidNotApply() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("未申请名单.xlsx").path
        let result = try CLIRunner.run(["missed", Self.path("高一(1)班.csv"), Self.path("高一(2)班.csv"), "-o", output]
                                       + Self.references)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: output))
        #expect(result.stdout.contains("高一 高一(1)班：1 人未申请"))
        #expect(result.stdout.contains("高一 高一(2)班：1 人未申请"))
        #expect(result.stdout.contains("共 2 名"))
        let sheet = try #require(try XLSXReadBack.read(output).sheet("未申请名单"))
        // Row 2 is the header; 黄敏 (低保 line 6, roster line 11), 周杰 (脱贫户 line 5 and 残疾 line 2, roster 12).
        #expect(sheet.rowTexts(2).prefix(4) == ["序号", "年级", "班级", "姓名"])
        #expect(Array(sheet.rowTexts(3).dropFirst()) == ["高一", "高一(1)班", "黄敏", "G370112200903081157",
                                                        "370112200903081157", "低保", "6", "11"])
        #expect(Array(sheet.rowTexts(4).dropFirst()) == ["高一", "高一(2)班", "周杰", "G370112200903091179",
                                                        "370112200903091179", "脱贫户、残疾", "5、2", "12"])
        let after = sheet.rowTexts(5).filter { !$0.isEmpty }
        #expect(after.isEmpty)

        let noEvidence = try CLIRunner.run(["missed", "--enrolment", Self.path("在校生信息.csv"), "-o", output])
        #expect(noEvidence.status == 2)
    }
}
