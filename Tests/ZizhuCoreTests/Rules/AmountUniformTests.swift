import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct AmountUniformTests {
    static func same(_: Int) -> [String: String] { ["困难类型": "其他", "困难等级": "困难", "资助金额": "1150"] }

    @Test func catchesAClassAllAtOneAmountOnceAtFileLevel() throws {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.rows(5, AmountUniformTests.same)
        let findings = RuleHarness.run(AmountUniform(), round)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .amountUniform)
        #expect(finding.severity == .warning)
        #expect(finding.location == SourceLocation(file: "高一(1)班.csv", line: nil))
        #expect(finding.text == "高一(1)班共 5 名申请人，金额全部为 1150.00，疑似平均分配（第 2 行、第 3 行、第 4 行、第 5 行、第 6 行）。")
        #expect(finding.english == "All 5 applicants of 高一(1)班 get 1150.00: possibly shared out equally (line 2, line 3, line 4, line 5, line 6).")
        #expect(finding.related == (2...6).map { SourceLocation(file: "高一(1)班.csv", line: $0) })
    }

    @Test func eachClassOfAFileIsCheckedOnItsOwn() {
        var round = ApplicantBuilder()
        round.rows(5, AmountUniformTests.same)
        round.rows(5) { i in ["班级": "高一(2)班", "资助金额": i == 0 ? "1500" : "1150"] }
        let findings = RuleHarness.run(AmountUniform(), round)
        #expect(findings.count == 1)
        #expect(findings.first?.arguments["class"] == "高一(1)班")
    }

    @Test func leavesSmallOrMixedClassesAlone() {
        var round = ApplicantBuilder()
        round.rows(4, AmountUniformTests.same)
        #expect(RuleHarness.run(AmountUniform(), round).isEmpty)
        round.row(["资助金额": "800"])
        #expect(RuleHarness.run(AmountUniform(), round).isEmpty)
    }
}
