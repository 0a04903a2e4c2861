/// `card-shared`: one card number on two or more students (different ID numbers; a row whose ID is
/// unusable counts as a student of its own). Every row sharing the card gets the error, so all of them go
/// back to the class teacher, who knows which one is genuine.
struct CardShared: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        for hashed in round.index.byCard.groups {
            // The map's key folds value and length together: split by the real digits.
            let groups = RoundContext.split(hashed) { round.applicants[$0].value(.card).filter(\.isASCIIDigit) }
            for group in groups { check(group, round, into: &findings) }
        }
    }

    private func check(_ group: [Int], _ round: RoundContext, into findings: inout [Finding]) {
        var students = Set<ResidentID>()
        var unidentified = 0
        for row in group {
            if let id = round.index.ids[row] { students.insert(id) } else { unidentified += 1 }
        }
        let count = students.count + unidentified
        guard count > 1 else { return }
        for row in group {
            let applicant = round.applicants[row]
            let related = round.others(of: row, in: group)
            var arguments = RuleText.places(related, from: applicant.layout.file, total: group.count - 1)
            arguments["count"] = String(count)
            findings.emit(Finding(.cardShared, for: applicant, field: .card, value: applicant.value(.card),
                                  arguments: arguments, related: related))
        }
    }
}
