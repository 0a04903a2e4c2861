import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct StudentNumberTemporaryTests {
    @Test(arguments: ["L2026000123", "l2026000123"])
    func catchesTemporaryNumbers(number: String) throws {
        let findings = RuleHarness.run(StudentNumberTemporary(), RuleHarness.single(["学籍号": number]))
        let finding = try #require(findings.first)
        #expect(finding.code == .studentNumberTemporary)
        #expect(finding.severity == .warning)
        #expect(finding.text.contains("临时学籍号"))
    }

    @Test(arguments: ["G" + ApplicantBuilder.residentID(), "J3701020001", ""])
    func leavesOtherNumbersAlone(number: String) {
        #expect(RuleHarness.run(StudentNumberTemporary(), RuleHarness.single(["学籍号": number])).isEmpty)
    }
}
