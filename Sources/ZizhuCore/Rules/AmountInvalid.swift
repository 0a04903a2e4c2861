/// `amount-invalid`: the amount is empty, not a decimal with at most two places, negative, or written in
/// Chinese numerals (壹仟). Thousands separators (`1,150`), `¥` and `元` are fine.
struct AmountInvalid: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard case .failure(let error)? = row.facts.amount, !row.facts.importFlagged(.amount) else { return }
        findings.emit(Finding(.amountInvalid, for: row.applicant, field: .amount, value: row.applicant.value(.amount),
                              arguments: RuleText.amount(error)))
    }
}
