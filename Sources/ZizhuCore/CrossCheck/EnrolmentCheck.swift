/// `not-enrolled` and `enrolment-mismatch`: every applicant against the enrolment roster, one hash lookup
/// per row.
public struct EnrolmentCheck: RoundCheck {
    public let roster: EnrolmentRoster

    public init(roster: EnrolmentRoster) {
        self.roster = roster
    }

    public func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
        findings.append(contentsOf: roster.readFindings)
        for applicant in applicants {
            let id = applicant.value(.idNumber).trimmedForRules
            let number = applicant.value(.studentNumber).trimmedForRules
            // A row without any identifier is id-format's business; there is nothing to look up.
            guard !id.isEmpty || !number.isEmpty else { continue }
            guard let record = roster.lookup(id: id, studentNumber: number) else {
                let text = CrossCheckMessages.notOnRoster(roster: roster.file)
                findings.append(Finding(.notEnrolled, for: applicant, field: id.isEmpty ? .studentNumber : .idNumber,
                                        value: id.isEmpty ? number : id,
                                        arguments: ["detail": text.zh, "detailEn": text.en, "status": ""]))
                continue
            }
            if let status = record.inactiveStatus {
                let text = CrossCheckMessages.inactive(status: record.status.trimmedForRules,
                                                       at: record.location)
                findings.append(Finding(.notEnrolled, for: applicant, field: .enrolmentStatus,
                                        arguments: ["detail": text.zh, "detailEn": text.en, "status": status],
                                        related: [record.location]))
                continue
            }
            var differing: [Field] = []
            if let name = applicant[.name], !name.isEmpty, !record.name.isEmpty,
               CrossCheckText.nameKey(name) != CrossCheckText.nameKey(record.name) {
                differing.append(.name)
            }
            let grade = applicant.value(.grade)
            if !CrossCheckText.sameGrade(grade, record.grade) { differing.append(.grade) }
            if !CrossCheckText.sameClass(applicant.value(.className), record.className,
                                         grades: [grade, record.grade]) {
                differing.append(.className)
            }
            guard !differing.isEmpty else { continue }
            let text = CrossCheckMessages.mismatch(differing, record: record)
            findings.append(Finding(.enrolmentMismatch, for: applicant, field: differing[0],
                                    arguments: ["detail": text.zh, "detailEn": text.en,
                                                "fields": differing.map(\.header).joined(separator: "、")],
                                    related: [record.location]))
        }
    }
}
