import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct DocumentMissingTests {
    @Test(arguments: [
        ("户口本", "无", "缺少“户口本”：“户口本”一栏填写为“无”。"),
        ("申请表", "", "缺少“申请表”：“申请表”一栏为空。"),
        ("身份证复印件", "×", "缺少“身份证复印件”：“身份证复印件”一栏填写为“×”。"),
        ("户口本", "否", "缺少“户口本”：“户口本”一栏填写为“否”。"),
        ("户口本", "0", "缺少“户口本”：“户口本”一栏填写为“0”。"),
    ])
    func catchesRequiredDocumentsMarkedMissing(column: String, cell: String, message: String) throws {
        let findings = RuleHarness.run(DocumentMissing(), RuleHarness.single([column: cell]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .documentMissing)
        #expect(finding.severity == .error)
        #expect(finding.row == 0)
        #expect(finding.field == column)
        #expect(finding.text == message)
    }

    @Test func catchesAMissingCategoryProofNamingIt() throws {
        let headers = ApplicantBuilder.standardHeaders.filter { $0 != "困难证明" } + ["低保证"]
        let round = RuleHarness.single(["困难类型": "低保", "困难等级": "特别困难", "资助金额": "1500", "低保证": "无"],
                                       headers: headers)
        let finding = try #require(RuleHarness.run(DocumentMissing(), round).first)
        #expect(finding.arguments["document"] == "低保证")
        #expect(finding.text == "缺少“低保证”：困难类型“低保”需要此证明，“低保证”一栏填写为“无”。")
    }

    @Test func aFileWithoutTheColumnIsReportedOnceAtFileLevel() throws {
        var round = ApplicantBuilder()
        round.file("高一(3)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "申请表" })
        round.rows(3)
        let findings = RuleHarness.run(DocumentMissing(), round)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.location == SourceLocation(file: "高一(3)班.csv", line: nil))
        #expect(finding.row == nil)
        #expect(finding.severity == .warning)
        #expect(finding.text.hasPrefix("缺少“申请表”：表格中没有该列"))
    }

    @Test func aCategoryWithoutAnyProofColumnIsReportedOncePerFile() throws {
        var round = ApplicantBuilder()
        round.file("高一(3)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "困难证明" })
        round.rows(4) { _ in ["困难类型": "脱贫家庭", "困难等级": "特别困难", "资助金额": "1500"] }
        let findings = RuleHarness.run(DocumentMissing(), round)
        #expect(findings.count == 1)
        #expect(findings.first?.arguments["document"] == "扶贫帮扶手册")
        #expect(findings.first?.location.line == nil)
    }

    @Test(arguments: ["有", "√", "✓", "是", "1", "Y", "已交"])
    func leavesDocumentsMarkedPresentAlone(mark: String) {
        let values = ["申请表": mark, "户口本": mark, "身份证复印件": mark, "困难证明": mark, "困难类型": "低保",
                      "困难等级": "特别困难", "资助金额": "1500"]
        #expect(RuleHarness.run(DocumentMissing(), RuleHarness.single(values)).isEmpty)
    }

    @Test func theCategorysOwnProofColumnCountsAndSoDoesTheGenericOne() {
        let headers = ApplicantBuilder.standardHeaders + ["残疾证"]
        // Own proof present, generic absent.
        #expect(RuleHarness.run(DocumentMissing(), RuleHarness.single(["困难类型": "残疾", "残疾证": "有", "困难证明": ""],
                                                                      headers: headers)).isEmpty)
        // Generic present, own proof empty.
        #expect(RuleHarness.run(DocumentMissing(), RuleHarness.single(["困难类型": "残疾", "残疾证": "", "困难证明": "有"],
                                                                      headers: headers)).isEmpty)
    }

    @Test(arguments: ["", "无", "学习困难"])
    func noProofIsNeededWithoutARecognisedCategory(category: String) {
        #expect(RuleHarness.run(DocumentMissing(), RuleHarness.single(["困难类型": category, "困难证明": ""])).isEmpty)
    }
}
