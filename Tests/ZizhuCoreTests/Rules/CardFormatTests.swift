import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CardFormatTests {
    @Test(arguments: [
        ("", "未填写"), ("622848040256489", "有 15 位数字，银行卡号应为 16–19 位"),
        ("62284804025648900181", "有 20 位数字"), ("622848040256489001O", "含有非数字字符“O”"),
        ("6.22848E+18", "含有非数字字符“.”"),
    ])
    func catchesMalformedCards(card: String, wording: String) throws {
        let findings = RuleHarness.run(CardFormat(), RuleHarness.single(["银行卡号": card]))
        let finding = try #require(findings.first)
        #expect(finding.code == .cardFormat)
        #expect(finding.severity == .error)
        #expect(finding.field == "银行卡号")
        #expect(finding.text.contains(wording), "\(finding.text)")
    }

    @Test(arguments: ["6228480402564890018", "6228 4804 0256 4890 018", "6225880000000000", "6228480402564890017"])
    func leavesWellFormedCardsAlone(card: String) {
        #expect(RuleHarness.run(CardFormat(), RuleHarness.single(["银行卡号": card])).isEmpty)
    }

    @Test func silentWhenTheImportFlaggedTheCell() {
        let round = RuleHarness.single(["银行卡号": "6.22848E+18"])
        let mangled = Finding(.valueExcelMangled, for: round.applicants[0], field: .card, value: "6.22848E+18")
        #expect(RuleHarness.run(CardFormat(), round, importFindings: [mangled]).isEmpty)
    }
}
