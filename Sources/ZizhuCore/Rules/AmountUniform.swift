/// `amount-uniform` (平均分配): a class of at least `policy.uniformClassMinimum` applicants where every
/// valid amount is the same. One finding per class, at file level (line null); `related` (and the message)
/// names the class's rows.
struct AmountUniform: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        let minimum = max(2, round.policy.uniformClassMinimum)
        for (key, stats) in zip(round.index.classKeys, round.index.classStats) {
            guard stats.amounts >= minimum, stats.uniform, let amount = stats.firstAmount else { continue }
            let related = round.others(of: -1, in: stats.rows)
            var arguments = RuleText.places(related, from: key.file, total: stats.count)
            arguments.merge(RuleText.className(key.name)) { $1 }
            arguments["count"] = String(stats.amounts)
            arguments["amount"] = amount.decimalString
            findings.emit(Finding(.amountUniform, at: SourceLocation(file: key.file, line: nil),
                                  field: Field.amount.header, arguments: arguments, related: related))
        }
    }
}
