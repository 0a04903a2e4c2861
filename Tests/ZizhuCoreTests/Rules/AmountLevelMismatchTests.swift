import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct AmountLevelMismatchTests {
    @Test(arguments: [
        (["困难等级": "困难", "资助金额": "1500", "困难类型": "其他"], "困难等级“困难”对应 1150.00，但金额为 1500.00"),
        (["困难等级": "一般困难", "资助金额": "1150", "困难类型": "其他"], "困难等级“一般困难”对应 800.00，但金额为 1150.00"),
        (["困难等级": "困难", "资助金额": "1150", "困难类型": "低保"], "困难类型“低保”属特殊群体，通常按最高档 1500.00 资助，但金额为 1150.00"),
        (["困难等级": "", "资助金额": "800", "困难类型": "孤儿"], "困难类型“孤儿”属特殊群体"),
    ])
    func catchesTiersThatDoNotMatch(values: [String: String], wording: String) throws {
        let findings = RuleHarness.run(AmountLevelMismatch(), RuleHarness.single(values))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .amountLevelMismatch)
        #expect(finding.severity == .warning)
        #expect(finding.text.contains(wording), "\(finding.text)")
    }

    @Test(arguments: [
        ["困难等级": "困难", "资助金额": "1150", "困难类型": "其他"],
        ["困难等级": "二档", "资助金额": "1,150.00", "困难类型": "其他"],
        ["困难等级": "特别困难", "资助金额": "1500", "困难类型": "低保"],
        ["困难等级": "特别困难", "资助金额": "1500", "困难类型": "低保户"],
        ["困难等级": "困难", "资助金额": "1200", "困难类型": "其他"],
        ["困难等级": "困难", "资助金额": "壹仟", "困难类型": "其他"],
        ["困难等级": "一般困难", "资助金额": "800", "困难类型": ""],
        // No tier at all is level-unknown's, not this rule's.
        ["困难等级": "特困", "资助金额": "1500", "困难类型": "其他"],
        // The national system's names and cleaned forms find the tier and the special group.
        ["困难等级": "Ａ档", "资助金额": "1500", "困难类型": "最低生活保障家庭"],
        ["困难等级": "a", "资助金额": "1500", "困难类型": "城乡低保"],
    ])
    func leavesMatchingTiersAlone(values: [String: String]) {
        #expect(RuleHarness.run(AmountLevelMismatch(), RuleHarness.single(values)).isEmpty)
    }
}
