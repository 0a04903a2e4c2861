/// `id-format`: the ID cell is empty, has neither 18 nor 15 characters, or holds characters that have no
/// place in an ID number. A 15-digit number is `id-legacy`, not this.
struct IDFormat: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard case .malformed(let problem)? = row.facts.idParsed else { return }
        let value = row.applicant.value(.idNumber)
        findings.emit(Finding(.idFormat, for: row.applicant, field: .idNumber, value: value,
                              arguments: RuleText.idFormat(problem, value: value)))
    }
}
