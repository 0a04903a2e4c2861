/// How the columns of one input file map to fields. Shared by every row of that file.
public final class ColumnLayout: Sendable {
    /// The file as shown to the clerk (its name, or a path relative to the input folder).
    public let file: String
    /// The header cells as they appear in the file (normalised text).
    public let headers: [String]
    /// The 1-based line (sheet row) of the header.
    public let headerLine: Int
    /// `fieldColumns[field.rawValue]` is the column index of that field, or -1 when the file lacks it.
    private let fieldColumns: [Int]

    public init(file: String, headers: [String], headerLine: Int, columns: [Field: Int]) {
        self.file = file
        self.headers = headers
        self.headerLine = headerLine
        var table = [Int](repeating: -1, count: Field.allCases.count)
        for (field, column) in columns { table[field.rawValue] = column }
        self.fieldColumns = table
    }

    public func column(of field: Field) -> Int? {
        let column = fieldColumns[field.rawValue]
        return column >= 0 ? column : nil
    }

    public func has(_ field: Field) -> Bool { fieldColumns[field.rawValue] >= 0 }

    /// Columns whose header names one of `names` (compared after removing spaces and brackets' contents
    /// such as `（复印件）`), in file order. Used for document columns, which the policy names.
    public func columns(named names: [String]) -> [Int] {
        let wanted = Set(names.map(ColumnLayout.headerKey))
        return headers.indices.filter { wanted.contains(ColumnLayout.headerKey(headers[$0])) }
    }

    /// The comparable form of a header: no white space, no bracketed unit, `（` `）` folded.
    public static func headerKey(_ header: String) -> String {
        var out = ""
        var depth = 0
        for ch in header {
            switch ch {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            case " ", "\u{3000}", "\t", "\n", "\r", "*", "＊": continue
            default: if depth == 0 { out.append(ch) }
            }
        }
        return out.isEmpty ? header : out
    }
}

/// One data row of a roster: the normalised cells, the originals of the cells that normalisation changed,
/// and where the row came from. Every input row becomes exactly one `Applicant`, accepted or returned.
public struct Applicant: Sendable {
    public private(set) var layout: ColumnLayout
    /// 1-based physical line (or sheet row) where the record starts.
    public let line: Int
    /// Position of this row in the whole round (all inputs, in order); findings refer to rows by it.
    public var index: Int
    /// Cells after normalisation, one per header column (missing trailing cells are "").
    public var cells: [String]
    /// The text as typed, for the cells that normalisation changed (column → original).
    public var originals: [Int: String]

    public init(layout: ColumnLayout, line: Int, index: Int, cells: [String], originals: [Int: String] = [:]) {
        self.layout = layout
        self.line = line
        self.index = index
        self.cells = cells
        self.originals = originals
    }

    public var location: SourceLocation { SourceLocation(file: layout.file, line: line) }

    /// The same row under another layout of the same columns and at another place in the round: for joining
    /// rows that were read apart (the second half of a file, with its own copy of the layout).
    public mutating func renumber(layout: ColumnLayout, shift: Int) {
        self.layout = layout
        index += shift
    }

    /// The normalised value of a field; nil when the file has no such column, "" when the cell is empty.
    public subscript(field: Field) -> String? {
        guard let column = layout.column(of: field) else { return nil }
        return column < cells.count ? cells[column] : ""
    }

    /// The value of a field, or "" when the column is absent.
    public func value(_ field: Field) -> String { self[field] ?? "" }

    /// The cell as the teacher typed it.
    public func original(column: Int) -> String {
        originals[column] ?? (column < cells.count ? cells[column] : "")
    }

    /// The original cells of the whole row, for the returned list.
    public var originalCells: [String] { cells.indices.map(original(column:)) }

    /// The amount parsed as money, or nil when the column is absent or the text is not a valid amount.
    public var amount: Money? {
        guard let text = self[.amount], case .success(let money) = Money.parse(text) else { return nil }
        return money
    }
}
