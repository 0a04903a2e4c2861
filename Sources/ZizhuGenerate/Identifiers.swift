/// The arithmetic of the identifiers the generator writes: GB 11643 check characters and Luhn digits.
enum Identifiers {
    private static let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let idCheckCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits of a 公民身份号码; nil unless exactly
    /// 17 ASCII digits are given.
    static func idCheckCharacter(_ first17: String) -> Character? {
        let digits = first17.utf8.map { Int($0) - 48 }
        guard digits.count == 17, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (digit, weight) in zip(digits, idWeights) { sum += digit * weight }
        return idCheckCharacters[sum % 11]
    }

    /// A check character that is NOT the right one for these 17 digits (a typo in the last place).
    static func wrongIDCheckCharacter(_ first17: String, using random: inout RandomSource) -> Character {
        let right = idCheckCharacter(first17) ?? "0"
        let others = idCheckCharacters.filter { $0 != right }
        return random.pick(others)
    }

    /// The Luhn check digit that makes `body + digit` pass (mod 10); nil for non-digits.
    static func luhnCheckDigit(_ body: String) -> Character? {
        let digits = body.utf8.map { Int($0) - 48 }
        guard !digits.isEmpty, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        // Walking from the right of the body, the first digit is doubled (it sits next to the check digit).
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return Character(Unicode.Scalar(UInt8(48 + (10 - sum % 10) % 10)))
    }

    /// Whether a digit string passes Luhn.
    static func passesLuhn(_ number: String) -> Bool {
        guard number.count >= 2 else { return false }
        return luhnCheckDigit(String(number.dropLast())) == number.last
    }

    /// How Excel shows an 18-digit number typed into a General cell: 15 significant digits in scientific
    /// notation (`3.70112201005123E+17`). The lost digits cannot be recovered.
    static func excelScientific(_ digits: String) -> String {
        let significant = Array(digits.prefix(15))
        guard let head = significant.first else { return digits }
        var fraction = String(significant.dropFirst())
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let exponent = digits.count - 1
        return fraction.isEmpty ? "\(head)E+\(exponent)" : "\(head).\(fraction)E+\(exponent)"
    }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
