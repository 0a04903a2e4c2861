import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct AmountNotStandardTests {
    @Test(arguments: [("1200", "1200.00"), ("312.50", "312.50"), ("0", "0.00"), ("1,150.50", "1150.50")])
    func catchesAmountsOffTheTierList(amount: String, shown: String) throws {
        let findings = RuleHarness.run(AmountNotStandard(), RuleHarness.single(["资助金额": amount]))
        let finding = try #require(findings.first)
        #expect(finding.code == .amountNotStandard)
        #expect(finding.severity == .error)
        #expect(finding.text == "金额 \(shown) 不在档次表（1500.00/1150.00/800.00）中。")
        #expect(MessageCatalog.fix(for: finding).contains("特别困难 1500.00、困难 1150.00、一般困难 800.00"))
    }

    @Test(arguments: ["1500", "1,150", "1150.00", "¥800", "800元", "壹仟", "1150.005"])
    func leavesTierAmountsAndInvalidOnesAlone(amount: String) {
        #expect(RuleHarness.run(AmountNotStandard(), RuleHarness.single(["资助金额": amount])).isEmpty)
    }

    @Test func followsThePolicysTiers() {
        var policy = Policy.default
        policy.tiers = [Policy.Tier(level: "特别困难", amount: Money(fen: 31_250))]
        #expect(RuleHarness.run(AmountNotStandard(), RuleHarness.single(["资助金额": "312.50"]), policy: policy).isEmpty)
        #expect(RuleHarness.run(AmountNotStandard(), RuleHarness.single(["资助金额": "1500"]), policy: policy).count == 1)
    }
}
