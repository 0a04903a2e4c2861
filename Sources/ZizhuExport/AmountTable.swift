import ZizhuCore

/// The amount of every row of a round, parsed once and shared by the documents (the register, the notice,
/// the bank list and the bank file all need it; parsing a million amounts four times is wasted work).
public struct AmountTable: Sendable {
    /// Fen per row; `Int64.min` when the row has no valid amount.
    private let fen: [Int64]

    public init(_ result: RoundResult) {
        var fen = [Int64](repeating: .min, count: result.applicants.count)
        for applicant in result.applicants {
            if let money = applicant.amount { fen[applicant.index] = money.fen }
        }
        self.fen = fen
    }

    /// Amounts already parsed (`ValidationInProgress.fenPerRow`: fen per row, `Int64.min` for none).
    public init(fenPerRow: [Int64]) {
        fen = fenPerRow
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
}
