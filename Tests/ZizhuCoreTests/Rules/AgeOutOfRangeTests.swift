import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct AgeOutOfRangeTests {
    @Test(arguments: [("20000101", 26), ("20000831", 26), ("20160101", 10), ("20140902", 11)])
    func catchesAgesOutsideThePolicy(birth: String, age: Int) throws {
        let findings = RuleHarness.run(AgeOutOfRange(), RuleHarness.single(["身份证号": ApplicantBuilder.residentID(birth: birth)]))
        let finding = try #require(findings.first)
        #expect(finding.code == .ageOutOfRange)
        #expect(finding.severity == .warning)
        #expect(finding.arguments["age"] == String(age))
        #expect(finding.text.contains("年龄为 \(age) 岁，不在政策范围 12–25 岁内"))
    }

    /// 25 on the term start is still in range; so is 12.
    @Test(arguments: ["20010901", "20010902", "20140901", "20100512"])
    func leavesAgesInRangeAlone(birth: String) {
        let round = RuleHarness.single(["身份证号": ApplicantBuilder.residentID(birth: birth)])
        #expect(RuleHarness.run(AgeOutOfRange(), round).isEmpty)
    }

    @Test func usesTheBirthDateColumnWhenTheIDIsUnusable() throws {
        let headers = ApplicantBuilder.standardHeaders + ["出生日期"]
        let round = RuleHarness.single(["身份证号": "370102", "出生日期": "1999-03-04"], headers: headers)
        let finding = try #require(RuleHarness.run(AgeOutOfRange(), round).first)
        #expect(finding.field == "出生日期")
        #expect(finding.arguments["age"] == "27")
    }

    @Test func aStricterPolicyCatchesMore() {
        var policy = Policy.default
        policy.age.maximum = 15
        let round = RuleHarness.single(["身份证号": ApplicantBuilder.residentID(birth: "20100512")])
        #expect(RuleHarness.run(AgeOutOfRange(), round, policy: policy).count == 1)
    }
}
