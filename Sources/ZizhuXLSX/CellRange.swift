/// A rectangle of cells, 0-based, both ends included, as libxlsxwriter counts them.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The cells of one column between two rows.
    public static func column(_ column: Int, rows: ClosedRange<Int>) -> CellRange {
        CellRange(firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
    }

    /// `A1:N200`, or `B3` for a single cell.
    public var a1: String {
        let first = CellRange.cellName(row: firstRow, column: firstColumn)
        if firstRow == lastRow && firstColumn == lastColumn { return first }
        return first + ":" + CellRange.cellName(row: lastRow, column: lastColumn)
    }

    /// `$A$4:$A$200`: the absolute form formulas use across sheets.
    public var absoluteA1: String {
        "$\(CellRange.columnName(firstColumn))$\(firstRow + 1):$\(CellRange.columnName(lastColumn))$\(lastRow + 1)"
    }

    public var description: String { a1 }

    /// `A`, `Z`, `AA`, … for a 0-based column.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `C7` for row 6, column 2.
    public static func cellName(row: Int, column: Int) -> String { "\(columnName(column))\(row + 1)" }
}
