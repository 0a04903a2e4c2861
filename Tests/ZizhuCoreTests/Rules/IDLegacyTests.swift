import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDLegacyTests {
    @Test func catchesFifteenDigitNumbersWithTheConvertedNumber() throws {
        let findings = RuleHarness.run(IDLegacy(), RuleHarness.single(["身份证号": "110105491231002"]))
        let finding = try #require(findings.first)
        #expect(finding.code == .idLegacy)
        #expect(finding.severity == .warning)
        #expect(finding.arguments["converted"] == "11010519491231002X")
        #expect(finding.text.contains("11010519491231002X"))
        #expect(finding.english.contains("11010519491231002X"))
        // Masked on screen unless asked.
        #expect(!MessageCatalog.message(for: finding).contains("11010519491231002X"))
    }

    @Test(arguments: ["11010519491231002X", "1101054912310020", "11010549123100"])
    func nearMisses(id: String) {
        #expect(RuleHarness.run(IDLegacy(), RuleHarness.single(["身份证号": id])).isEmpty)
    }
}
