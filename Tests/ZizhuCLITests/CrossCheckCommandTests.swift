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
