/// `age-out-of-range`: the age at the term start (from the ID number, or a 出生日期 column when the ID is
/// unusable) is below `age.minimum` or above `age.maximum`.
struct AgeOutOfRange: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let age = row.facts.age, let termStart = row.environment.termStart else { return }
        let limits = row.policy.age
        guard age < limits.minimum || age > limits.maximum else { return }
        let field: Field = row.facts.id?.birthDate != nil ? .idNumber : .birthDate
        findings.emit(Finding(.ageOutOfRange, for: row.applicant, field: field,
                              arguments: ["termStart": termStart.description, "age": String(age),
                                          "minimum": String(limits.minimum), "maximum": String(limits.maximum)]))
    }
}
