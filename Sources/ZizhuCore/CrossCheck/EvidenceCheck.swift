/// `category-verified` and `category-unverified`: each claimed 困难类型 against the lists of that category.
/// A claim is backed when the student's ID, the 监护人身份证号 or the 监护人 name is on the list (household
/// lists name every member). A list on which almost no claimant appears was probably given under the wrong
/// KIND: one file-level `category-unverified`.
///
/// A RoundCheck cannot remove findings, so a verified claim leaves the row's `document-missing` for the
/// category proof in place; the `category-verified` finding beside it tells the clerk the list backs it.
public struct EvidenceCheck: RoundCheck {
    public let lists: [AssistanceList]
    /// Below this share of matching claimants (in percent) a list is reported as the wrong KIND …
    public var wrongKindPercent = 20
    /// … once at least this many applicants claim its category.
    public var wrongKindMinimumClaimants = 5

    public init(lists: [AssistanceList]) {
        self.lists = lists
    }

    public func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
        for list in lists { findings.append(contentsOf: list.readFindings) }
        guard !lists.isEmpty else { return }
        let index = CategoryIndex(policy: policy)
        var listsByCategory: [String: [Int]] = [:]
        for (position, list) in lists.enumerated() { listsByCategory[list.category, default: []].append(position) }
        var claimants = [Int](repeating: 0, count: lists.count)
        var matches = [Int](repeating: 0, count: lists.count)

        for applicant in applicants {
            guard let cell = applicant[.category], !cell.isEmpty else { continue }
            for category in index.categories(in: cell) {
                guard let positions = listsByCategory[category] else { continue }
                let id = applicant.value(.idNumber).trimmedForRules
                let guardianID = applicant.value(.guardianID).trimmedForRules
                let guardian = applicant.value(.guardian)
                var backing: (list: Int, how: CrossCheckMessages.Match)?
                for position in positions {
                    let list = lists[position]
                    claimants[position] += 1
                    let how: CrossCheckMessages.Match? =
                        list.contains(id: id) ? .student
                        : list.contains(id: guardianID) ? .guardianID
                        : (!guardian.isEmpty && list.contains(name: guardian)) ? .guardianName : nil
                    guard let how else { continue }
                    matches[position] += 1
                    if backing == nil { backing = (position, how) }
                }
                if let backing {
                    let list = lists[backing.list]
                    let line = list.ids[backing.how == .guardianID ? guardianID : id]
                    let text = CrossCheckMessages.verified(backing.how)
                    findings.append(Finding(.categoryVerified, for: applicant, field: .category, arguments: [
                        "category": category, "list": list.file, "detail": text.zh, "detailEn": text.en,
                    ], related: line.map { [SourceLocation(file: list.file, line: $0)] } ?? []))
                } else {
                    let files = positions.map { lists[$0].file }.joined(separator: "、")
                    let text = CrossCheckMessages.unverified(category: category, lists: files)
                    findings.append(Finding(.categoryUnverified, for: applicant, field: .category, arguments: [
                        "category": category, "list": files, "detail": text.zh, "detailEn": text.en,
                    ]))
                }
            }
        }

        for (position, list) in lists.enumerated()
        where claimants[position] >= wrongKindMinimumClaimants
            && matches[position] * 100 < claimants[position] * wrongKindPercent {
            let text = CrossCheckMessages.wrongKind(kind: list.kind, category: list.category,
                                                    claimants: claimants[position], matches: matches[position])
            findings.append(Finding(.categoryUnverified, at: SourceLocation(file: list.file, line: nil), arguments: [
                "category": list.category, "list": list.file, "detail": text.zh, "detailEn": text.en,
            ]))
        }
    }
}
