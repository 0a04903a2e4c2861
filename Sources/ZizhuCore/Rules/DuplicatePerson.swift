/// `duplicate-person`: the same name and birth date under another ID number (one person with two numbers,
/// or a made-up student). Each row gets the finding with `related` = the rows of the other numbers.
/// Rows with the same number are duplicates, not this.
struct DuplicatePerson: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        for group in round.index.byPerson.groups {
            let numbers = group.map { round.index.ids[$0]?.text ?? round.applicants[$0].value(.idNumber).uppercased() }
            guard Set(numbers).count > 1 else { continue }
            for (position, row) in group.enumerated() {
                let others = group.indices.filter { numbers[$0] != numbers[position] }.map { group[$0] }
                let applicant = round.applicants[row]
                let related = round.others(of: row, in: others)
                findings.emit(Finding(.duplicatePerson, for: applicant, field: .name, value: applicant.value(.name),
                                      arguments: RuleText.places(related, from: applicant.layout.file, total: others.count),
                                      related: related))
            }
        }
    }
}
