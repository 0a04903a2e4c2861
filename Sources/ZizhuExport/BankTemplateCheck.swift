import ZizhuCore

/// Finds, before anything is written, the rows the chosen bank template cannot carry: a name with a
/// character its encoding lacks (䶮 in GBK), a value holding its delimiter or a line break, or one wider
/// than a fixed-width field. Each becomes `bank-value-unwritable` on the row, so `check` shows it, the row
/// goes back to the class teacher, and `run` writes every document with totals that agree — instead of the
/// bank file refusing the round at the end.
public struct BankTemplateCheck: RowWiseCheck {
    public let template: BankTemplate

    public init(template: BankTemplate) {
        self.template = template
    }

    public func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
        let encoder = BankUpload.Encoder(template: template, document: template.outputFileName)
        let rowFields = template.fields.filter { [.card, .holder, .name, .idNumber, .remark].contains($0.value) }
        for applicant in applicants {
            var reported: [String] = []
            for field in rowFields {
                let (value, source) = BankTemplateCheck.value(of: field.value, in: applicant)
                guard !value.isEmpty, let problem = encoder.problem(with: value, field: field),
                      !reported.contains(problem.zh)
                else { continue }
                reported.append(problem.zh)
                findings.append(Finding(.bankValueUnwritable, for: applicant, field: source, arguments: [
                    "template": template.name, "encoding": template.encoding,
                    "detail": problem.zh, "detailEn": problem.en,
                ]))
            }
        }
    }

    /// The text a row puts into a template field, and the column it comes from (nil for the class note).
    static func value(of field: BankTemplate.Field.Value, in applicant: Applicant) -> (String, Field?) {
        let text = BankUpload.rowText(field, of: applicant) ?? ""
        switch field {
        case .card: return (text, .card)
        case .holder: return (text, text == applicant.value(.name) ? .name : .cardHolder)
        case .name: return (text, .name)
        case .idNumber: return (text, .idNumber)
        case .remark: return (BankList.classNote(applicant), .className)
        case .serial, .amount, .summary, .literal: return ("", nil)
        }
    }
}
