import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct OlderAgeRatioTests {
    let older = ApplicantBuilder.residentID(birth: "20040101", sequence: 901)  // 22 at the term start

    @Test func catchesAFileWithTooManyOlderStudents() throws {
        var round = ApplicantBuilder()
        round.rows(9)
        round.row(["身份证号": older, "学籍号": "G" + older])
        let findings = RuleHarness.run(OlderAgeRatio(), round)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .olderAgeRatio)
        #expect(finding.severity == .warning)
        #expect(finding.location == SourceLocation(file: "高一(1)班.csv", line: nil))
        #expect(finding.text.hasPrefix("本文件大龄学生（学期开始时超过 20 岁）1 人，占申请人数 10 的 10%，超过 5%；大龄学生在第 "))
        // The older student is named, so the clerk can check each one.
        let tenth = SourceLocation(file: "高一(1)班.csv", line: finding.related.first?.line)
        #expect(finding.related == [tenth])
        #expect(finding.related.first?.line != nil)
    }

    @Test func leavesASmallShareAlone() {
        var round = ApplicantBuilder()
        round.rows(19)
        round.row(["身份证号": older])
        #expect(RuleHarness.run(OlderAgeRatio(), round).isEmpty, "1 of 20 is exactly 5%, not over it")
        var young = ApplicantBuilder()
        young.rows(10)
        #expect(RuleHarness.run(OlderAgeRatio(), young).isEmpty)
    }
}
