import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct StudentNumberMismatchTests {
    let id = ApplicantBuilder.residentID()
    let other = ApplicantBuilder.residentID(sequence: 321)

    @Test func catchesAGNumberOfAnotherID() throws {
        let findings = RuleHarness.run(StudentNumberMismatch(), RuleHarness.single(["身份证号": id, "学籍号": "G" + other]))
        let finding = try #require(findings.first)
        #expect(finding.code == .studentNumberMismatch)
        #expect(finding.severity == .error)
        #expect(finding.text.contains("G 后应为身份证号 \(id)"))
    }

    @Test func catchesTheIDWithoutItsG() throws {
        let findings = RuleHarness.run(StudentNumberMismatch(), RuleHarness.single(["身份证号": id, "学籍号": id]))
        #expect(try #require(findings.first).text.contains("缺少前缀 G"))
    }

    @Test func catchesUnknownPrefixes() throws {
        let findings = RuleHarness.run(StudentNumberMismatch(), RuleHarness.single(["身份证号": id, "学籍号": "X2026001"]))
        #expect(try #require(findings.first).text.contains("不是以 G、J 或 L 开头"))
    }

    @Test func leavesMatchingAndOtherKindsAlone() {
        for number in ["G" + id, "g" + id, "G" + id.lowercased(), "J3701020001", "L2026000123", ""] {
            #expect(RuleHarness.run(StudentNumberMismatch(), RuleHarness.single(["身份证号": id, "学籍号": number])).isEmpty,
                    "\(number)")
        }
    }

    @Test func aLegacyIDMatchesItsEighteenDigitForm() {
        let round = RuleHarness.single(["身份证号": "110105491231002", "学籍号": "G11010519491231002X"])
        #expect(RuleHarness.run(StudentNumberMismatch(), round).isEmpty)
    }
}
