import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct QuotaExceededTests {
    @Test func catchesMoreApplicantsThanTheCapFromAClassSizeColumn() throws {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headers: ApplicantBuilder.standardHeaders + ["班级人数"])
        round.rows(4) { _ in ["班级人数": "10"] }
        let findings = RuleHarness.run(QuotaExceeded(), round)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .quotaExceeded)
        #expect(finding.severity == .warning)
        #expect(finding.location.line == nil)
        #expect(finding.text == "高一(1)班申请 4 人，班级人数 10，超过资助面上限 30%（最多 3 人；申请人在第 2 行、第 3 行、第 4 行、第 5 行）。")
        #expect(finding.related == (2...5).map { SourceLocation(file: "高一(1)班.csv", line: $0) })
    }

    @Test func usesThePolicysClassSizes() {
        var round = ApplicantBuilder()
        round.rows(4)
        var policy = Policy.default
        policy.classSizes = ["高一(1)班": 10]
        #expect(RuleHarness.run(QuotaExceeded(), round, policy: policy).count == 1)
        policy.classSizes = ["高一(1)班": 14]
        #expect(RuleHarness.run(QuotaExceeded(), round, policy: policy).isEmpty)
    }

    @Test func aSheetWithoutAClassColumnIsLookedUpByFileName() {
        var round = ApplicantBuilder()
        round.file("高三(5)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "班级" && $0 != "年级" })
        round.rows(2)
        var policy = Policy.default
        policy.classSizes = ["高三(5)班": 5]
        #expect(RuleHarness.run(QuotaExceeded(), round, policy: policy).first?.text.hasPrefix("本文件申请 2 人") == true)
    }

    @Test func leavesClassesAtTheCapOrOfUnknownSizeAlone() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headers: ApplicantBuilder.standardHeaders + ["班级人数"])
        round.rows(3) { _ in ["班级人数": "10"] }
        #expect(RuleHarness.run(QuotaExceeded(), round).isEmpty)
        var unknown = ApplicantBuilder()
        unknown.rows(20)
        #expect(RuleHarness.run(QuotaExceeded(), unknown).isEmpty)
    }
}
