import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct IDRegionTests {
    @Test(arguments: [("990102", "99"), ("200102", "20"), ("010102", "01"), ("720102", "72"), ("840102", "84")])
    func catchesUnknownProvinces(region: String, province: String) throws {
        let id = ApplicantBuilder.residentID(region: region)
        let findings = RuleHarness.run(IDRegion(), RuleHarness.single(["身份证号": id]))
        let finding = try #require(findings.first)
        #expect(finding.code == .idRegion)
        #expect(finding.arguments["province"] == province)
        #expect(finding.text.contains("“\(province)”不是有效的省级行政区划代码"))
    }

    @Test(arguments: ["110105", "150102", "370102", "460102", "540102", "650102", "710102", "810102", "830102"])
    func leavesRealProvincesAlone(region: String) {
        let id = ApplicantBuilder.residentID(region: region)
        #expect(RuleHarness.run(IDRegion(), RuleHarness.single(["身份证号": id])).isEmpty)
    }
}
