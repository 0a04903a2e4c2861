import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDGenderMismatchTests {
    @Test(arguments: [(123, "女"), (124, "男"), (125, "F"), (126, "male")])
    func catchesTheWrongGender(sequence: Int, written: String) throws {
        let id = ApplicantBuilder.residentID(sequence: sequence)
        let findings = RuleHarness.run(IDGenderMismatch(), RuleHarness.single(["身份证号": id, "性别": written]))
        let finding = try #require(findings.first)
        #expect(finding.code == .idGenderMismatch)
        #expect(finding.severity == .warning)
        #expect(finding.field == "性别")
        #expect(finding.text.contains(sequence % 2 == 1 ? "表示男性" : "表示女性"))
    }

    @Test(arguments: [(123, "男"), (124, "女"), (123, "M"), (124, "女性"), (123, ""), (123, "未知")])
    func leavesMatchingOrUnknownGendersAlone(sequence: Int, written: String) {
        let id = ApplicantBuilder.residentID(sequence: sequence)
        #expect(RuleHarness.run(IDGenderMismatch(), RuleHarness.single(["身份证号": id, "性别": written])).isEmpty)
    }

    @Test func silentWithoutAGenderColumn() {
        let headers = ApplicantBuilder.standardHeaders.filter { $0 != "性别" }
        let id = ApplicantBuilder.residentID(sequence: 124)
        #expect(RuleHarness.run(IDGenderMismatch(), RuleHarness.single(["身份证号": id], headers: headers)).isEmpty)
    }
}
