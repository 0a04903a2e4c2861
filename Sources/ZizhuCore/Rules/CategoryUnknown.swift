/// `category-unknown`: a 困难类型 cell (or a part of one, `低保、乱写`) that names no category of the policy,
/// after `Vocabulary.key` cleaning. The row's proof cannot be asked for nor its special-group tier checked,
/// so it is an error; the message lists the accepted words. An empty cell claims no category and passes.
struct CategoryUnknown: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        guard let cell = row[.category], !cell.isEmpty else { return }
        let environment = row.environment
        let unknown = environment.unknownCategories(in: cell)
        if unknown.isEmpty { return }
        var arguments = environment.acceptedCategories
        arguments["unknown"] = unknown.joined(separator: "、")
        findings.emit(Finding(.categoryUnknown, for: row.applicant, field: .category,
                              value: cell.trimmedForRules, arguments: arguments))
    }
}
