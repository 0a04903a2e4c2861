import ZizhuCore

/// Why a round could not be done. Bad data never throws — it becomes findings; this is for work that cannot
/// go on (no inputs, an unreadable file, a broken policy, an output that cannot be written). Messages name the
/// file and what to do, never a person's identifiers.
public struct RoundError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case noInputs, policy, input, referenceList, bankTemplate, archive, output, cancelled
    }

    public var kind: Kind
    private let chinese: String
    private let english: String

    init(_ kind: Kind, zh: String, en: String) {
        self.kind = kind
        chinese = zh
        english = en
    }

    /// A failure whose detail comes from a reader that speaks Chinese only (file names, lines, the fix).
    init(_ kind: Kind, detail: String, zhPrefix: String = "", enPrefix: String) {
        self.init(kind, zh: zhPrefix + detail, en: enPrefix + detail)
    }

    public func message(_ language: Language) -> String { language == .zh ? chinese : english }

    public var description: String { chinese }
}
