/// `duplicate-id-in-file`: one ID number (a legacy number counts as its 18-digit form) on two or more rows
/// of the same file. Every such row gets the finding; `related` lists the other rows of that file.
struct DuplicateIDInFile: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        for group in round.index.byID.groups {
            var byFile: [String: [Int]] = [:]
            var order: [String] = []
            for row in group {
                let file = round.applicants[row].layout.file
                if byFile[file] == nil { order.append(file) }
                byFile[file, default: []].append(row)
            }
            for file in order {
                guard let rows = byFile[file], rows.count > 1 else { continue }
                for row in rows {
                    let applicant = round.applicants[row]
                    let related = round.others(of: row, in: rows)
                    var arguments = RuleText.places(related, from: file, total: rows.count - 1)
                    arguments["count"] = String(rows.count)
                    findings.emit(Finding(.duplicateIDInFile, for: applicant, field: .idNumber,
                                          value: applicant.value(.idNumber), arguments: arguments, related: related))
                }
            }
        }
    }
}
