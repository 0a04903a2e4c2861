/// A 全国学籍号: `G` + the 18-digit ID number; `J` + a school-assigned code for a student without an ID;
/// `L` + … a temporary number not yet confirmed.
public struct StudentNumber: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// `G` + ID number.
        case national
        /// `J` + school code.
        case school
        /// `L` + …: temporary, unconfirmed.
        case temporary
        /// No known prefix (an ID number typed without its `G`, a local code …).
        case unrecognised
    }

    /// The number with its prefix letter upper-cased.
    public let text: String
    public let kind: Kind

    public init(_ text: String) {
        let trimmed = text.trimmedForRules
        let first = trimmed.utf8.first
        switch first {
        case 71, 103: kind = .national  // G g
        case 74, 106: kind = .school  // J j
        case 76, 108: kind = .temporary  // L l
        default: kind = .unrecognised
        }
        if kind != .unrecognised, let first, first >= 97 {
            self.text = trimmed.prefix(1).uppercased() + trimmed.dropFirst()
        } else {
            self.text = trimmed
        }
    }

    /// The part after the prefix letter (the whole text when unrecognised).
    public var body: Substring {
        kind == .unrecognised ? Substring(text) : text.dropFirst()
    }

    /// For a `G` number, the ID number it carries (it must equal the ID column).
    public var embeddedID: Substring? { kind == .national ? text.dropFirst() : nil }

    public var description: String { text }
}
