extension RoundResult {
    /// The round as the import alone decides it (`zizhu check --only-import`, which times the import stage):
    /// a row is returned when an import finding about it is an error. `applicants` are the rows when they were
    /// kept (their amounts are then summed); rows streamed through the import are only counted, in `inputs`.
    public static func importOnly(policy: Policy, inputs: [InputSummary], applicants: [Applicant],
                                  findings: [Finding]) -> RoundResult {
        var amounts = [Int64](repeating: 0, count: inputs.reduce(0) { $0 + $1.rows })
        for applicant in applicants where applicant.index < amounts.count {
            amounts[applicant.index] = applicant.amount?.fen ?? 0
        }
        let (isReturned, summary) = Validator.decide(findings, amounts: amounts)
        return RoundResult(policy: policy, inputs: inputs, applicants: applicants, findings: Validator.sorted(findings),
                           isReturned: isReturned, summary: summary)
    }
}
