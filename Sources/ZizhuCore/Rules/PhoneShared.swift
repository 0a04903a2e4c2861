/// `phone-shared`: one phone number on applicants of `policy.sharedPhoneThreshold` or more different
/// families (a teacher who filled the forms in). Rows are one family when they share the student's ID
/// number, the 监护人 or the 家庭住址 (siblings share a parent's phone; that is fine). Every row with the
/// number gets the warning.
struct PhoneShared: RoundRule {
    func check(_ round: RoundContext, into findings: inout [Finding]) {
        let threshold = max(2, round.policy.sharedPhoneThreshold)
        for group in round.index.byPhone.groups where group.count >= threshold {
            let families = PhoneShared.familyCount(group, round)
            guard families >= threshold else { continue }
            for row in group {
                let applicant = round.applicants[row]
                let related = round.others(of: row, in: group)
                var arguments = RuleText.places(related, from: applicant.layout.file, total: group.count - 1)
                arguments["count"] = String(group.count)
                arguments["families"] = String(families)
                findings.emit(Finding(.phoneShared, for: applicant, field: .phone, value: applicant.value(.phone),
                                      arguments: arguments, related: related))
            }
        }
    }

    /// Families among the rows: rows joined (union–find) by a shared ID, guardian or address.
    static func familyCount(_ rows: [Int], _ round: RoundContext) -> Int {
        var parent = Array(rows.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        var seen: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let applicant = round.applicants[row]
            var keys: [String] = []
            if let id = round.index.ids[row] { keys.append("i" + id.text) }
            if let guardian = applicant[.guardian].map(CardHolderMismatch.person), !guardian.isEmpty {
                keys.append("g" + guardian)
            }
            if let address = applicant[.address].map(PhoneShared.addressKey), !address.isEmpty {
                keys.append("a" + address)
            }
            for key in keys {
                if let other = seen[key] { union(position, other) } else { seen[key] = position }
            }
        }
        return Set(rows.indices.map(find)).count
    }

    /// An address compared without spaces and punctuation.
    static func addressKey(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace && !$0.isPunctuation && $0 != "\u{3000}" })
    }
}
