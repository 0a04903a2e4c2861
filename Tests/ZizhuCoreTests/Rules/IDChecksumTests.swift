import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDChecksumTests {
    @Test(arguments: [("110105194912310021", "X", "1"), ("440524188001010015", "4", "5"), ("37010220100512123X", "5", "X")])
    func catchesWrongCheckCharacters(id: String, expected: String, actual: String) throws {
        let findings = RuleHarness.run(IDChecksum(), RuleHarness.single(["身份证号": id]))
        let finding = try #require(findings.first)
        #expect(finding.code == .idChecksum)
        #expect(finding.arguments["expected"] == expected)
        #expect(finding.arguments["actual"] == actual)
        #expect(finding.text.contains("校验位应为 \(expected)，实为 \(actual)"))
    }

    @Test(arguments: [
        "11010519491231002X", "440524188001010014", "11010519491231002x",
        ApplicantBuilder.residentID(birth: "20101301"), ApplicantBuilder.residentID(region: "990102"),
        "110105491231002",
    ])
    func leavesValidChecksumsAlone(id: String) {
        #expect(RuleHarness.run(IDChecksum(), RuleHarness.single(["身份证号": id])).isEmpty)
    }
}
