import Foundation
import ZizhuCore

/// What normalisation changed in a cell, for the `value-normalized` message.
struct NormalizationChanges: OptionSet, Sendable {
    let rawValue: UInt8

    /// Zero-width characters (U+200B–U+200D, U+FEFF) removed.
    static let invisible = NormalizationChanges(rawValue: 1 << 0)
    /// U+00A0 or U+3000 turned into a plain space.
    static let specialSpace = NormalizationChanges(rawValue: 1 << 1)
    /// NFKC changed something: full-width digits and letters, compatibility forms.
    static let fullWidth = NormalizationChanges(rawValue: 1 << 2)
    /// Blanks removed at the ends.
    static let trimmed = NormalizationChanges(rawValue: 1 << 3)
    /// Identifiers: the leading `'` Excel uses to mark text.
    static let apostrophe = NormalizationChanges(rawValue: 1 << 4)
    /// Identifiers: blanks inside (cards typed in groups of four).
    static let innerSpaces = NormalizationChanges(rawValue: 1 << 5)
    /// Identifiers: dashes inside.
    static let dashes = NormalizationChanges(rawValue: 1 << 6)
    /// Identifiers: lowercase letters (the check character `x`).
    static let uppercased = NormalizationChanges(rawValue: 1 << 7)
}

/// How a column's cells are normalised.
enum CellKind: Sendable {
    /// Names, addresses, notes: NFKC, except that Chinese punctuation (，（）：；！？) stays full-width, since
    /// there it is the correct form and not a typing slip.
    case text
    /// ID, 学籍号, card, phone: full NFKC, and no blanks, dashes or leading `'` inside; uppercase letters.
    case identifier
    /// The amount: full NFKC (`１１５０` → `1150`, `（` → `(`) so that it parses.
    case amount
}

/// A cell after normalisation: the value, and the text as typed when they differ.
struct NormalizedCell {
    var value: String
    /// The cell as typed, nil when normalisation changed nothing.
    var original: String?
    var changes: NormalizationChanges
}

/// Normalises cells: zero-width characters removed, NFKC (full-width digits and letters to ASCII), blanks
/// trimmed; identifiers also lose blanks, dashes and a leading `'` inside and get uppercase letters.
///
/// Most cells are plain ASCII or CJK unified ideographs, which NFKC leaves as they are, so a byte scan
/// decides first and only the other cells pay for Foundation's NFKC. Each cell becomes a String once.
enum CellNormalizer {
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, as kind: CellKind) -> NormalizedCell {
        if bytes.isEmpty { return NormalizedCell(value: "", original: nil, changes: []) }
        let clean = kind == .identifier ? isPlainIdentifier(bytes) : isPlainText(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        if clean { return NormalizedCell(value: text, original: nil, changes: []) }
        return normalizeSlowly(text, as: kind)
    }

    static func normalize(_ text: String, as kind: CellKind) -> NormalizedCell {
        var copy = text
        let clean = copy.withUTF8 { $0.isEmpty || (kind == .identifier ? isPlainIdentifier($0) : isPlainText($0)) }
        if clean { return NormalizedCell(value: text, original: nil, changes: []) }
        return normalizeSlowly(text, as: kind)
    }

    /// Printable ASCII and CJK unified ideographs (U+4E00–U+9FFF: lead bytes E4–E9), no blank at either end.
    @inline(__always)
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return true }
        guard bytes[0] != 0x20 && bytes[n - 1] != 0x20 else { return false }
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte >= 0x20 && byte < 0x7F {
                i += 1
            } else if byte >= 0xE4 && byte <= 0xE9 && i + 2 < n {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Digits and uppercase ASCII letters only: nothing to do for an identifier.
    @inline(__always)
    static func isPlainIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)) {
            return false
        }
        return true
    }

    /// Full-width punctuation of Chinese prose, kept in text cells: ！（），：；？
    private static let chinesePunctuation: Set<UInt32> = [0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F]
    /// Where kept punctuation hides from NFKC: Supplementary Private Use Area-A, which NFKC leaves alone.
    private static let shelter: UInt32 = 0xF0000

    static func normalizeSlowly(_ original: String, as kind: CellKind) -> NormalizedCell {
        var changes: NormalizationChanges = []
        var scalars = String.UnicodeScalarView()
        var sheltered = false
        for scalar in original.unicodeScalars {
            switch scalar.value {
            case 0x200B...0x200D, 0xFEFF, 0x2060:
                changes.insert(.invisible)
            case 0x00A0, 0x3000:
                changes.insert(.specialSpace)
                scalars.append(" ")
            case let value where kind == .text && chinesePunctuation.contains(value):
                scalars.append(Unicode.Scalar(shelter + value - 0xFF00) ?? scalar)
                sheltered = true
            default:
                scalars.append(scalar)
            }
        }
        var text = String(scalars)
        let compatible = text.precomposedStringWithCompatibilityMapping
        if compatible != text {
            changes.insert(.fullWidth)
            text = compatible
        }
        if sheltered {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                let value = scalar.value
                guard value >= shelter && value < shelter + 0x100 else { return scalar }
                return Unicode.Scalar(value - shelter + 0xFF00) ?? scalar
            }))
        }
        let trimmed = text.trimmingWhitespace()
        if trimmed != text {
            changes.insert(.trimmed)
            text = trimmed
        }
        if kind == .identifier {
            text = normalizeIdentifier(text, changes: &changes)
        }
        return NormalizedCell(value: text, original: text == original ? nil : original,
                              changes: text == original ? [] : changes)
    }

    private static func normalizeIdentifier(_ text: String, changes: inout NormalizationChanges) -> String {
        var scalars = Substring(text).unicodeScalars
        if let first = scalars.first, first == "'" || first == "\u{2018}" || first == "\u{2019}" || first == "`" {
            changes.insert(.apostrophe)
            scalars = scalars.dropFirst()
        }
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case " ", "\t", "\n", "\r":
                changes.insert(.innerSpaces)
            case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}":
                changes.insert(.dashes)
            case "a"..."z":
                changes.insert(.uppercased)
                out.append(Unicode.Scalar(scalar.value - 32) ?? scalar)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}
