/// `student-number-mismatch`: a `G` number must be `G` + the ID column (the 18-digit form of a legacy
/// number). An ID number typed without its `G`, or a number with no known prefix, is reported too.
/// `J` numbers (students without an ID) are fine; `L` numbers are `student-number-temporary`.
struct StudentNumberMismatch: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let text = row[.studentNumber], !text.isEmpty, !row.facts.importFlagged(.studentNumber) else { return }
        let number = StudentNumber(text)
        let problem: RuleText.StudentNumberProblem
        switch number.kind {
        case .school, .temporary:
            return
        case .national:
            guard let id = row.facts.id, let embedded = number.embeddedID else { return }
            let expected = id.text
            guard embedded.uppercased() != expected else { return }
            problem = .differs(expected: expected)
        case .unrecognised:
            if let id = row.facts.id, number.text.uppercased() == id.text {
                problem = .missingPrefix
            } else {
                problem = .unrecognised
            }
        }
        findings.emit(Finding(.studentNumberMismatch, for: row.applicant, field: .studentNumber, value: text,
                              arguments: RuleText.studentNumber(problem)))
    }
}
