/// `duplicate-id-across-files` (双学籍): one ID number in two or more files. Every row involved gets the
/// finding, and `related` lists every other row involved, in whichever file.
struct DuplicateIDAcrossFiles: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        for group in round.index.byID.groups {
            let files = Set(group.map { round.applicants[$0].layout.file })
            guard files.count > 1 else { continue }
            for row in group {
                let applicant = round.applicants[row]
                let related = round.others(of: row, in: group)
                var arguments = RuleText.places(related, from: applicant.layout.file, total: group.count - 1)
                arguments["fileCount"] = String(files.count)
                findings.emit(Finding(.duplicateIDAcrossFiles, for: applicant, field: .idNumber,
                                      value: applicant.value(.idNumber), arguments: arguments, related: related))
            }
        }
    }
}
