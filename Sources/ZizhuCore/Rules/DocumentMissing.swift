/// `document-missing`: a document everyone hands in (申请表, 户口本, 身份证复印件), or the proof the row's
/// 困难类型 calls for, is marked missing: an empty cell or one of `policy.documents.missingMarks`
/// (无, 否, ×, 0 …). A generic proof column (困难证明) stands for any category's proof.
///
/// When a file has no column at all for a document, the rows cannot say anything about it: the rule then
/// reports the file once (line null, a warning: the clerk checks the paper files) instead of returning
/// every row. Rows are returned only for a document their own sheet marks missing.
struct DocumentMissing: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        let applicant = row.applicant
        let environment = row.environment
        let documents = row.policy.documents
        let plan = environment.documentPlan(for: applicant.layout)
        let file = applicant.layout.file

        for (document, columns) in zip(documents.required, plan.required) {
            if columns.isEmpty {
                if environment.firstTime("document\u{0}\(file)\u{0}\(document.name)") {
                    findings.emit(fileLevel(file, document: document.name,
                                            arguments: RuleText.documentNoColumn(columns: document.columns)))
                }
                continue
            }
            if let missing = missingCell(applicant, columns, environment) {
                findings.emit(rowLevel(applicant, document: document.name, column: missing.column,
                                       arguments: RuleText.documentCell(column: missing.header, cell: missing.cell)))
            }
        }

        guard let categoryCell = applicant[.category] else { return }
        for index in environment.categories(in: categoryCell) {
            let proof = documents.categoryProof[index]
            let columns = plan.proof[index] + plan.generic
            if columns.isEmpty {
                if environment.firstTime("proof\u{0}\(file)\u{0}\(proof.document)") {
                    findings.emit(fileLevel(file, document: proof.document,
                                            arguments: RuleText.proofNoColumn(category: proof.category,
                                                                              columns: proof.columns + documents.genericProof)))
                }
                continue
            }
            if let missing = missingCell(applicant, columns, environment) {
                findings.emit(rowLevel(applicant, document: proof.document, column: missing.column,
                                       arguments: RuleText.proofCell(category: categoryCell.trimmingWhitespace(),
                                                                     column: missing.header, cell: missing.cell)))
            }
        }
    }

    /// Nil when any of the columns says the document is there; else the first column and its cell.
    private func missingCell(_ applicant: Applicant, _ columns: [Int], _ environment: RuleEnvironment)
        -> (column: Int, header: String, cell: String)?
    {
        for column in columns {
            let cell = column < applicant.cells.count ? applicant.cells[column] : ""
            if !environment.isMissingMark(cell) { return nil }
        }
        let first = columns[0]
        let cell = first < applicant.cells.count ? applicant.cells[first] : ""
        return (first, applicant.layout.headers[first], cell)
    }

    private func rowLevel(_ applicant: Applicant, document: String, column: Int, arguments: [String: String]) -> Finding {
        var arguments = arguments
        arguments["document"] = document
        return Finding(.documentMissing, at: applicant.location, row: applicant.index,
                       field: applicant.layout.headers[column], arguments: arguments)
    }

    private func fileLevel(_ file: String, document: String, arguments: [String: String]) -> Finding {
        var arguments = arguments
        arguments["document"] = document
        return Finding(.documentMissing, severity: .warning, at: SourceLocation(file: file, line: nil),
                       field: document, arguments: arguments)
    }
}
