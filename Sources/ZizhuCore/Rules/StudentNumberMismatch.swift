/// `student-number-mismatch`: a `G` number must be `G` + the ID column (the 18-digit form of a legacy
/// number). An ID number typed without its `G`, or a number with no known prefix, is reported too.
/// `J` numbers (students without an ID) are fine; `L` numbers are `student-number-temporary`.
struct StudentNumberMismatch: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        guard let text = row[.studentNumber], !text.isEmpty, !row.facts.importFlagged(.studentNumber) else { return }
        // The common case: exactly `G` + the ID cell.
        if row.facts.id != nil, let cell = row[.idNumber], text.isLetter(UInt8(ascii: "G"), followedBy: cell) { return }
        let number = StudentNumber(text)
        let problem: RuleText.StudentNumberProblem
        switch number.kind {
        case .school, .temporary:
            return
        case .national:
            guard let id = row.facts.id, let embedded = number.embeddedID else { return }
            // Compare the numbers (a lowercase x, a legacy ID cell).
            if case .standard(let carried) = ResidentID.parse(embedded), carried == id { return }
            problem = .differs(expected: id.text)
        case .unrecognised:
            if let id = row.facts.id, ResidentID.parse(number.text).id == id {
                problem = .missingPrefix
            } else {
                problem = .unrecognised
            }
        }
        findings.emit(Finding(.studentNumberMismatch, for: row.applicant, field: .studentNumber, value: text,
                              arguments: RuleText.studentNumber(problem)))
    }
}
