extension RoundResult {
    /// The round as the import alone decides it (`zizhu check --only-import`, which times the import stage):
    /// a row is returned when an import finding about it is an error. `applicants` are the rows when they were
    /// kept (their amounts are then summed); rows streamed through the import are only counted, in `inputs`.
    public static func importOnly(policy: Policy, inputs: [InputSummary], applicants: [Applicant],
                                  findings: [Finding]) -> RoundResult {
        let rows = inputs.reduce(0) { $0 + $1.rows }
        var isReturned = [Bool](repeating: false, count: rows)
        var summary = Summary()
        summary.rows = rows
        for finding in findings {
            switch finding.severity {
            case .error:
                summary.errors += 1
                if let row = finding.row, row >= 0, row < rows, !isReturned[row] {
                    isReturned[row] = true
                    summary.returned += 1
                }
            case .warning: summary.warnings += 1
            case .info: break
            }
        }
        summary.accepted = rows - summary.returned
        for applicant in applicants where applicant.index < rows {
            guard let amount = applicant.amount else { continue }
            summary.amountIn += amount
            if isReturned[applicant.index] {
                summary.amountReturned += amount
            } else {
                summary.amountAccepted += amount
            }
        }
        return RoundResult(policy: policy, inputs: inputs, applicants: applicants, findings: Validator.sorted(findings),
                           isReturned: isReturned, summary: summary)
    }
}
