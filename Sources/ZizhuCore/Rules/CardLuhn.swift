/// `card-luhn`: the card fails the Luhn check. A warning only: Chinese cards are not bound to Luhn.
struct CardLuhn: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let card = row.facts.card, !card.passesLuhn else { return }
        findings.emit(Finding(.cardLuhn, for: row.applicant, field: .card, value: card.digits))
    }
}
