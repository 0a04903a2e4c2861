/// `category-verified` and `category-unverified`: each claimed 困难类型 against the lists of that category.
/// A claim is backed when the student's ID, the 监护人身份证号 or the 监护人 name is on the list (household
/// lists name every member); a match by name alone says so in its message. A list on which almost no
/// claimant appears was probably given under the wrong KIND: one file-level `category-unverified`.
///
/// As a `ProofOnRecordCheck` it also tells the Validator which claims are backed by an ID (the student's or
/// a guardian's): under `documents.listCountsAsProof` the list then stands for the category's proof. A
/// match by name alone never does (namesakes are common).
public struct EvidenceCheck: ProofOnRecordCheck {
    public let lists: [AssistanceList]
    /// Below this share of matching claimants (in percent) a list is reported as the wrong KIND …
    public var wrongKindPercent = 20
    /// … once at least this many applicants claim its category.
    public var wrongKindMinimumClaimants = 5

    public init(lists: [AssistanceList]) {
        self.lists = lists
    }

    /// One claimed category of one row and the first list that backs it (nil: none does). `lists` are the
    /// positions of every list of that category.
    struct Claim {
        var category: String
        var lists: [Int]
        var backing: (list: Int, how: CrossCheckMessages.Match)?
    }

    /// Every claim of every applicant that some list can answer, in row and cell order; `matched` is called
    /// for each list that names the claimant (for the wrong-KIND count).
    func forEachClaim(_ applicants: [Applicant], policy: Policy, matched: (_ list: Int, _ found: Bool) -> Void = { _, _ in },
                      _ body: (Applicant, Claim) -> Void) {
        guard !lists.isEmpty else { return }
        let index = CategoryIndex(policy: policy)
        var listsByCategory: [String: [Int]] = [:]
        for (position, list) in lists.enumerated() { listsByCategory[list.category, default: []].append(position) }
        for applicant in applicants {
            guard let cell = applicant[.category], !cell.isEmpty else { continue }
            for category in index.categories(in: cell) {
                guard let positions = listsByCategory[category] else { continue }
                let id = applicant.value(.idNumber).trimmedForRules
                let guardianID = applicant.value(.guardianID).trimmedForRules
                let guardian = applicant.value(.guardian)
                var claim = Claim(category: category, lists: positions)
                for position in positions {
                    let list = lists[position]
                    let how: CrossCheckMessages.Match? =
                        list.contains(id: id) ? .student
                        : list.contains(id: guardianID) ? .guardianID
                        : (!guardian.isEmpty && list.contains(name: guardian)) ? .guardianName : nil
                    matched(position, how != nil)
                    guard let how else { continue }
                    // An ID match outranks a name match found on an earlier list.
                    if claim.backing == nil || (claim.backing?.how == .guardianName && how != .guardianName) {
                        claim.backing = (position, how)
                    }
                }
                body(applicant, claim)
            }
        }
    }

    public func proofsOnRecord(for applicants: [Applicant], policy: Policy) -> ProofsOnRecord {
        var proofs = ProofsOnRecord()
        forEachClaim(applicants, policy: policy) { applicant, claim in
            if let backing = claim.backing, backing.how != .guardianName {
                proofs.add(row: applicant.index, category: claim.category)
            }
        }
        return proofs
    }

    public func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
        for list in lists { findings.append(contentsOf: list.readFindings) }
        guard !lists.isEmpty else { return }
        var claimants = [Int](repeating: 0, count: lists.count)
        var matches = [Int](repeating: 0, count: lists.count)
        let documents = policy.documents
        forEachClaim(applicants, policy: policy, matched: { position, found in
            claimants[position] += 1
            if found { matches[position] += 1 }
        }) { applicant, claim in
            let category = claim.category
            if let backing = claim.backing {
                let list = lists[backing.list]
                let id = applicant.value(.idNumber).trimmedForRules
                let guardianID = applicant.value(.guardianID).trimmedForRules
                let line = list.ids[backing.how == .guardianID ? guardianID : id]
                let text = CrossCheckMessages.verified(backing.how)
                let proof = documents.categoryProof.first { $0.category == category }?.document ?? category
                let note = CrossCheckMessages.proofNote(backing.how, document: proof,
                                                        listCountsAsProof: documents.listCountsAsProof)
                findings.append(Finding(.categoryVerified, for: applicant, field: .category, arguments: [
                    "category": category, "list": list.file, "detail": text.zh, "detailEn": text.en,
                    "note": note.zh, "noteEn": note.en,
                ], related: line.map { [SourceLocation(file: list.file, line: $0)] } ?? []))
            } else {
                let files = claim.lists.map { lists[$0].file }.joined(separator: "、")
                let text = CrossCheckMessages.unverified(category: category, lists: files)
                findings.append(Finding(.categoryUnverified, for: applicant, field: .category, arguments: [
                    "category": category, "list": files, "detail": text.zh, "detailEn": text.en,
                ]))
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
