/// `older-age-ratio`: the share of 大龄 applicants in a file (older than `age.olderThan` at the term start)
/// is above `age.olderSharePercent` of the file's applicants. One finding per file, at file level; `related`
/// (and the message) names the 大龄 rows, so each can be checked.
struct OlderAgeRatio: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        let limits = round.policy.age
        for (file, stats) in zip(round.index.fileNames, round.index.fileStats) {
            guard stats.older > 0, stats.count > 0 else { continue }
            guard Double(stats.older) * 100 > limits.olderSharePercent * Double(stats.count) else { continue }
            let share = Double(stats.older) * 100 / Double(stats.count)
            let related = round.others(of: -1, in: stats.olderRows)
            var arguments = RuleText.places(related, from: file, total: stats.older)
            arguments.merge(["olderThan": String(limits.olderThan), "older": String(stats.older),
                             "total": String(stats.count), "share": QuotaExceeded.percent(share),
                             "limit": QuotaExceeded.percent(limits.olderSharePercent)]) { $1 }
            findings.emit(Finding(.olderAgeRatio, at: SourceLocation(file: file, line: nil),
                                  arguments: arguments, related: related))
        }
    }
}
