import ZizhuCore

/// Recognises identifiers that Excel stored as numbers. Excel keeps 15 significant digits, so an 18-digit ID
/// or a 19-digit card typed as a number comes back as `3.70112E+17`, `370112201005120000.0`, or with zeros in
/// place of its last digits. The digits are gone: this only recognises the damage, it never guesses them back.
enum ExcelMangling {
    /// A plain identifier Excel may have rounded: more than 15 characters ending in 0. The reader keeps such
    /// cells as suspects and judges them once the whole file is read.
    @inline(__always)
    static func mayHaveLostDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count > 15 && bytes[bytes.count - 1] == UInt8(ascii: "0")
    }

    /// True when the normalised value of an identifier cell shows Excel's number damage.
    static func isMangled(_ value: String, field: Field) -> Bool {
        guard field.isIdentifier, let last = value.utf8.last else { return false }
        let check: (UnsafeBufferPointer<UInt8>) -> Bool = { bytes in
            if isScientific(bytes) { return true }
            return last == UInt8(ascii: "0")
                && (hasLostTrailingDigits(bytes, field: field) || isFloatWithLostDigits(bytes))
        }
        if let answer = value.utf8.withContiguousStorageIfAvailable(check) { return answer }
        return Array(value.utf8).withUnsafeBufferPointer(check)
    }

    /// `3.70112E+17`, `6.22848E+18`, `3.70112201005123E+17`: scientific notation, as Excel's General format
    /// shows any number of more than 11 digits.
    static func isScientific(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        func digits() -> Int {
            let start = i
            while i < n && isDigit(bytes[i]) { i += 1 }
            return i - start
        }
        guard digits() > 0 else { return false }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        guard i < n, bytes[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < n && bytes[i] == UInt8(ascii: "+") { i += 1 }
        return digits() > 0 && i == n
    }

    /// `370112201005120000.0`: a number of more than 15 digits written back with a decimal part.
    static func isFloatWithLostDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 15 else { return false }
        return bytes[..<dot].allSatisfy(isDigit) && bytes[(dot + 1)...].allSatisfy { $0 == UInt8(ascii: "0") }
            && dot + 1 < bytes.count
    }

    /// All digits, and zeros from the 16th digit on where real digits should be: an 18-digit ID ending in 000
    /// whose check digit fails, or a card of 17–19 digits that fails Luhn. A real ID or card may end in zeros;
    /// the failed check is what tells the damage apart.
    static func hasLostTrailingDigits(_ bytes: UnsafeBufferPointer<UInt8>, field: Field) -> Bool {
        let n = bytes.count
        guard n > 15, bytes.allSatisfy(isDigit), bytes[15...].allSatisfy({ $0 == UInt8(ascii: "0") }) else {
            return false
        }
        switch field {
        case .idNumber, .guardianID, .studentNumber:
            return n == 18 && !hasValidIDCheckDigit(bytes)
        case .card:
            return n >= 17 && n <= 19 && !passesLuhn(bytes)
        default:
            return false
        }
    }

    /// GB 11643-1999 check character (ISO 7064 MOD 11-2) over an 18-character ID.
    static func hasValidIDCheckDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for k in 0..<17 {
            guard isDigit(bytes[k]) else { return false }
            sum += Int(bytes[k] - 0x30) * weights[k]
        }
        let expected = Array("10X98765432".utf8)[sum % 11]
        return bytes[17] == expected
    }

    static func passesLuhn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sum = 0
        for (position, byte) in bytes.reversed().enumerated() {
            var digit = Int(byte) - 0x30
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension ExcelMangling {
    /// What a number cell of a workbook holds, for an identifier column.
    enum StoredNumber: Equatable {
        /// More than 15 digits before the point: Excel kept 15 significant digits, the rest is gone.
        case lostDigits
        /// A whole number of at most 15 digits, as its digits (`13812345678`, also from `1.3812345678E+10`).
        case integer(String)
        /// Anything else (a fraction, a negative number): left as it is for the rules to judge.
        case other
    }

    /// Classifies the text of a `.number`/`.formulaNumber` cell (`3.70112201005123E+17`, `370112201005123000`,
    /// `13812345678`). The digits are never guessed back.
    static func storedNumber(_ text: String) -> StoredNumber {
        var body = Substring(text)
        guard !body.hasPrefix("-") else { return .other }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            var tail = body[body.index(after: e)...]
            if tail.hasPrefix("+") { tail = tail.dropFirst() }
            guard let value = Int(tail) else { return .other }
            exponent = value
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .other }
        let integerPart = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let all = Array((integerPart + fraction).utf8)
        guard !all.isEmpty, all.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .other }
        let leadingZeros = all.prefix { $0 == 0x30 }.count
        let significant = all.dropFirst(leadingZeros)
        let point = integerPart.utf8.count - leadingZeros + exponent
        if point > 15 { return .lostDigits }
        guard point > 0 else { return .other }
        let whole = significant.prefix(point)
        guard significant.dropFirst(point).allSatisfy({ $0 == 0x30 }) else { return .other }
        return .integer(String(decoding: whole, as: UTF8.self) + String(repeating: "0", count: point - whole.count))
    }
}
