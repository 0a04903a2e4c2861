import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CardLuhnTests {
    @Test(arguments: ["6228480402564890017", "6222020200112345678"])
    func warnsOnLuhnFailures(card: String) throws {
        let findings = RuleHarness.run(CardLuhn(), RuleHarness.single(["银行卡号": card]))
        let finding = try #require(findings.first)
        #expect(finding.code == .cardLuhn)
        #expect(finding.severity == .warning, "Chinese cards may fail Luhn: never an error by default")
    }

    @Test(arguments: ["6228480402564890018", ApplicantBuilder.card(bin: "621700", serial: 42), "62284804"])
    func leavesLuhnValidOrMalformedCardsAlone(card: String) {
        #expect(RuleHarness.run(CardLuhn(), RuleHarness.single(["银行卡号": card])).isEmpty)
    }
}
