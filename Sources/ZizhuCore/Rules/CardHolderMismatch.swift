/// `card-holder-mismatch`: the 持卡人 is neither the student nor a guardian named in the 监护人 column
/// (several guardians may be listed, separated by 、 or commas; a note in brackets such as `（父）` is
/// ignored). Silent when the 持卡人 column is absent or empty.
struct CardHolderMismatch: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let holderText = row[.cardHolder], let nameText = row[.name] else { return }
        let holder = CardHolderMismatch.person(holderText)
        let name = CardHolderMismatch.person(nameText)
        guard !holder.isEmpty, !name.isEmpty, holder != name else { return }
        let guardianText = row[.guardian]
        if let guardianText {
            let guardians = guardianText.split(whereSeparator: { "、,，;；/".contains($0) })
            if guardians.contains(where: { CardHolderMismatch.person(String($0)) == holder }) { return }
        }
        findings.emit(Finding(.cardHolderMismatch, for: row.applicant, field: .cardHolder, value: holderText,
                              arguments: RuleText.holder(holderText, name: nameText, guardian: guardianText)))
    }

    /// A name without spaces and without a bracketed note.
    static func person(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            switch ch {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            case " ", "\u{3000}", "\u{00A0}": continue
            default: if depth == 0 { out.append(ch) }
            }
        }
        return out
    }
}
