import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDBirthdateTests {
    @Test(arguments: [
        ("20101301", "出生日期 2010-13-01 不存在"), ("20100230", "出生日期 2010-02-30 不存在"),
        ("20110229", "出生日期 2011-02-29 不存在"), ("20270101", "出生日期 2027-01-01 晚于学期开始日 2026-09-01"),
    ])
    func catchesDatesThatAreNotRealOrInTheFuture(birth: String, wording: String) throws {
        let id = ApplicantBuilder.residentID(birth: birth)
        #expect(ResidentID(id)?.isChecksumValid == true)
        let findings = RuleHarness.run(IDBirthdate(), RuleHarness.single(["身份证号": id]))
        let finding = try #require(findings.first)
        #expect(finding.code == .idBirthdate)
        #expect(finding.severity == .error)
        #expect(finding.text.contains(wording), "\(finding.text)")
    }

    @Test(arguments: ["20080229", "20260901", "20101231"])
    func leavesRealDatesAlone(birth: String) {
        let id = ApplicantBuilder.residentID(birth: birth)
        #expect(RuleHarness.run(IDBirthdate(), RuleHarness.single(["身份证号": id])).isEmpty)
    }

    @Test func standardExamplesAreFine() {
        for id in ["11010519491231002X", "440524188001010014"] {
            #expect(RuleHarness.run(IDBirthdate(), RuleHarness.single(["身份证号": id])).isEmpty)
        }
    }
}
