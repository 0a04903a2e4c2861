/// The language of messages. Chinese is the default: clerks read it.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// What a message says about a code: the problem and how to fix it, in each language. Templates name
/// their arguments in braces: `{field}`, `{value}` and the keys of `Finding.arguments`.
public struct MessageTemplate: Sendable {
    public var zh: String
    public var en: String
    public var fixZh: String
    public var fixEn: String

    public init(zh: String, en: String, fixZh: String, fixEn: String) {
        self.zh = zh
        self.en = en
        self.fixZh = fixZh
        self.fixEn = fixEn
    }
}

/// The one catalogue of messages (code → zh-CN and en). Entries are grouped by area in the
/// `MessageCatalog+…` files; a test checks that every code has one.
public enum MessageCatalog {
    public static let entries: [FindingCode: MessageTemplate] = {
        var all = importEntries
        for (code, template) in ruleEntries { all[code] = template }
        for (code, template) in crossCheckEntries { all[code] = template }
        return all
    }()

    /// The finding's message, with identifiers masked unless `showValues`.
    public static func message(for finding: Finding, language: Language = .zh, showValues: Bool = false) -> String {
        render(template(finding.code, language: language), finding, showValues: showValues, language: language)
    }

    /// How to fix it, in plain words.
    public static func fix(for finding: Finding, language: Language = .zh, showValues: Bool = false) -> String {
        guard let entry = entries[finding.code] else { return "" }
        return render(language == .zh ? entry.fixZh : entry.fixEn, finding, showValues: showValues, language: language)
    }

    private static func template(_ code: FindingCode, language: Language) -> String {
        guard let entry = entries[code] else { return code.rawValue }
        return language == .zh ? entry.zh : entry.en
    }

    private static func render(_ template: String, _ finding: Finding, showValues: Bool, language: Language) -> String {
        var arguments = finding.arguments
        arguments["field"] = arguments["field"] ?? finding.field ?? ""
        arguments["value"] = clipped(finding.value ?? "", to: longestValue, language: language)
        // One pass over the template: a value that itself holds `{file}` (a cell can hold anything) stays as typed.
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            if let value = arguments[key] {
                text += clipped(value, to: longestArgument, language: language)
            } else {
                text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return showValues ? text : Masking.maskIdentifiers(in: text)
    }

    /// A cell can hold megabytes (issue 7): a message quotes the start of a value and says how long it was.
    static let longestValue = 60
    /// Longer than any sentence of ours; only a list of the row's extra cells comes near it.
    static let longestArgument = 400

    static func clipped(_ text: String, to limit: Int, language: Language) -> String {
        // Bytes first: cheap, and never fewer than the characters.
        guard text.utf8.count > limit else { return text }
        let characters = text.count
        guard characters > limit else { return text }
        let start = String(text.prefix(limit))
        return language == .zh ? "\(start)…（共 \(characters) 个字符）" : "\(start)… (\(characters) characters in all)"
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    /// Splits on a separator string, Foundation-free.
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        guard let first = needle.first else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index] == first, self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
