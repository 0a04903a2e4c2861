/// An amount of renminbi in fen. Never binary floating point.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func += (a: inout Money, b: Money) { a.fen += b.fen }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `1150.00`, `-3.05`: the decimal form of reports and bank files.
    public var decimalString: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `1,150.00`: the form printed for people.
    public var groupedString: String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".")
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        return (negative ? "-" : "") + integer + grouped + "." + parts[1]
    }

    public var description: String { decimalString }

    /// Amount as a Double, only for writing number cells; never compute with it.
    public var yuanForDisplay: Double { Double(fen) / 100 }

    public enum ParseError: Error, Hashable, Sendable {
        case empty
        case notANumber
        case tooManyDecimals
        case negative
        case chineseNumerals
        case tooLarge
    }

    /// Parses a yuan amount as clerks type it: `1150`, `1150.5`, `312.50`, `1,150.00`, `¥800`, `800元`.
    /// Rejects a third decimal, negatives, Chinese numerals and anything else.
    public static func parse(_ text: String) -> Result<Money, ParseError> {
        // Almost every cell is plain digits: parsed once per row by validation and by each document.
        if let fen = plainFen(text) { return .success(Money(fen: fen)) }
        return parseSlowly(text)
    }

    /// `digits[.d[d]]` in ASCII, at most 15 integer digits: the same value `Money.parse` gives, computed
    /// without allocating. nil for anything else (then the full parse decides).
    static func plainFen(_ text: String) -> Int64? {
        text.withUTF8Bytes(plainFen)
    }

    private static func plainFen(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var yuan: Int64 = 0
        var cents: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    cents = cents * 10 + digit
                } else {
                    integerDigits += 1
                    if integerDigits > 15 { return nil }
                    yuan = yuan * 10 + digit
                }
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            default:
                return nil
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if fractionDigits == 1 { cents *= 10 }
        return yuan * 100 + cents
    }

    /// Every form `parse` accepts, and the reason for each it refuses.
    static func parseSlowly(_ text: String) -> Result<Money, ParseError> {
        var s = Substring(text.trimmingWhitespace())
        if s.isEmpty { return .failure(.empty) }
        if s.hasPrefix("¥") || s.hasPrefix("￥") { s = s.dropFirst() }
        if s.hasSuffix("元") { s = s.dropLast() }
        if s.hasPrefix("-") || s.hasPrefix("−") { return .failure(.negative) }
        if s.hasPrefix("+") { s = s.dropFirst() }
        if s.isEmpty { return .failure(.notANumber) }
        if s.unicodeScalars.contains(where: { "零〇一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬".unicodeScalars.contains($0) }) {
            return .failure(.chineseNumerals)
        }
        let pieces = s.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return .failure(.notANumber) }
        let integerPart = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard !integerPart.isEmpty || !fraction.isEmpty else { return .failure(.notANumber) }
        // Thousands separators are accepted only in their proper places: 1,150 or 12,345,678.
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return .failure(.notANumber) }
        }
        let digits = groups.joined()
        guard digits.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit) else {
            return .failure(.notANumber)
        }
        if fraction.count > 2 { return .failure(.tooManyDecimals) }
        guard digits.count <= 15 else { return .failure(.tooLarge) }
        let yuan = Int64(digits.isEmpty ? "0" : digits) ?? 0
        var fen = yuan * 100
        if fraction.count == 1 { fen += Int64(fraction)! * 10 }
        if fraction.count == 2 { fen += Int64(fraction)! }
        return .success(Money(fen: fen))
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

extension StringProtocol {
    /// Trims spaces, tabs, newlines, U+00A0 and U+3000 at both ends.
    public func trimmingWhitespace() -> String { trimmingWhitespaceByCharacter() }

    fileprivate func trimmingWhitespaceByCharacter() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = lastIndex(where: { !isBlank($0) })!
        return String(self[start...end])
    }
}

extension String {
    /// Trims spaces, tabs, newlines, U+00A0 and U+3000 at both ends. Called for many cells of every row, and
    /// almost none has a blank at either end: when the first and the last character begin with a printable
    /// ASCII byte or a CJK ideograph's lead byte, nothing is blank and the string is returned as it is.
    public func trimmingWhitespace() -> String {
        var copy = self
        let surelyTrimmed = copy.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            func beginsNonBlank(_ byte: UInt8) -> Bool { (byte > 0x20 && byte < 0x7F) || (byte >= 0xE4 && byte <= 0xE9) }
            guard beginsNonBlank(first) else { return false }
            if last < 0x80 { return beginsNonBlank(last) }
            var lead = bytes.count - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            return bytes[lead] >= 0xE4 && bytes[lead] <= 0xE9
        }
        return surelyTrimmed ? self : trimmingWhitespaceByCharacter()
    }
}
