/// A bank card number of the right shape: 16 to 19 ASCII digits. Chinese UnionPay debit cards are mostly
/// 19 digits. **Luhn is not guaranteed** for Chinese cards: `passesLuhn` is advice, never a reason to reject.
public struct BankCard: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    /// The lengths a card number may have.
    public static let validLengths = 16...19

    public enum FormatProblem: Error, Hashable, Sendable {
        case empty
        /// A character other than a digit (spaces and hyphens between groups are fine).
        case character(String)
        /// Digits only, but not 16–19 of them.
        case length(Int)
    }

    /// Parses a cell: digits, possibly typed in groups separated by spaces or hyphens.
    public static func parse(_ text: String) -> Result<BankCard, FormatProblem> {
        // Digits, and whether there was a group separator; nil at a character that does not belong.
        let scanned: (count: Int, clean: Bool)? = text.withUTF8Bytes { bytes in
            var clean = true
            var count = 0
            for byte in bytes {
                if byte >= 48 && byte <= 57 {
                    count += 1
                } else if byte == 32 || byte == 45 {
                    clean = false
                } else {
                    return nil
                }
            }
            return (count, clean)
        }
        guard let (count, clean) = scanned else {
            let bad = text.first { !($0.isASCIIDigit || $0 == " " || $0 == "-") }
            return .failure(.character(bad.map(String.init) ?? "?"))
        }
        if count == 0 { return .failure(.empty) }
        guard validLengths.contains(count) else { return .failure(.length(count)) }
        let digits = clean ? text : String(text.filter(\.isASCIIDigit))
        return .success(BankCard(uncheckedDigits: digits))
    }

    /// A card from digits already checked by `parse`.
    init(uncheckedDigits: String) { self.digits = uncheckedDigits }

    public init?(_ text: String) {
        guard case .success(let card) = BankCard.parse(text) else { return nil }
        self = card
    }

    /// The first six digits: the Bank Identification Number.
    public var bin: String { String(digits.prefix(6)) }

    public var passesLuhn: Bool { BankCard.isLuhnValid(digits) }

    /// Luhn (mod 10) over a digit string; false for anything that is not all digits.
    public static func isLuhnValid(_ digits: some StringProtocol) -> Bool {
        digits.withUTF8Bytes { bytes in
            var sum = 0
            var double = false
            for byte in bytes.reversed() {
                guard byte >= 48 && byte <= 57 else { return false }
                var d = Int(byte - 48)
                if double {
                    d *= 2
                    if d > 9 { d -= 9 }
                }
                sum += d
                double.toggle()
            }
            return bytes.count > 1 && sum % 10 == 0
        }
    }

    /// The digit that makes `payload + digit` pass Luhn; nil when the payload is not all digits.
    public static func luhnCheckDigit(for payload: some StringProtocol) -> Character? {
        guard !payload.isEmpty, payload.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        for digit in 0...9 where isLuhnValid(String(payload) + String(digit)) {
            return Character(String(digit))
        }
        return nil
    }

    /// A compact hash key: the digits as a number plus the length (leading zeros kept apart).
    public var key: Key {
        digits.withUTF8Bytes { bytes in
            var value: UInt64 = 0
            for byte in bytes { value = value &* 10 &+ UInt64(byte - 48) }
            return Key(value: value, length: UInt8(truncatingIfNeeded: bytes.count))
        }
    }

    public struct Key: Hashable, Sendable {
        public let value: UInt64
        public let length: UInt8
    }

    public var description: String { digits }
}
