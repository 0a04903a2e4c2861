/// `amount-level-mismatch`: a tier amount that is not the tier of the row's 困难等级, a 困难等级 that is
/// no tier at all, or a special-group 困难类型 (低保, 孤儿 … `policy.topTierCategories`) below the top
/// tier. One finding per row at most; amounts off the tier list are `amount-not-standard` instead.
struct AmountLevelMismatch: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        let environment = row.environment
        guard let money = row.facts.money, environment.tierAmounts.contains(money) else { return }
        let policy = row.policy
        if let level = row[.level]?.trimmedForRules, !level.isEmpty {
            guard let tier = environment.tier(forLevel: level) else {
                emit(row, field: .level, RuleText.unknownLevel(level: level, levels: policy.tiers.map(\.level)), &findings)
                return
            }
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
        if environment.topTierCategories.contains(category) { return true }
        return environment.categories(in: category).contains {
            environment.topTierCategories.contains(environment.policy.documents.categoryProof[$0].category)
        }
    }

    private func emit(_ row: RowContext, field: Field, _ arguments: [String: String], _ findings: inout [Finding]) {
        findings.emit(Finding(.amountLevelMismatch, for: row.applicant, field: field,
                              value: row.applicant.value(.amount), arguments: arguments))
    }
}
