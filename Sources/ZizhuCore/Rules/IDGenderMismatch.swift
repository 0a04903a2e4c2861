/// `id-gender-mismatch`: the 17th digit (odd for men, even for women) disagrees with the 性别 column.
/// Silent when the column is absent or holds something other than 男/女 (M/F).
struct IDGenderMismatch: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let id = row.facts.id, let written = row[.gender],
              let gender = ResidentID.Gender(text: written), gender != id.gender
        else { return }
        findings.emit(Finding(.idGenderMismatch, for: row.applicant, field: .gender,
                              value: row.applicant.value(.idNumber),
                              arguments: RuleText.gender(written, id: id.gender)))
    }
}
