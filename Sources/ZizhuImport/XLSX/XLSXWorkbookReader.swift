/// Reads the sheets of an `.xlsx` workbook row by row.
///
/// Opening reads the workbook, its relationships, styles and shared strings, and skims every sheet for its
/// merged ranges; rows are then streamed one sheet at a time, so memory holds the shared-string table and one
/// inflate chunk, never a whole sheet. Parts are inflated with ZIPFoundation and tokenized by a small
/// incremental scanner that refuses DTDs. Not thread-safe: use one reader per thread.
///
/// For identifier columns the cell kind tells the story: `.text` (a shared or inline string, `@` format or not)
/// is intact, while `.number`, `.formulaNumber` or `.date` means Excel stored a number and every digit past the
/// 15th is gone (`3.70112201005123E+17`); the text shows what is left and must not be "repaired".
public final class XLSXWorkbookReader {
    /// The path the reader was opened with.
    public let path: String
    /// Every sheet the workbook lists, in tab order, hidden ones included.
    public let sheets: [XLSXSheetInfo]
    /// The workbook uses the 1904 date system (serial 0 = 1904-01-01).
    public let date1904: Bool

    private let package: XLSXPackage
    private let sharedStrings: [String]
    private let styles: XLSXStyleTable

    public convenience init(path: String) throws(XLSXReadError) {
        try self.init(path: path, limits: .standard)
    }

    init(path: String, limits: XLSXReadLimits) throws(XLSXReadError) {
        self.path = path
        let package = try XLSXPackage(path: path, limits: limits)
        self.package = package

        let workbookPart = try Self.workbookPart(in: package)
        var workbook = XLSXWorkbookHandler()
        try package.parse(workbookPart, into: &workbook)
        date1904 = workbook.date1904

        let relationshipsPart = XLSXPartPath.relationshipsPart(of: workbookPart)
        guard package.contains(relationshipsPart) else {
            throw XLSXReadError(.missingPart(relationshipsPart), file: path)
        }
        var relationshipsHandler = XLSXRelationshipsHandler()
        try package.parse(relationshipsPart, into: &relationshipsHandler)
        let relationships = relationshipsHandler.relationships.filter { !$0.isExternal }
        func target(ofType type: String) -> String? {
            relationships.first { $0.hasType(type) }.map { XLSXPartPath.resolve($0.target, relativeTo: workbookPart) }
        }

        var sharedStringsHandler = XLSXSharedStringsHandler()
        if let part = target(ofType: "sharedStrings"), package.contains(part) {
            try package.parse(part, into: &sharedStringsHandler)
        }
        sharedStrings = sharedStringsHandler.strings

        var stylesHandler = XLSXStylesHandler()
        if let part = target(ofType: "styles"), package.contains(part) {
            try package.parse(part, into: &stylesHandler)
        }
        styles = stylesHandler.table

        let relationshipsByID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sheets: [XLSXSheetInfo] = []
        for entry in workbook.sheets {
            guard let relationship = relationshipsByID[entry.relationshipID] else {
                throw XLSXReadError(.missingPart("\(relationshipsPart)#\(entry.relationshipID)"), file: path)
            }
            let sheetPart = XLSXPartPath.resolve(relationship.target, relativeTo: workbookPart)
            var merges = XLSXMergeScanner()
            if package.contains(sheetPart) {
                do {
                    // The checksum is verified when the rows are read; skimming skips it.
                    try package.read(sheetPart, verifyChecksum: false) { chunk in merges.feed(chunk) }
                } catch {
                    throw package.mapParseError(error, part: sheetPart, sheet: entry.name)
                }
            }
            // Excel's names are at most 31 characters without line breaks; a crafted one must not break a report
            // line or a message.
            sheets.append(XLSXSheetInfo(name: XLSXReadError.printable(entry.name, limit: 100), isHidden: entry.isHidden,
                                        path: sheetPart, mergedRanges: merges.ranges))
        }
        self.sheets = sheets
    }

    /// Streams the rows of one sheet in order; `body` returns false to stop early. Rows without any non-empty
    /// cell are not delivered. Errors thrown by `body` pass through unchanged; problems with the file are
    /// `XLSXReadError`s.
    public func forEachRow(of sheet: XLSXSheetInfo, _ body: (XLSXRow) throws -> Bool) throws {
        var handler = XLSXSheetHandler(sheetName: sheet.name, sharedStrings: sharedStrings, styles: styles,
                                       date1904: date1904)
        var scanner = XMLScanner(maxTokenBytes: package.limits.maxTokenBytes)
        var bodyError: (any Error)?
        // Hands the finished rows to `body`; returns false once reading should end.
        func deliverRows() -> Bool {
            defer { handler.completedRows.removeAll(keepingCapacity: true) }
            for row in handler.completedRows {
                do {
                    guard try body(row) else { return false }
                } catch {
                    bodyError = error
                    return false
                }
            }
            return true
        }
        do {
            try package.read(sheet.path) { chunk in
                try scanner.feed(chunk, into: &handler)
                guard deliverRows() else { throw StopReading() }
            }
            try scanner.finish(into: &handler)
            _ = deliverRows()
        } catch is StopReading {
            // `body` asked to stop, or threw.
        } catch {
            throw package.mapParseError(error, part: sheet.path, sheet: sheet.name)
        }
        if let bodyError { throw bodyError }
    }

    /// Converts an Excel serial date to `YYYY-MM-DD` (respecting `date1904`); the time of day is dropped.
    /// Returns nil for serials Excel cannot show as a date: negative, past 9999-12-31, serial 0 and the
    /// fictional 1900-02-29 (serial 60) in the 1900 system.
    public static func dateString(fromSerial serial: Double, date1904: Bool) -> String? {
        ExcelDate.dateTime(fromSerial: serial, date1904: date1904).map(ExcelDate.dateString)
    }

    /// The workbook part named by the package relationships, or the usual `xl/workbook.xml`.
    private static func workbookPart(in package: XLSXPackage) throws(XLSXReadError) -> String {
        var part = "xl/workbook.xml"
        if package.contains("_rels/.rels") {
            var relationships = XLSXRelationshipsHandler()
            try package.parse("_rels/.rels", into: &relationships)
            let office = relationships.relationships.first { $0.hasType("officeDocument") && !$0.isExternal }
            if let office {
                part = XLSXPartPath.resolve(office.target, relativeTo: "")
            }
        }
        guard package.contains(part) else { throw XLSXReadError(.noWorkbook, file: package.path) }
        return part
    }

    private struct StopReading: Error {}
}
