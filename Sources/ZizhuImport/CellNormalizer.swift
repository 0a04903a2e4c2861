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
    /// For identifiers: the value could be one Excel stored as a number (not plain digits, or 16+ digits
    /// ending in 0). Lets the caller skip the check for almost every cell.
    var mayBeExcelNumber = false
}

/// Normalises cells: zero-width characters removed, NFKC (full-width digits and letters to ASCII), blanks
/// trimmed; identifiers also lose blanks, dashes and a leading `'` inside and get uppercase letters.
///
/// Most cells are plain ASCII or CJK unified ideographs, which NFKC leaves as they are, so a byte scan
/// decides first and only the other cells pay for Foundation's NFKC. Each cell becomes a String once.
enum CellNormalizer {
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, as kind: CellKind) -> NormalizedCell {
        if bytes.isEmpty { return NormalizedCell(value: "", original: nil, changes: []) }
        let clean = kind == .identifier
            ? isPlainIdentifier(bytes) : isPlainText(bytes, keepsChinesePunctuation: kind == .text)
        let text = String(decoding: bytes, as: UTF8.self)
        if clean {
            let mayBeNumber = kind == .identifier && bytes.count > 15 && bytes[bytes.count - 1] == 0x30
            return NormalizedCell(value: text, original: nil, changes: [], mayBeExcelNumber: mayBeNumber)
        }
        return normalizeSlowly(text, as: kind)
    }

    static func normalize(_ text: String, as kind: CellKind) -> NormalizedCell {
        var copy = text
        let clean = copy.withUTF8 {
            $0.isEmpty || (kind == .identifier
                ? isPlainIdentifier($0) : isPlainText($0, keepsChinesePunctuation: kind == .text))
        }
        if clean { return NormalizedCell(value: text, original: nil, changes: [], mayBeExcelNumber: kind == .identifier) }
        return normalizeSlowly(text, as: kind)
    }

    /// Text that normalisation leaves exactly as it is: printable ASCII, CJK ideographs and the few other
    /// characters class sheets are full of (√ ✓ × · 、。《》“”), no blank at either end. With
    /// `keepsChinesePunctuation` (text cells) ！（），：；？ count too, since text cells keep them.
    /// Everything accepted here is NFKC-stable; a test runs each through the slow path to prove it.
    @inline(__always)
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>, keepsChinesePunctuation: Bool = true) -> Bool {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return true }
        let n = bytes.count
        guard p[0] != 0x20 && p[n - 1] != 0x20 else { return false }
        var i = 0
        while i < n {
            if i + 8 <= n && ByteScan.isPrintableASCII(ByteScan.load(p, i)) {
                i += 8
                continue
            }
            let byte = p[i]
            if byte >= 0x20 && byte < 0x7F {
                i += 1
                continue
            }
            let length = stableSequenceLength(p, i, n, keepsChinesePunctuation: keepsChinesePunctuation)
            guard length > 0 else { return false }
            i += length
        }
        return true
    }

    /// The length of the NFKC-stable character at `p[i]` (a lead byte ≥ 0x80 of valid UTF-8), or 0 when it
    /// needs the slow path.
    @inline(__always)
    private static func stableSequenceLength(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, keepsChinesePunctuation: Bool
    ) -> Int {
        let lead = p[i]
        switch lead {
        case 0xE4...0xE9:
            // U+4000–U+9FFF: CJK ideographs (and extension A, Yijing symbols).
            return i + 2 < n ? 3 : 0
        case 0xC2, 0xC3:
            guard i + 1 < n else { return 0 }
            let scalar = (UInt32(lead & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F)
            return scalar == 0xB7 || scalar == 0xD7 || scalar == 0xF7 ? 2 : 0  // · × ÷
        case 0xE2, 0xE3, 0xEF:
            guard i + 2 < n else { return 0 }
            let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
            if scalar >= 0x3400 && scalar <= 0x3FFF { return 3 }  // CJK extension A
            if keepsChinesePunctuation && chinesePunctuation.contains(scalar) { return 3 }
            return stableSymbols.contains(scalar) ? 3 : 0
        case 0xF0:
            // U+20000–U+2EFFF and U+30000–U+3FFFF: CJK extensions B–I (not the compatibility ideographs at
            // U+2F800, which NFKC maps).
            guard i + 3 < n else { return 0 }
            let second = p[i + 1]
            return (second >= 0xA0 && second <= 0xAE) || (second >= 0xB0 && second <= 0xB3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Symbols and punctuation NFKC leaves alone that turn up in rosters: — ‘ ’ “ ” √ ■ □ ○ ● ★ ☆ ☑ ☒ ✓ ✔ ✕
    /// ✖ ✗ ✘ 、 。 〇 〈 〉 《 》 「 」 『 』 【 】 〔 〕 〖 〗.
    static let stableSymbols: Set<UInt32> = [
        0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x221A, 0x25A0, 0x25A1, 0x25CB, 0x25CF, 0x2605, 0x2606,
        0x2611, 0x2612, 0x2713, 0x2714, 0x2715, 0x2716, 0x2717, 0x2718,
        0x3001, 0x3002, 0x3007, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011,
        0x3014, 0x3015, 0x3016, 0x3017,
    ]

    /// Digits and uppercase ASCII letters only: nothing to do for an identifier.
    @inline(__always)
    static func isPlainIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        if n >= 8 {
            // Word by word, the last word overlapping the one before it.
            var i = 0
            while i + 8 <= n {
                guard ByteScan.isDigitsOrCapitals(ByteScan.load(p, i)) else { return false }
                i += 8
            }
            return i == n || ByteScan.isDigitsOrCapitals(ByteScan.load(p, n - 8))
        }
        var i = 0
        while i < n {
            let byte = p[i]
            guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) else { return false }
            i += 1
        }
        return true
    }

    /// Full-width punctuation of Chinese prose, kept in text cells: ！（），：；？
    static let chinesePunctuation: Set<UInt32> = [0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F]
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
                              changes: text == original ? [] : changes, mayBeExcelNumber: kind == .identifier)
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
