/// `level-unknown`: a 困难等级 cell that is no tier's level or alias of the policy, after `Vocabulary.key`
/// cleaning. The row cannot be given a tier, so it is an error; the message lists the accepted words. An
/// empty cell passes (the amount alone then decides the tier).
struct LevelUnknown: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        guard let cell = row[.level], !cell.isEmpty else { return }
        let level = cell.trimmedForRules
        if level.isEmpty { return }
        let environment = row.environment
        if environment.tier(forLevel: level) != nil { return }
        findings.emit(Finding(.levelUnknown, for: row.applicant, field: .level, value: level,
                              arguments: environment.acceptedLevels))
    }
}
