import Foundation
import ZizhuCore

/// The text of a stored number, as Excel would show its raw value.
enum XLSXNumberText {
    /// Excel keeps and shows 15 significant digits.
    static let excelSignificantDigits = 15

    /// The stored lexical form, with two corrections so the text is what Excel shows for the raw value:
    /// - binary float noise, i.e. more than 15 significant digits with a fraction or exponent
    ///   (`1150.4999999999998`, `3.701122010051235E+17`), is rounded to 15 significant digits of the stored
    ///   double, as Excel does (`1150.5`, `3.70112201005123E+17`);
    /// - exponent notation is written Excel's way (`3.70112201005123e+17` → `3.70112201005123E+17`).
    /// A long plain integer (`370112201005123456`, written by tools other than Excel) is kept as written.
    /// Returns nil when the bytes are not a number.
    static func display(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, XMLBytes.isSpace(bytes[start]) { start += 1 }
        while end > start, XMLBytes.isSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let parsed = ParsedDecimal(trimmed) else { return nil }
        let original = String(decoding: trimmed, as: UTF8.self)
        let sign = parsed.isNegative ? "-" : ""
        guard parsed.significantDigits.count > excelSignificantDigits, parsed.hasFractionOrExponent else {
            return parsed.hasExponent
                ? sign + scientific(parsed.significantDigits, pointPosition: parsed.pointPosition)
                : original
        }
        // Rounded from the exact binary value (glibc's printf is exact), not from the shortest decimal, which
        // could round the other way: 370112201005123456 is stored as …123456, written as 3.701122010051235E+17.
        guard let value = Double(original), value.isFinite else { return original }
        var formatted = String(format: "%.14e", abs(value))
        guard let rounded = formatted.withUTF8({ ParsedDecimal($0) }) else { return original }
        return sign + (parsed.hasExponent
            ? scientific(rounded.significantDigits, pointPosition: rounded.pointPosition)
            : plain(rounded.significantDigits, pointPosition: rounded.pointPosition))
    }

    /// `3.70112201005123E+17`, Excel's style: two-digit exponent at least.
    private static func scientific(_ digits: [UInt8], pointPosition: Int) -> String {
        var mantissa = String(digits[0])
        if digits.count > 1 { mantissa += "." + digits[1...].map(String.init).joined() }
        let exponent = pointPosition - 1
        let magnitude = String(abs(exponent))
        return mantissa + (exponent < 0 ? "E-" : "E+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }

    private static func plain(_ digits: [UInt8], pointPosition: Int) -> String {
        let text = digits.map(String.init).joined()
        if pointPosition <= 0 { return "0." + String(repeating: "0", count: -pointPosition) + text }
        if pointPosition >= digits.count { return text + String(repeating: "0", count: pointPosition - digits.count) }
        let split = text.index(text.startIndex, offsetBy: pointPosition)
        return String(text[..<split]) + "." + String(text[split...])
    }

    /// A decimal as written: `-12.50E+3` → digits 1 2 5, point after 5 digits, negative.
    private struct ParsedDecimal {
        var isNegative = false
        var hasExponent = false
        var hasFractionOrExponent = false
        /// Digits without leading or trailing zeros (one 0 for zero).
        var significantDigits: [UInt8] = []
        /// The decimal point sits after this many of `significantDigits` (may be negative or past the end).
        var pointPosition = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                isNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var allDigits: [UInt8] = []
            var integerDigitCount = 0
            var sawPoint = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "."), !sawPoint {
                    sawPoint = true
                } else if let digit = Self.digit(byte) {
                    allDigits.append(digit)
                    if !sawPoint { integerDigitCount += 1 }
                    if sawPoint, digit != 0 { hasFractionOrExponent = true }
                } else {
                    break
                }
                index += 1
            }
            guard !allDigits.isEmpty else { return nil }
            var exponent = 0
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                hasExponent = true
                hasFractionOrExponent = true
                index += 1
                var exponentIsNegative = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                    index += 1
                }
                var exponentDigits = 0
                while index < bytes.count, let digit = Self.digit(bytes[index]) {
                    exponent = min(exponent * 10 + Int(digit), 100_000)
                    exponentDigits += 1
                    index += 1
                }
                guard exponentDigits > 0 else { return nil }
                if exponentIsNegative { exponent = -exponent }
            }
            guard index == bytes.count else { return nil }
            var leadingZeros = 0
            while leadingZeros < allDigits.count - 1, allDigits[leadingZeros] == 0 { leadingZeros += 1 }
            significantDigits = Array(allDigits[leadingZeros...])
            pointPosition = integerDigitCount + exponent - leadingZeros
            while significantDigits.count > 1, significantDigits.last == 0 { significantDigits.removeLast() }
            if significantDigits == [0] { pointPosition = 1 }
        }

        private static func digit(_ byte: UInt8) -> UInt8? {
            let value = byte &- UInt8(ascii: "0")
            return value < 10 ? value : nil
        }
    }
}

/// Excel serial dates: days since 1899-12-30 (with the fictional 1900-02-29 as serial 60), or since 1904-01-01
/// in the 1904 date system; the fraction is the time of day.
enum ExcelDate {
    /// The last day Excel accepts, 9999-12-31, in the 1900 system.
    static let maxSerial1900 = 2_958_465.0

    struct DateTime: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var secondOfDay: Int
    }

    static func dateTime(fromSerial serial: Double, date1904: Bool) -> DateTime? {
        guard serial.isFinite, serial >= 0, serial < maxSerial1900 + 1 else { return nil }
        // Excel rounds times to the millisecond; do the same so 0.99999999 is not a day short.
        let milliseconds = (serial * 86_400_000).rounded()
        let days = Int((milliseconds / 86_400_000).rounded(.down))
        let secondOfDay = Int(((milliseconds - Double(days) * 86_400_000) / 1000).rounded())
        let daysSince1970: Int
        if date1904 {
            daysSince1970 = days - 24_107
        } else {
            // Serial 60 is 1900-02-29, a day Excel invents for Lotus compatibility; serial 0 is "1900-01-00".
            guard days >= 1, days != 60 else { return nil }
            daysSince1970 = days < 60 ? days - 25_568 : days - 25_569
        }
        let date = CivilDate(daysSinceEpoch: daysSince1970)
        guard date.year <= 9999 else { return nil }
        return DateTime(year: date.year, month: date.month, day: date.day, secondOfDay: min(secondOfDay, 86_399))
    }

    static func dateString(_ value: DateTime) -> String {
        pad(value.year, 4) + "-" + pad(value.month, 2) + "-" + pad(value.day, 2)
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the time of day is not midnight.
    static func dateTimeString(_ value: DateTime) -> String {
        guard value.secondOfDay != 0 else { return dateString(value) }
        let seconds = value.secondOfDay
        return dateString(value) + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":"
            + pad(seconds % 60, 2)
    }

    /// A `t="d"` cell holds ISO 8601 text; midnight is shortened to the date, anything else is kept as written.
    static func isoCellText(_ text: String) -> String {
        let midnightSuffixes = ["T00:00:00", "T00:00:00Z", "T00:00:00.000", "T00:00:00.000Z"]
        for suffix in midnightSuffixes where text.hasSuffix(suffix) && text.utf8.count == 10 + suffix.utf8.count {
            return String(text.prefix(10))
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
