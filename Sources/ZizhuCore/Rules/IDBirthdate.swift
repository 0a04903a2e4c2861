/// `id-birthdate`: the birth-date digits (7–14) are not a real date (month 13, 30 February), or the date
/// lies after the term start. A correct checksum does not make the date right.
struct IDBirthdate: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let id = row.facts.id else { return }
        let arguments: [String: String]
        if let date = id.birthDate {
            guard let termStart = row.environment.termStart, date > termStart else { return }
            arguments = RuleText.birthdateInFuture(date.description, termStart: termStart.description)
        } else {
            arguments = RuleText.birthdateNotReal(id.birthDateText)
        }
        findings.emit(Finding(.idBirthdate, for: row.applicant, field: .idNumber,
                              value: row.applicant.value(.idNumber), arguments: arguments))
    }
}
