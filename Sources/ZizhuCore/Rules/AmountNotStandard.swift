/// `amount-not-standard`: a valid amount that is none of the policy's tier amounts.
struct AmountNotStandard: RowRule {
    func check(_ row: RowContext, into findings: inout [Finding]) {
        let amounts = row.environment.tierAmounts
        guard let money = row.facts.money, !amounts.isEmpty, !amounts.contains(money) else { return }
        var arguments = RuleText.tiers(row.policy, amounts: amounts)
        arguments["amount"] = money.decimalString
        findings.emit(Finding(.amountNotStandard, for: row.applicant, field: .amount,
                              value: row.applicant.value(.amount), arguments: arguments))
    }
}
