import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct LevelUnknownTests {
    @Test(arguments: ["特困", "四档", "D", "乱写"])
    func flagsALevelThatIsNoTier(cell: String) throws {
        let findings = RuleHarness.run(LevelUnknown(), RuleHarness.single(["困难等级": cell, "资助金额": "1500"]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .levelUnknown)
        #expect(finding.severity == .error)
        #expect(finding.field == "困难等级")
        #expect(finding.text.hasPrefix("困难等级“\(cell)”不在档次表中（特别困难（一档"), "\(finding.text)")
    }

    @Test(arguments: ["特别困难", "困难", "一般困难", "一档", "二档", "三档", "A", "B", "C", "A档", "ａ档", "Ｃ", "b",
                      "第二档", " 一 档 ", "家庭经济困难", ""])
    func acceptsTheLevelsAndTheirUsualWording(cell: String) {
        #expect(RuleHarness.run(LevelUnknown(), RuleHarness.single(["困难等级": cell, "资助金额": "1150"])).isEmpty, "\(cell)")
        if !cell.isEmpty { #expect(Policy.default.tier(forLevel: cell) != nil) }
    }

    @Test func cleansAsTheImporterDoes() {
        #expect(Vocabulary.key("ａ 档") == "A档")
        #expect(Vocabulary.key("脱贫家庭学生") == "脱贫家庭")
        #expect(Vocabulary.key("学生") == "学生")
        #expect(Vocabulary.key("低保\u{200B}户") == "低保户")
    }
}
