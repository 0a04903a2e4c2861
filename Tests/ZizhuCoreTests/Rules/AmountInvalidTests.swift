import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct AmountInvalidTests {
    @Test(arguments: [
        ("1150.005", "超过两位小数"), ("-800", "是负数"), ("壹仟", "使用了中文数字"), ("一千一百五十", "使用了中文数字"),
        ("", "未填写"), ("约1150", "不是数字"), ("11,50", "不是数字"),
    ])
    func catchesAmountsThatAreNotMoney(amount: String, wording: String) throws {
        let findings = RuleHarness.run(AmountInvalid(), RuleHarness.single(["资助金额": amount]))
        let finding = try #require(findings.first)
        #expect(finding.code == .amountInvalid)
        #expect(finding.severity == .error)
        #expect(finding.text.hasPrefix("资助金额“\(amount)”无效：\(wording)"), "\(finding.text)")
    }

    @Test func namesTheProblemConcretely() throws {
        let finding = try #require(RuleHarness.run(AmountInvalid(), RuleHarness.single(["资助金额": "壹仟"])).first)
        #expect(finding.text == "资助金额“壹仟”无效：使用了中文数字，请写阿拉伯数字。")
        #expect(finding.english == "The amount “壹仟” is not valid: it is written in Chinese numerals.")
    }

    @Test(arguments: ["312.50", "1,150", "1150", "1150.00", "¥800", "800元", "1200"])
    func leavesDecimalAmountsAlone(amount: String) {
        #expect(RuleHarness.run(AmountInvalid(), RuleHarness.single(["资助金额": amount])).isEmpty)
    }
}
