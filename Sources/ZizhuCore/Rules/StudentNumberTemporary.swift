/// `student-number-temporary`: an `L…` number is temporary and not yet confirmed by the enrolment system.
struct StudentNumberTemporary: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        guard let text = row[.studentNumber], !text.isEmpty, StudentNumber(text).kind == .temporary else { return }
        findings.emit(Finding(.studentNumberTemporary, for: row.applicant, field: .studentNumber, value: text))
    }
}
