/// `quota-exceeded`: a class has more applicants than `policy.coveragePercent` of its students. The class
/// size comes from a 班级人数 column, else from `policy.classSizes` (by class name, or by the file name
/// without extension when the sheet has no 班级 column); without a size there is nothing to check.
/// `related` (and the message) names the class's rows.
struct QuotaExceeded: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        let policy = round.policy
        guard policy.coveragePercent > 0 else { return }
        for (key, stats) in zip(round.index.classKeys, round.index.classStats) {
            guard let size = stats.size ?? QuotaExceeded.configuredSize(key, policy), size > 0 else { continue }
            let cap = Int((Double(size) * policy.coveragePercent / 100).rounded(.down))
            guard stats.count > cap else { continue }
            let related = round.others(of: -1, in: stats.rows)
            var arguments = RuleText.places(related, from: key.file, total: stats.count)
            arguments.merge(RuleText.className(key.name)) { $1 }
            arguments["count"] = String(stats.count)
            arguments["size"] = String(size)
            arguments["percent"] = QuotaExceeded.percent(policy.coveragePercent)
            arguments["cap"] = String(cap)
            findings.emit(Finding(.quotaExceeded, at: SourceLocation(file: key.file, line: nil),
                                  field: Field.className.header, arguments: arguments, related: related))
        }
    }

    static func configuredSize(_ key: RoundIndex.ClassKey, _ policy: Policy) -> Int? {
        if !key.name.isEmpty { return policy.classSizes[key.name] }
        let file = key.file.split(separator: "/").last.map(String.init) ?? key.file
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        return policy.classSizes[stem] ?? policy.classSizes[file]
    }

    /// `30`, `12.5`: a percentage without a useless `.0`.
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
