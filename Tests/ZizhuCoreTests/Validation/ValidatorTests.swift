import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct ValidatorTests {
    @Test func cleanRowsDrawNoFinding() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.rows(60)
        round.file("高一(2)班.csv")
        round.rows(60)
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        for finding in result.findings { Issue.record("\(finding.location) \(finding.code.rawValue): \(finding.text)") }
        #expect(result.summary.rows == 120)
        #expect(result.summary.accepted == 120)
    }
}
