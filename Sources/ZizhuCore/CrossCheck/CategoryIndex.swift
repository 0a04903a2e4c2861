/// 困难类型 names and aliases of the policy → the category (`CategoryProof.category`), matched as written or
/// after `Vocabulary.key` cleaning, as the rules match cells.
public struct CategoryIndex: Sendable {
    private let names: [String: String]

    public init(policy: Policy) {
        var names: [String: String] = [:]
        for proof in policy.documents.categoryProof {
            for name in [proof.category] + proof.aliases {
                for key in [name, Vocabulary.key(name)] where names[key] == nil { names[key] = proof.category }
            }
        }
        self.names = names
        self.allNames = Array(Set(policy.documents.categoryProof.flatMap { [$0.category] + $0.aliases })).sorted()
    }

    /// The category a KIND names, or nil.
    public func category(named kind: String) -> String? { lookup(kind.trimmedForRules) }

    /// Every name and alias, for usage messages.
    public let allNames: [String]

    private func lookup(_ text: String) -> String? { names[text] ?? names[Vocabulary.key(text)] }

    /// The categories a 困难类型 cell claims (`低保`, `脱贫户、残疾` …), in cell order, without repeats.
    public func categories(in cell: String) -> [String] {
        let text = cell.trimmedForRules
        if text.isEmpty { return [] }
        if let category = lookup(text) { return [category] }
        var found: [String] = []
        for part in text.split(whereSeparator: { "、,，;；/ ".contains($0) }) {
            if let category = lookup(String(part)), !found.contains(category) { found.append(category) }
        }
        return found
    }
}
