/// `card-bank-mismatch`: the bank the card's BIN belongs to (longest prefix in the BIN table) is not the
/// bank the 开户行 cell names. Short names (农行, 工行, 邮储, 信用社, 农商行 …) count; banks of one family
/// (every 农信社 and 农商行) never disagree; an unknown BIN or an 开户行 naming no known bank says nothing.
struct CardBankMismatch: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let card = row.facts.card, let bankText = row[.bank], !bankText.isEmpty,
              let (prefix, cardBank) = row.environment.bins.lookup(card.digits),
              let named = row.environment.bank(namedIn: bankText),
              named.family != cardBank.family
        else { return }
        findings.emit(Finding(.cardBankMismatch, for: row.applicant, field: .bank, value: card.digits,
                              arguments: ["bin": prefix, "cardBank": cardBank.name, "bank": bankText]))
    }
}
