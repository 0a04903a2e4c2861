/// A list pushed down by another department (脱贫户, 低保, 特困供养, 孤儿, 持证残疾人 …): every person on it,
/// household members included, by ID number and by name. Built in one pass over the file.
public struct AssistanceList: Sendable {
    /// The KIND the clerk gave (`--evidence 低保=…`).
    public let kind: String
    /// The policy category it proves (`Policy.CategoryProof.category`).
    public let category: String
    /// The file as the clerk named it.
    public let file: String
    /// ID number → the line of its first row.
    public private(set) var ids: [String: Int] = [:]
    /// Every name on the list (members and household heads), for the guardian-by-name match.
    public private(set) var names: Set<String> = []
    /// Data rows read.
    public private(set) var rows = 0
    /// Problems reading the list (file-level findings).
    public var readFindings: [Finding] = []

    public init(kind: String, category: String, file: String) {
        self.kind = kind
        self.category = category
        self.file = file
    }

    /// One row of the list: all its ID cells and name cells (a household row may hold the head's and the
    /// member's), already normalised.
    public mutating func addRow(line: Int, ids rowIDs: [String], names rowNames: [String]) {
        rows += 1
        for id in rowIDs where !id.isEmpty && ids[id] == nil { ids[id] = line }
        for name in rowNames {
            let key = CrossCheckText.nameKey(name)
            if key.count >= 2 { names.insert(key) }
        }
    }

    public func contains(id: String) -> Bool { !id.isEmpty && ids[id] != nil }

    public func contains(name: String) -> Bool {
        let key = CrossCheckText.nameKey(name)
        return key.count >= 2 && names.contains(key)
    }
}
