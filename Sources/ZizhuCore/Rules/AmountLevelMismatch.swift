/// `amount-level-mismatch`: a tier amount that is not the tier of the row's 困难等级, or a special-group 困难类型 (低保, 孤儿 … `policy.topTierCategories`) below the top
/// tier. One finding per row at most; amounts off the tier list are `amount-not-standard` instead, a
/// 困难等级 that is no tier at all is `level-unknown`.
struct AmountLevelMismatch: RowRule {
    func check(_ row: borrowing RowContext, into findings: inout [Finding]) {
        let environment = row.environment
        guard let money = row.facts.money, environment.tierAmounts.contains(money) else { return }
        if let level = row[.level]?.trimmedForRules, !level.isEmpty {
            guard let tier = environment.tier(forLevel: level) else { return }
            if tier.amount != money {
                emit(row, field: .amount, RuleText.levelAmount(level: level, expected: tier.amount, amount: money), &findings)
                return
            }
        }
        if let top = environment.topAmount, money < top, let category = row[.category]?.trimmedForRules,
           !category.isEmpty, isSpecial(category, environment)
        {
            emit(row, field: .category, RuleText.specialCategory(category: category, top: top, amount: money), &findings)
        }
    }

    private func isSpecial(_ category: String, _ environment: RuleEnvironment) -> Bool {
        if environment.isTopTierCategory(category) { return true }
        if let single = environment.category(named: category) {
            return environment.isTopTierCategory(environment.documents.categoryProof[single].category)
        }
        return environment.categories(in: category).contains {
            environment.isTopTierCategory(environment.documents.categoryProof[$0].category)
        }
    }

    private func emit(_ row: RowContext, field: Field, _ arguments: [String: String], _ findings: inout [Finding]) {
        findings.emit(Finding(.amountLevelMismatch, for: row.applicant, field: field,
                              value: row.applicant.value(.amount), arguments: arguments))
    }
}
