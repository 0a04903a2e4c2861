/// `amount-uniform` (平均分配): a class of at least `policy.uniformClassMinimum` applicants where every
/// valid amount is the same. One finding per class, at file level (line null).
struct AmountUniform: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        let minimum = max(2, round.policy.uniformClassMinimum)
        for key in round.index.classOrder {
            guard let stats = round.index.classes[key], stats.amounts >= minimum, stats.uniform,
                  let amount = stats.firstAmount
            else { continue }
            var arguments = RuleText.className(key.name)
            arguments["count"] = String(stats.amounts)
            arguments["amount"] = amount.decimalString
            findings.emit(Finding(.amountUniform, at: SourceLocation(file: key.file, line: nil),
                                  field: Field.amount.header, arguments: arguments))
        }
    }
}
