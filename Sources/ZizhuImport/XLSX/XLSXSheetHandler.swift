/// Turns the events of a worksheet part into rows. Completed rows collect in `completedRows`, which the reader
/// drains after every chunk, so memory holds one chunk's rows at most.
struct XLSXSheetHandler: XMLEventHandler {
    let sheetName: String
    let sharedStrings: [String]
    let styles: XLSXStyleTable
    let date1904: Bool

    var completedRows: [XLSXRow] = []

    private var inSheetData = false
    // The current row.
    private var inRow = false
    private var rowNumberAttribute: Int?
    private var rowNumberFromCells: Int?
    private var previousRowNumber = 0
    private var cells: [XLSXCell] = []
    private var nextColumn = 0
    // The current cell.
    private var inCell = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle: Int?
    private var cellHasFormula = false
    private var cellHasValue = false
    private var capture = Capture.none
    private var inInlineString = false
    private var cellHasInlineString = false
    private var phoneticDepth = 0
    private var valueBytes: [UInt8] = []
    private var inlineBytes: [UInt8] = []

    private enum CellType { case sharedString, inlineString, formulaString, boolean, error, isoDate, number }
    private enum Capture { case none, value, inlineText }

    init(sheetName: String, sharedStrings: [String], styles: XLSXStyleTable, date1904: Bool) {
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
    }

    mutating func startElement(_ tag: XMLTag) throws {
        let name = tag.name.localName
        if inCell {
            if XMLBytes.equal(name, "v") {
                capture = .value
                cellHasValue = true
            } else if XMLBytes.equal(name, "f") {
                cellHasFormula = true
            } else if XMLBytes.equal(name, "is") {
                inInlineString = true
                cellHasInlineString = true
            } else if inInlineString {
                if XMLBytes.equal(name, "t"), phoneticDepth == 0 {
                    capture = .inlineText
                    cellHasValue = true
                } else if XMLBytes.equal(name, "rPh") {
                    phoneticDepth += 1
                }
            }
        } else if inRow {
            if XMLBytes.equal(name, "c") { try startCell(tag) }
        } else if inSheetData {
            if XMLBytes.equal(name, "row") { try startRow(tag) }
        } else if XMLBytes.equal(name, "sheetData") {
            inSheetData = true
        }
    }

    mutating func endElement(_ name: XMLName) throws {
        let local = name.localName
        if inCell {
            if XMLBytes.equal(local, "c") {
                try finishCell()
            } else if XMLBytes.equal(local, "v") || XMLBytes.equal(local, "t") {
                capture = .none
            } else if XMLBytes.equal(local, "rPh") {
                phoneticDepth = max(0, phoneticDepth - 1)
            } else if XMLBytes.equal(local, "is") {
                inInlineString = false
            }
        } else if inRow {
            if XMLBytes.equal(local, "row") { finishRow() }
        } else if inSheetData, XMLBytes.equal(local, "sheetData") {
            inSheetData = false
        }
    }

    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {
        switch capture {
        case .none: return
        case .value: try XMLText.decode(raw, isCDATA: isCDATA, appendingTo: &valueBytes)
        case .inlineText: try XMLText.decode(raw, isCDATA: isCDATA, appendingTo: &inlineBytes)
        }
    }

    // MARK: Rows

    private mutating func startRow(_ tag: XMLTag) throws {
        inRow = true
        rowNumberAttribute = nil
        rowNumberFromCells = nil
        cells.removeAll(keepingCapacity: true)
        nextColumn = 0
        try tag.forEachAttribute { attribute, raw in
            guard !attribute.hasPrefix, XMLBytes.equal(attribute.bytes, "r") else { return }
            guard let number = Self.positiveInteger(raw) else { throw XMLSyntaxError(reason: "行号无效") }
            rowNumberAttribute = number
        }
    }

    private mutating func finishRow() {
        inRow = false
        // Rows without `r` follow the previous one, unless their cells say where they are.
        let number = rowNumberAttribute ?? rowNumberFromCells ?? previousRowNumber + 1
        previousRowNumber = number
        guard !cells.isEmpty else { return }
        if !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
            // Out of order or repeated references (malformed, but seen): sort, the last of a column wins.
            var byColumn: [Int: XLSXCell] = [:]
            for cell in cells { byColumn[cell.column] = cell }
            cells = byColumn.values.sorted { $0.column < $1.column }
        }
        completedRows.append(XLSXRow(number: number, cells: cells))
    }

    // MARK: Cells

    private mutating func startCell(_ tag: XMLTag) throws {
        // Repeated references could otherwise grow one row without bound.
        guard cells.count <= XLSXCellReference.maxColumn else { throw XMLSyntaxError(reason: "一行的单元格超过 Excel 上限") }
        inCell = true
        cellColumn = nextColumn
        cellType = .number
        cellStyle = nil
        cellHasFormula = false
        cellHasValue = false
        capture = .none
        inInlineString = false
        cellHasInlineString = false
        phoneticDepth = 0
        // Guarded: `removeAll(keepingCapacity:)` is not free, and most cells leave one of them empty.
        if !valueBytes.isEmpty { valueBytes.removeAll(keepingCapacity: true) }
        if !inlineBytes.isEmpty { inlineBytes.removeAll(keepingCapacity: true) }
        var referenceRow: Int?
        try tag.forEachAttribute { attribute, raw in
            guard !attribute.hasPrefix, attribute.bytes.count == 1 else { return }
            switch attribute.bytes[0] {
            case UInt8(ascii: "r"):
                guard let reference = XLSXCellReference.parse(raw) else {
                    throw XMLSyntaxError(reason: "单元格引用无效")
                }
                cellColumn = reference.column
                referenceRow = reference.row
            case UInt8(ascii: "t"):
                cellType = try Self.cellType(raw)
            case UInt8(ascii: "s"):
                cellStyle = Self.nonNegativeInteger(raw)
            default:
                break
            }
        }
        guard cellColumn <= XLSXCellReference.maxColumn else { throw XMLSyntaxError(reason: "列数超过 Excel 上限") }
        if rowNumberFromCells == nil { rowNumberFromCells = referenceRow }
    }

    private mutating func finishCell() throws {
        inCell = false
        capture = .none
        nextColumn = cellColumn + 1
        guard cellHasValue, let value = try cellValue(), !value.text.isEmpty else { return }
        let format = cellStyle.flatMap { styles.format(ofStyle: $0) }
        cells.append(XLSXCell(column: cellColumn, text: value.text, kind: value.kind, numberFormat: format))
    }

    private func cellValue() throws -> (text: String, kind: XLSXCell.Kind)? {
        switch cellType {
        case .sharedString:
            guard !valueBytes.isEmpty else { return nil }
            guard let index = valueBytes.withUnsafeBufferPointer({ Self.nonNegativeInteger($0) }) else {
                throw XMLSyntaxError(reason: "共享字符串序号无效")
            }
            guard index < sharedStrings.count else {
                throw XLSXSharedStringOutOfRange(cell: XLSXCellReference.qualifiedName(
                    sheet: sheetName, column: cellColumn, row: currentRowNumber))
            }
            return (sharedStrings[index], .text)
        case .inlineString:
            // Some writers put an inline string's text in `v` rather than `is`.
            let bytes = cellHasInlineString ? inlineBytes : valueBytes
            return (XMLText.unescapeOfficeString(bytes), .text)
        case .formulaString:
            return (XMLText.unescapeOfficeString(valueBytes), cellHasFormula ? .formulaText : .text)
        case .boolean:
            let value = String(decoding: valueBytes, as: UTF8.self).trimmingASCIIWhitespace
            switch value {
            case "1", "true", "TRUE": return ("TRUE", .boolean)
            case "0", "false", "FALSE": return ("FALSE", .boolean)
            default: throw XMLSyntaxError(reason: "布尔值无效")
            }
        case .error:
            return (String(decoding: valueBytes, as: UTF8.self).trimmingASCIIWhitespace, .error)
        case .isoDate:
            return (ExcelDate.isoCellText(String(decoding: valueBytes, as: UTF8.self).trimmingASCIIWhitespace), .date)
        case .number:
            if valueBytes.allSatisfy(XMLBytes.isSpace) { return nil }
            guard let text = valueBytes.withUnsafeBufferPointer({ XLSXNumberText.display($0) }) else {
                throw XMLSyntaxError(reason: "数值无效")
            }
            if let style = cellStyle, styles.showsDate(ofStyle: style), let serial = Double(text),
               let date = ExcelDate.dateTime(fromSerial: serial, date1904: date1904) {
                return (ExcelDate.dateTimeString(date), .date)
            }
            return (text, cellHasFormula ? .formulaNumber : .number)
        }
    }

    /// The row being read, as it will be reported.
    private var currentRowNumber: Int {
        rowNumberAttribute ?? rowNumberFromCells ?? previousRowNumber + 1
    }

    private static func cellType(_ raw: UnsafeBufferPointer<UInt8>) throws -> CellType {
        if XMLBytes.equal(raw, "s") { return .sharedString }
        if XMLBytes.equal(raw, "n") { return .number }
        if XMLBytes.equal(raw, "inlineStr") { return .inlineString }
        if XMLBytes.equal(raw, "str") { return .formulaString }
        if XMLBytes.equal(raw, "b") { return .boolean }
        if XMLBytes.equal(raw, "e") { return .error }
        if XMLBytes.equal(raw, "d") { return .isoDate }
        throw XMLSyntaxError(reason: "单元格类型无效")
    }

    private static func nonNegativeInteger(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        for byte in raw where !XMLBytes.isSpace(byte) {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            digits += 1
            guard digits <= 12 else { return nil }
        }
        return digits > 0 ? value : nil
    }

    private static func positiveInteger(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let value = nonNegativeInteger(raw), value > 0 else { return nil }
        return value
    }
}

/// Thrown by the sheet handler; the reader adds the file.
struct XLSXSharedStringOutOfRange: Error {
    var cell: String
}

extension String {
    var trimmingASCIIWhitespace: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, XMLBytes.isSpace(bytes[start]) { start += 1 }
        while end > start, XMLBytes.isSpace(bytes[end - 1]) { end -= 1 }
        return start == 0 && end == bytes.count ? self : String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
