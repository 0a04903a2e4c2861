/// `card-shared`: one card number on two or more students (different ID numbers; a row whose ID is
/// unusable counts as a student of its own). Every row sharing the card gets the error, so all of them go
/// back to the class teacher, who knows which one is genuine.
struct CardShared: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        for group in round.index.byCard.groups {
            var students = Set<ResidentID>()
            var unidentified = 0
            for row in group {
                if let id = round.index.ids[row] { students.insert(id) } else { unidentified += 1 }
            }
            let count = students.count + unidentified
            guard count > 1 else { continue }
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
}
