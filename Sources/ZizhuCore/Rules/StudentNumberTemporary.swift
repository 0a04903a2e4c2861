/// `student-number-temporary`: an `L…` number is temporary and not yet confirmed by the enrolment system.
struct StudentNumberTemporary: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        guard let text = row[.studentNumber], let first = text.utf8.first else { return }
        // Only a cell starting with L (or a blank) can be temporary: skip the parse for G and J numbers.
        guard first | 0x20 == UInt8(ascii: "l") || first <= 0x20 || first >= 0x80 else { return }
        guard StudentNumber(text).kind == .temporary else { return }
        findings.emit(Finding(.studentNumberTemporary, for: row.applicant, field: .studentNumber, value: text))
    }
}
