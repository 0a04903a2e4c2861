/// 困难类型 names and aliases of the policy → the category (`CategoryProof.category`).
public struct CategoryIndex: Sendable {
    private let names: [String: String]

    public init(policy: Policy) {
        var names: [String: String] = [:]
        for proof in policy.documents.categoryProof {
            for name in [proof.category] + proof.aliases where names[name] == nil {
                names[name] = proof.category
            }
        }
        self.names = names
    }

    /// The category a KIND names, or nil.
    public func category(named kind: String) -> String? { names[kind.trimmedForRules] }

    /// Every name and alias, for usage messages.
    public var allNames: [String] { names.keys.sorted() }

    /// The categories a 困难类型 cell claims (`低保`, `脱贫户、残疾` …), in cell order, without repeats.
    public func categories(in cell: String) -> [String] {
        let text = cell.trimmedForRules
        if text.isEmpty { return [] }
        if let category = names[text] { return [category] }
        var found: [String] = []
        for part in text.split(whereSeparator: { "、,，;；/ ".contains($0) }) {
            if let category = names[String(part)], !found.contains(category) { found.append(category) }
        }
        return found
    }
}
