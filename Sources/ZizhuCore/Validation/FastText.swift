extension String {
    /// The text without surrounding blanks, without allocating when there are none (the import already
    /// trims cells; this is the cheap guard the rules run on every row).
    var trimmedForRules: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if String.isBlank(first) || String.isBlank(last) { return trimmingWhitespace() }
        return self
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x20 || scalar.value == 0xA0 || scalar.value == 0x3000 || scalar.properties.isWhitespace
    }
}

extension RowFacts {
    /// `Money.parse`, with a fast path for the common plain forms (`1150`, `1150.0`, `1150.00`).
    static func parseAmount(_ text: String) -> Result<Money, Money.ParseError> {
        var yuan: Int64 = 0
        var fen: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var inFraction = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else { return Money.parse(text) }
                    fen = fen * 10 + Int64(byte - 48)
                } else {
                    integerDigits += 1
                    guard integerDigits <= 12 else { return Money.parse(text) }
                    yuan = yuan * 10 + Int64(byte - 48)
                }
            } else if byte == 46 && !inFraction && integerDigits > 0 {
                inFraction = true
            } else {
                return Money.parse(text)
            }
        }
        guard integerDigits > 0, !inFraction || fractionDigits > 0 else { return Money.parse(text) }
        if fractionDigits == 1 { fen *= 10 }
        return .success(Money(fen: yuan * 100 + fen))
    }
}
