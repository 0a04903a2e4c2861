import ZizhuCore

/// Reads an .xlsx class sheet into the same `RosterAssembler` as the CSV path, so header location, column
/// mapping, normalisation, findings and line numbers (the sheet row as Excel shows it) are the same.
///
/// Sheets: with `--sheet NAME` only that sheet is read (hidden or not). Otherwise every visible sheet is probed
/// for a roster header (the first rows only), and every sheet that has one is read, in tab order. Hidden sheets
/// and sheets without a header are skipped and listed in the input summary's encoding text
/// (`XLSX（跳过：说明）`); only when no sheet has a header is there a `header-not-found` finding.
///
/// Naming: when one sheet is read, rows and findings name the file (`班级.xlsx`, line = sheet row). When
/// several are read, each sheet is its own "file" `班级.xlsx!高一(2)班`, so `file` + `line` stay unambiguous;
/// the input summary is still one per workbook.
///
/// Cell kinds: a number in an identifier column with more than 15 digits before the point has lost digits in
/// Excel: `value-excel-mangled`, naming the cell (`高一(2)班!E17`), never guessing. A shorter number there
/// (an 11-digit phone) becomes its integer text. A plain number in a 出生日期 column is an Excel serial date
/// and becomes `YYYY-MM-DD`. Problems with the package itself (not a ZIP, no workbook, broken XML, password,
/// an old .xls) are `ImportError`s carrying the `XLSXReadError`'s one-line description.
enum XLSXRosterSource {
    static func read(_ input: InputFile, firstIndex: Int, sheet wanted: String?, purpose: ImportPurpose = .check)
        throws(ImportError) -> FileImport
    {
        let reader: XLSXWorkbookReader
        do {
            reader = try XLSXWorkbookReader(path: input.path)
        } catch {
            throw importError(error, input)
        }

        var candidates: [XLSXSheetInfo] = []
        var skipped: [(name: String, hidden: Bool)] = []
        if let wanted {
            guard let chosen = reader.sheets.first(where: { $0.name == wanted })
                ?? reader.sheets.first(where: { $0.name.trimmed == wanted.trimmed })
            else {
                throw ImportError(file: input.displayName,
                                  message: ImportMessages.unknownSheet(wanted, available: reader.sheets))
            }
            candidates = [chosen]
        } else {
            for sheet in reader.sheets {
                if sheet.isHidden { skipped.append((sheet.name, true)) } else { candidates.append(sheet) }
            }
        }

        // Pass 1: which sheets hold a header, and how their columns map (the first rows only).
        var readable: [(sheet: XLSXSheetInfo, layout: ColumnLayout)] = []
        var firstProbe: RosterAssembler?
        for sheet in candidates {
            let probe = RosterAssembler(file: input.displayName, firstIndex: 0)
            try forEachRow(reader, sheet, input) { row in
                probe.consume(line: row.number, cells: plainCells(row))
                return probe.layout == nil && !probe.gaveUp
            }
            if probe.layout == nil { probe.finish() }
            if let layout = probe.layout {
                readable.append((sheet, layout))
            } else {
                skipped.append((sheet.name, false))
                if firstProbe == nil { firstProbe = probe }
            }
        }
        // Keep the skipped list in tab order.
        let order = Dictionary(reader.sheets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        skipped.sort { (order[$0.name] ?? 0) < (order[$1.name] ?? 0) }

        guard !readable.isEmpty else {
            let findings = firstProbe?.findings ?? [
                Finding(.headerNotFound, at: SourceLocation(file: input.displayName, line: nil),
                        arguments: ["scanned": "0", "file": input.displayName]),
            ]
            let summary = InputSummary(file: input.displayName,
                                       encoding: ImportMessages.workbookEncoding(skipped: skipped),
                                       headerLine: nil, rows: 0)
            return FileImport(summary: summary, layout: nil, applicants: [], findings: findings)
        }

        // Pass 2: every sheet with a header, in full.
        var applicants: [Applicant] = []
        var findings: [Finding] = []
        var firstLayout: ColumnLayout?
        var sheetInputs: [InputSummary] = []
        let encoding = ImportMessages.workbookEncoding(skipped: skipped)
        for (sheet, probedLayout) in readable {
            let name = readable.count == 1 ? input.displayName : "\(input.displayName)!\(sheet.name)"
            let assembler = RosterAssembler(file: name, firstIndex: firstIndex + applicants.count, purpose: purpose)
            let fields = columnFields(probedLayout)
            var mangled: [MangledCell] = []
            var intact: Set<IntactCell> = []
            try forEachRow(reader, sheet, input) { row in
                let cells = row.number > probedLayout.headerLine
                    ? dataCells(row, fields: fields, sheet: sheet.name, date1904: reader.date1904, mangled: &mangled,
                                intact: &intact)
                    : plainCells(row)
                assembler.consume(line: row.number, cells: cells)
                return !assembler.gaveUp
            }
            assembler.finish()
            if firstLayout == nil { firstLayout = assembler.layout }
            findings += mergeMangled(mangled, intact: intact, into: assembler.findings,
                                     applicants: assembler.applicants)
            applicants += assembler.applicants
            sheetInputs.append(InputSummary(file: name, encoding: encoding, headerLine: assembler.layout?.headerLine,
                                            rows: assembler.applicants.count))
        }
        if applicants.isEmpty, let firstLayout {
            findings.append(RosterReader.noDataRows(input.displayName, headerLine: firstLayout.headerLine))
        }
        let summary = InputSummary(file: input.displayName, encoding: encoding,
                                   headerLine: firstLayout?.headerLine, rows: applicants.count)
        return FileImport(summary: summary, layout: firstLayout, applicants: applicants, findings: findings,
                          inputs: sheetInputs)
    }

    /// An identifier cell that Excel stored as a number of more than 15 digits.
    struct MangledCell {
        var line: Int
        var field: Field
        var cell: String
        var text: String
    }

    /// An identifier cell stored as text whose digits the CSV heuristic would suspect (more than 15 digits
    /// ending in 0): in a workbook the cell kind proves it was typed as text, so it is intact.
    struct IntactCell: Hashable {
        var line: Int
        var field: Field
    }

    private static func forEachRow(
        _ reader: XLSXWorkbookReader, _ sheet: XLSXSheetInfo, _ input: InputFile, _ body: (XLSXRow) -> Bool
    ) throws(ImportError) {
        do {
            try reader.forEachRow(of: sheet) { row in body(row) }
        } catch let error as XLSXReadError {
            throw importError(error, input)
        } catch {
            throw ImportError(file: input.displayName, message: "读取工作表“\(sheet.name)”时出错：\(error)")
        }
    }

    /// The reader's one-line description, without the file name `ImportError` puts in front of it anyway.
    static func importError(_ error: XLSXReadError, _ input: InputFile) -> ImportError {
        var message = error.description
        let name = XLSXReadError.displayName(error.file)
        if message.hasPrefix(name + " 的") {
            message = "该文件" + message.dropFirst(name.count + 1)
        } else if message.hasPrefix(name + " ") {
            message = String(message.dropFirst(name.count + 1))
        } else if message.hasPrefix(name) {
            message = String(message.dropFirst(name.count))
        }
        return ImportError(file: input.displayName, message: message)
    }

    private static func columnFields(_ layout: ColumnLayout) -> [Field?] {
        var fields = [Field?](repeating: nil, count: layout.headers.count)
        for field in Field.allCases {
            if let column = layout.column(of: field), column < fields.count { fields[column] = field }
        }
        return fields
    }

    /// The row's cells as text, placed by column; gaps are "".
    static func plainCells(_ row: XLSXRow) -> [String] {
        guard let last = row.cells.last else { return [] }
        var cells = [String](repeating: "", count: last.column + 1)
        for cell in row.cells { cells[cell.column] = cell.text }
        return cells
    }

    /// A data row's cells, with numbers in identifier and birth-date columns looked at by kind.
    static func dataCells(
        _ row: XLSXRow, fields: [Field?], sheet: String, date1904: Bool, mangled: inout [MangledCell],
        intact: inout Set<IntactCell>
    ) -> [String] {
        guard let last = row.cells.last else { return [] }
        var cells = [String](repeating: "", count: last.column + 1)
        for cell in row.cells {
            cells[cell.column] = cell.text
            if cell.kind == .text || cell.kind == .formulaText {
                if cell.text.utf8.count > 15, cell.text.utf8.last == UInt8(ascii: "0"),
                   cell.column < fields.count, let field = fields[cell.column], field.isIdentifier,
                   cell.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    intact.insert(IntactCell(line: row.number, field: field))
                }
                continue
            }
            guard cell.kind == .number || cell.kind == .formulaNumber,
                  cell.column < fields.count, let field = fields[cell.column] else { continue }
            if field.isIdentifier {
                switch ExcelMangling.storedNumber(cell.text) {
                case .lostDigits:
                    mangled.append(MangledCell(line: row.number, field: field,
                                               cell: XLSXCellReference.qualifiedName(sheet: sheet, column: cell.column,
                                                                                     row: row.number),
                                               text: cell.text))
                case .integer(let digits):
                    cells[cell.column] = digits
                case .other:
                    break
                }
            } else if field == .birthDate, let serial = Double(cell.text),
                      let date = XLSXWorkbookReader.dateString(fromSerial: serial, date1904: date1904) {
                cells[cell.column] = date
            }
        }
        return cells
    }

    /// The assembler's findings with a workbook's mangled-number findings put in: each names its cell, and
    /// replaces the text-based value-excel-mangled finding the assembler may have made for the same value.
    /// Text cells of plain digits (`intact`) were typed as text: the assembler's trailing-zero suspicion is dropped.
    static func mergeMangled(
        _ mangled: [MangledCell], intact: Set<IntactCell>, into findings: [Finding], applicants: [Applicant]
    ) -> [Finding] {
        guard !mangled.isEmpty || !intact.isEmpty else { return findings }
        var byLine: [Int: Applicant] = [:]
        for applicant in applicants { byLine[applicant.line] = applicant }
        var result = findings
        if !intact.isEmpty {
            var fieldsByHeader: [String: Field] = [:]
            for field in Field.allCases { fieldsByHeader[field.header] = field }
            result.removeAll { finding in
                guard finding.code == .valueExcelMangled, let line = finding.location.line,
                      let header = finding.field, let field = fieldsByHeader[header] else { return false }
                return intact.contains(IntactCell(line: line, field: field))
            }
        }
        for cell in mangled {
            // A totals or signature row is not an applicant: nothing to report.
            guard let applicant = byLine[cell.line] else { continue }
            let finding = Finding(.valueExcelMangled, for: applicant, field: cell.field, value: cell.text, arguments: [
                "field": ImportMessages.mangledField(cell.field, cell: cell.cell), "cell": cell.cell,
            ])
            if let existing = result.firstIndex(where: {
                $0.code == .valueExcelMangled && $0.row == applicant.index && $0.field == cell.field.header
            }) {
                result[existing] = finding
                continue
            }
            // After the row's other findings, before any later row's.
            let insertAt = result.firstIndex { ($0.row ?? Int.min) > applicant.index } ?? result.count
            result.insert(finding, at: insertAt)
        }
        return result
    }
}

private extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
