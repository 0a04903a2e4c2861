@testable import ZizhuCore
import ZizhuTestSupport

/// Runs one rule the way the validator does, so that each rule's tests see only its own findings.
enum RuleHarness {
    static func run(_ rule: some RowRule, _ round: ApplicantBuilder, policy: Policy = .default,
                    importFindings: [Finding] = []) -> [Finding] {
        let environment = RuleEnvironment(policy: policy)
        let flags = Validator.importFlags(importFindings, rows: round.applicants.count)
        var findings: [Finding] = []
        for applicant in round.applicants {
            let facts = RowFacts(applicant: applicant, importFlags: flags[applicant.index] ?? 0,
                                 termStart: environment.termStart)
            rule.check(RowContext(applicant: applicant, facts: facts, environment: environment), into: &findings)
        }
        return findings
    }

    static func run(_ rule: some RoundRule, _ round: ApplicantBuilder, policy: Policy = .default) -> [Finding] {
        let environment = RuleEnvironment(policy: policy)
        var index = RoundIndex(rows: round.applicants.count)
        for applicant in round.applicants {
            let facts = RowFacts(applicant: applicant, importFlags: 0, termStart: environment.termStart)
            index.add(applicant, facts: facts, olderThan: environment.age.olderThan)
        }
        index.finish()
        var findings: [Finding] = []
        rule.check(RoundContext(applicants: round.applicants, index: index, environment: environment), into: &findings)
        return findings
    }

    /// One row with these cells (the rest clean), in `高一(1)班.csv`.
    static func single(_ values: [String: String], headers: [String] = ApplicantBuilder.standardHeaders) -> ApplicantBuilder {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headers: headers)
        round.row(values)
        return round
    }
}

extension Finding {
    /// The Chinese message, with values shown: what tests compare.
    var text: String { MessageCatalog.message(for: self, language: .zh, showValues: true) }
    var english: String { MessageCatalog.message(for: self, language: .en, showValues: true) }
}
