/// `card-format`: the card cell is empty, holds something other than digits (spaces and hyphens between
/// groups are fine), or is not 16–19 digits long.
struct CardFormat: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let problem = row.facts.cardProblem else { return }
        let value = row.applicant.value(.card)
        findings.emit(Finding(.cardFormat, for: row.applicant, field: .card, value: value,
                              arguments: RuleText.card(problem, value: value)))
    }
}
