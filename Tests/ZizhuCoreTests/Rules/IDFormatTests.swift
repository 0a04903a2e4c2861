import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDFormatTests {
    @Test(arguments: [
        ("", "未填写"),
        ("3701022010051212", "有 16 位，应为 18 位"),
        ("37010220100512123A", "含有不该出现的字符“A”"),
        ("370102201X05121235", "X 只能是最后一位"),
        ("3701０２20100512123", "含有不该出现的字符“０”"),
    ])
    func catchesMalformedNumbers(id: String, wording: String) throws {
        let findings = RuleHarness.run(IDFormat(), RuleHarness.single(["身份证号": id]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .idFormat)
        #expect(finding.severity == .error)
        #expect(finding.field == "身份证号")
        #expect(finding.text.contains(wording), "\(finding.text)")
    }

    @Test(arguments: ["11010519491231002X", "11010519491231002x", "110105491231002", "110105194912310021"])
    func leavesWellFormedNumbersAlone(id: String) {
        #expect(RuleHarness.run(IDFormat(), RuleHarness.single(["身份证号": id])).isEmpty)
    }

    @Test func silentWithoutAnIDColumn() {
        let headers = ApplicantBuilder.standardHeaders.filter { $0 != "身份证号" }
        #expect(RuleHarness.run(IDFormat(), RuleHarness.single([:], headers: headers)).isEmpty)
    }

    @Test func silentWhenTheImportAlreadyFlaggedTheCell() {
        let round = RuleHarness.single(["身份证号": "3.70102E+17"])
        let mangled = Finding(.valueExcelMangled, for: round.applicants[0], field: .idNumber, value: "3.70102E+17")
        #expect(RuleHarness.run(IDFormat(), round, importFindings: [mangled]).isEmpty)
        #expect(RuleHarness.run(IDFormat(), round).count == 1)
    }
}
