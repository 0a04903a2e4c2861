/// One non-empty cell of a sheet row.
public struct XLSXCell: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A shared or inline string: typed as text, so identifiers in it are intact.
        case text
        /// A number. An identifier stored this way has lost every digit after the 15th in Excel.
        case number
        /// TRUE or FALSE.
        case boolean
        /// The cached text result of a formula.
        case formulaText
        /// The cached numeric result of a formula.
        case formulaNumber
        /// An error value such as `#N/A` or `#DIV/0!`.
        case error
        /// A date: a `t="d"` cell, or a number styled with a date format. `text` is `YYYY-MM-DD`
        /// (`YYYY-MM-DDTHH:MM:SS` when it carries a time of day).
        case date
    }

    /// 0-based column (A = 0), from the cell reference.
    public var column: Int
    /// The value as text. Strings as stored (Office `_xHHHH_` escapes undone); numbers in the lexical form the file
    /// stores (`370112201005123000`, `3.70112201005123E+17`, `1150.5`), rounded to the 15 significant digits Excel
    /// shows only when the stored form carries binary float noise (`1150.4999999999998` → `1150.5`); booleans
    /// `TRUE`/`FALSE`; errors as written (`#N/A`); dates as described for `Kind.date`.
    public var text: String
    public var kind: Kind
    /// The cell's number format code when the cell is styled (`@`, `0`, `yyyy-mm-dd`, `General`, …), resolved
    /// through the workbook's styles, built-in format ids included; nil for an unstyled cell or an unknown id.
    public var numberFormat: String?

    public init(column: Int, text: String, kind: Kind, numberFormat: String? = nil) {
        self.column = column
        self.text = text
        self.kind = kind
        self.numberFormat = numberFormat
    }

    /// The column as Excel names it (0 → `A`, 27 → `AB`).
    public var columnName: String { XLSXCellReference.columnName(column) }

    /// The cell's reference in a row, e.g. `E17`; findings name a cell as `高一(2)班!E17`.
    public func reference(row: Int) -> String { columnName + String(row) }
}

/// One sheet row that holds at least one non-empty cell.
public struct XLSXRow: Sendable, Equatable {
    /// 1-based sheet row as Excel shows it.
    public var number: Int
    /// Sorted by column; empty cells omitted.
    public var cells: [XLSXCell]

    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in a 0-based column, if it is not empty.
    public func cell(atColumn column: Int) -> XLSXCell? {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low] : nil
    }
}

/// A sheet as the workbook lists it, in tab order.
public struct XLSXSheetInfo: Sendable, Equatable {
    /// The tab name.
    public var name: String
    /// `state="hidden"` or `state="veryHidden"`.
    public var isHidden: Bool
    /// The sheet's part inside the package, e.g. `xl/worksheets/sheet1.xml`.
    public var path: String
    /// Merged ranges in the sheet's own notation, e.g. `A1:F1`, in document order.
    public var mergedRanges: [String]

    public init(name: String, isHidden: Bool, path: String, mergedRanges: [String]) {
        self.name = name
        self.isHidden = isHidden
        self.path = path
        self.mergedRanges = mergedRanges
    }
}

/// Cell references (`AB12`) and column names.
enum XLSXCellReference {
    /// Excel's last column, XFD.
    static let maxColumn = 16_383

    /// Parses `AB12` into a 0-based column and a 1-based row; the row is nil for a bare column (`AB`).
    /// Returns nil for anything else.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int?)? {
        var index = 0
        var column = 0
        while index < bytes.count {
            let letter = bytes[index] & ~0x20 // upper-case ASCII letters
            guard letter >= UInt8(ascii: "A"), letter <= UInt8(ascii: "Z"), bytes[index] >= UInt8(ascii: "A") else {
                break
            }
            column = column * 26 + Int(letter - UInt8(ascii: "A")) + 1
            guard column - 1 <= maxColumn else { return nil }
            index += 1
        }
        guard column > 0 else { return nil }
        if index == bytes.count { return (column - 1, nil) }
        var row = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            row = row * 10 + Int(digit)
            guard row <= Int(Int32.max) else { return nil }
            index += 1
        }
        guard row > 0 else { return nil }
        return (column - 1, row)
    }

    static func columnName(_ column: Int) -> String {
        var remaining = column + 1
        var letters: [Character] = []
        while remaining > 0 {
            let letter = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(letter))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `高一(2)班!E17`: the form findings use to name a cell.
    static func qualifiedName(sheet: String, column: Int, row: Int) -> String {
        "\(sheet)!\(columnName(column))\(row)"
    }
}
