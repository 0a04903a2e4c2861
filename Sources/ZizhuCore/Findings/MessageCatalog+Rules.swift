extension MessageCatalog {
    /// Messages of the validation rules (identity, duplicates, bank, documents, money, patterns).
    static let ruleEntries: [FindingCode: MessageTemplate] = [:]
}
