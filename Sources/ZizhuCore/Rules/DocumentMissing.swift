/// `document-missing`: a document everyone hands in (申请表, 户口本, 身份证复印件), or the proof the row's
/// 困难类型 calls for, is marked missing: an empty cell or one of `policy.documents.missingMarks`
/// (无, 否, ×, 0 …). A generic proof column (困难证明) stands for any category's proof.
///
/// When a file has no column at all for a document, the rows cannot say anything about it: the rule then
/// reports the file once (line null, a warning: the clerk checks the paper files) instead of returning
/// every row. Rows are returned only for a document their own sheet marks missing.
///
/// A category whose proof an official record stands for (`RuleEnvironment.isProofOnRecord`: an assistance
/// list confirmed the claim and the policy's `documents.listCountsAsProof` allows it) needs no proof column:
/// such a row raises neither the row finding nor the file-level one.
struct DocumentMissing: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        let environment = row.environment
        let plan = environment.documentPlan(for: row.applicant.layout)

        for (position, columns) in plan.required.enumerated() {
            if columns.isEmpty {
                let document = environment.documents.required[position]
                let file = row.applicant.layout.file
                if environment.firstTime("document\u{0}\(file)\u{0}\(document.name)") {
                    findings.emit(fileLevel(file, document: document.name,
                                            arguments: RuleText.documentNoColumn(columns: document.columns)))
                }
                continue
            }
            if let missing = missingCell(row.applicant, columns, [], environment) {
                findings.emit(rowLevel(row.applicant, document: environment.documents.required[position].name,
                                       column: missing.column,
                                       arguments: RuleText.documentCell(column: missing.header, cell: missing.cell)))
            }
        }

        guard let categoryCell = row[.category], !categoryCell.isEmpty else { return }
        if let single = environment.category(named: categoryCell) {
            checkProof(single, categoryCell, row, plan, into: &findings)
        } else {
            for index in environment.categories(in: categoryCell) {
                checkProof(index, categoryCell, row, plan, into: &findings)
            }
        }
    }

    private func checkProof(_ index: Int, _ categoryCell: String, _ row: borrowing RowContext, _ plan: DocumentPlan,
                            into findings: inout [Finding]) {
        let environment = row.environment
        if environment.isProofOnRecord(row: row.applicant.index, category: index) { return }
        let proofColumns = plan.proof[index]
        if proofColumns.isEmpty && plan.generic.isEmpty {
            let documents = environment.documents
            let proof = documents.categoryProof[index]
            let file = row.applicant.layout.file
            if environment.firstTime("proof\u{0}\(file)\u{0}\(proof.document)") {
                findings.emit(fileLevel(file, document: proof.document,
                                        arguments: RuleText.proofNoColumn(category: proof.category,
                                                                          columns: proof.columns + documents.genericProof)))
            }
            return
        }
        if let missing = missingCell(row.applicant, proofColumns, plan.generic, environment) {
            let proof = environment.documents.categoryProof[index]
            findings.emit(rowLevel(row.applicant, document: proof.document, column: missing.column,
                                   arguments: RuleText.proofCell(category: categoryCell.trimmingWhitespace(),
                                                                 column: missing.header, cell: missing.cell)))
        }
    }

    /// Nil when any of the columns says the document is there; else the first column and its cell.
    private func missingCell(_ applicant: Applicant, _ columns: [Int], _ more: [Int], _ environment: RuleEnvironment)
        -> (column: Int, header: String, cell: String)?
    {
        for column in columns {
            let cell = column < applicant.cells.count ? applicant.cells[column] : ""
            if !environment.isMissingMark(cell) { return nil }
        }
        for column in more {
            let cell = column < applicant.cells.count ? applicant.cells[column] : ""
            if !environment.isMissingMark(cell) { return nil }
        }
        guard let first = columns.first ?? more.first else { return nil }
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
