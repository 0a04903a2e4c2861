import ZizhuCore

/// The amount of every row of a round, parsed once and shared by the documents (the register, the notice,
/// the bank list and the bank file all need it; parsing a million amounts four times is wasted work).
/// Plain amounts (`1150`, `312.50`) take a fast path; anything else goes through `Applicant.amount`, so the
/// result is always what `Money.parse` says.
public struct AmountTable: Sendable {
    /// Fen per row; `Int64.min` when the row has no valid amount.
    private let fen: [Int64]

    public init(_ result: RoundResult) {
        var fen = [Int64](repeating: .min, count: result.applicants.count)
        for applicant in result.applicants {
            let text = applicant.value(.amount)
            if let fast = AmountTable.plainAmount(text) {
                fen[applicant.index] = fast
            } else if let money = applicant.amount {
                fen[applicant.index] = money.fen
            }
        }
        self.fen = fen
    }

    public subscript(row: Int) -> Money? {
        let value = fen[row]
        return value == .min ? nil : Money(fen: value)
    }

    /// The total of some rows (rows without an amount count as 0).
    public func total<S: Sequence>(of rows: S) -> Money where S.Element == Int {
        var sum: Int64 = 0
        for row in rows where fen[row] != .min { sum += fen[row] }
        return Money(fen: sum)
    }

    /// `digits[.d[d]]` in ASCII, at most 15 integer digits: the same value `Money.parse` gives, computed
    /// without allocating. nil for anything else (the caller then asks `Money.parse`).
    static func plainAmount(_ text: String) -> Int64? {
        var yuan: Int64 = 0
        var cents: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in text.utf8 {
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
}
