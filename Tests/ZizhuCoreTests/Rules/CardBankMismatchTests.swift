import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CardBankMismatchTests {
    @Test(arguments: [
        ("622848", "中国工商银行示例支行", "中国农业银行"), ("621799", "农行", "中国邮政储蓄银行"),
        ("622848", "示例县农村信用合作联社", "中国农业银行"), ("621521", "建行", "山东省农村信用社"),
        ("621661", "中国建设银行", "中国银行"),
    ])
    func catchesCardsOfAnotherBank(bin: String, bank: String, cardBank: String) throws {
        let card = ApplicantBuilder.card(bin: bin, serial: 7)
        let findings = RuleHarness.run(CardBankMismatch(), RuleHarness.single(["银行卡号": card, "开户行": bank]))
        let finding = try #require(findings.first)
        #expect(finding.code == .cardBankMismatch)
        #expect(finding.severity == .warning)
        #expect(finding.arguments["cardBank"] == cardBank)
        #expect(finding.text.contains("银行卡号前缀 \(bin) 属于\(cardBank)，但开户行填写为“\(bank)”"))
    }

    @Test(arguments: [
        ("622848", "农行"), ("622848", "中国农业银行示例支行"), ("622202", "工行"), ("621700", "建行"),
        ("621661", "中行"), ("621799", "邮储"), ("622180", "中国邮政储蓄银行"), ("621521", "示例县农村商业银行"),
        ("621521", "信用社"), ("622991", "农商行"), ("622848", "示例银行"), ("999999", "工行"), ("622848", ""),
    ])
    func leavesMatchingOrUnknownBanksAlone(bin: String, bank: String) {
        let card = ApplicantBuilder.card(bin: bin, serial: 7)
        #expect(RuleHarness.run(CardBankMismatch(), RuleHarness.single(["银行卡号": card, "开户行": bank])).isEmpty)
    }
}
