import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct PhoneSharedTests {
    let phone = "13912345678"

    @Test func catchesOnePhoneOnThreeFamilies() {
        var round = ApplicantBuilder()
        round.rows(3) { _ in ["联系电话": phone] }
        round.row(["联系电话": "+86 139 1234 5678"])
        round.row()
        let findings = RuleHarness.run(PhoneShared(), round)
        #expect(findings.map(\.row) == [0, 1, 2, 3])
        #expect(findings.allSatisfy { $0.code == .phoneShared && $0.severity == .warning && $0.related.count == 3 })
        #expect(findings[0].arguments["families"] == "4")
        #expect(findings[0].text.hasPrefix("联系电话“13912345678”出现在 4 个不同家庭的 4 名申请人上（另见第 3 行、第 4 行、第 5 行）"))
    }

    @Test func siblingsShareAParentsPhone() {
        var round = ApplicantBuilder()
        // Three siblings: same guardian; two of them also list the same address.
        round.row(["联系电话": phone, "监护人": "赵建国", "家庭住址": "示例村1号"])
        round.row(["联系电话": phone, "监护人": "赵建国", "家庭住址": "示例村 1 号"])
        round.row(["联系电话": phone, "监护人": "", "家庭住址": "示例村1号"])
        round.row(["联系电话": phone])
        #expect(RuleHarness.run(PhoneShared(), round).isEmpty, "two families stay under the threshold of 3")
    }

    @Test func belowTheThresholdIsFine() {
        var round = ApplicantBuilder()
        round.rows(2) { _ in ["联系电话": phone] }
        #expect(RuleHarness.run(PhoneShared(), round).isEmpty)
        var policy = Policy.default
        policy.sharedPhoneThreshold = 2
        #expect(RuleHarness.run(PhoneShared(), round, policy: policy).count == 2)
    }

    @Test func shortNumbersAreIgnored() {
        var round = ApplicantBuilder()
        round.rows(4) { _ in ["联系电话": "无"] }
        #expect(RuleHarness.run(PhoneShared(), round).isEmpty)
    }
}
