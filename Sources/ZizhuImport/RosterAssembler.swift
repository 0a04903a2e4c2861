import ZizhuCore

/// Turns parsed records into applicants: finds the header among the first rows, maps its columns, then
/// normalises every data row, skips blank, totals and signature rows, and emits the import findings.
/// Fed one record at a time, so it works the same for any reader (CSV now, XLSX later).
final class RosterAssembler {
    /// How many non-blank rows may stand above the header (titles, 填报单位 lines).
    static let headerScanLimit = 30

    let file: String
    let firstIndex: Int
    /// False counts the rows without keeping them: the import stage alone, in memory that does not grow.
    let keepsRows: Bool
    let purpose: ImportPurpose
    /// The columns `purpose` requires that the header lacks, with their message arguments (made once per
    /// file, not per row): the file and every row carry a `column-missing`.
    private var missingForRows: [(fields: [Field], arguments: [String: String])] = []
    private(set) var layout: ColumnLayout?
    // Appended to for every row from one thread: the dynamic exclusivity check would cost more than the append.
    @exclusivity(unchecked) fileprivate(set) var applicants: [Applicant] = []
    /// Data rows so far, kept or not.
    @exclusivity(unchecked) private(set) var rowCount = 0
    @exclusivity(unchecked) private(set) var findings: [Finding] = []
    /// True once the header is known to be missing: reading can stop.
    private(set) var gaveUp = false

    /// Non-blank rows above the header, as typed, with their lines (replayed as data after a weak header).
    private var scannedRows: [(line: Int, cells: [String], problem: CSVProblem?)] = []
    /// The first row that maps 姓名 or 身份证号 and two more columns, when no row maps both.
    private var weakHeaderRow: Int?

    // Per-column facts of the layout, looked up for every cell.
    private var width = 0
    private var columnFields: [Field?] = []
    /// How each header column is normalised; manual memory because it is read for every cell.
    private var columnTable: UnsafeMutablePointer<ColumnInfo>?
    private var repeatedValues: RepeatedValueCache?
    private var nameColumn: Int?
    private var idColumn: Int?
    /// The emptied cell array of the last row, when rows are not kept.
    private var spareCells: [String] = []

    private struct ColumnInfo {
        var kind: CellKind
        /// Changes are reported as value-normalized: identifiers and the amount.
        var reported: Bool
    }

    init(file: String, firstIndex: Int, keepsRows: Bool = true, purpose: ImportPurpose = .check) {
        self.file = file
        self.firstIndex = firstIndex
        self.keepsRows = keepsRows
        self.purpose = purpose
    }

    /// An assembler for a later part of the same file, read on another thread: the header is the one `first`
    /// found, and its rows count from 0 until `append(_:)` numbers them on.
    init(continuing first: RosterAssembler) {
        file = first.file
        firstIndex = 0
        keepsRows = first.keepsRows
        purpose = first.purpose
        if let layout = first.layout {
            var columns: [Field: Int] = [:]
            for field in Field.allCases { if let column = layout.column(of: field) { columns[field] = column } }
            // A layout of its own: two threads retaining one object contend for its reference count on every
            // row. `append(_:)` gives the rows the first half's layout back (reports group rows by it).
            use(ColumnLayout(file: layout.file, headers: layout.headers, headerLine: layout.headerLine,
                             columns: columns), columns: columns)
        }
    }

    deinit { columnTable?.deallocate() }

    /// Takes over the rows and findings of the assembler that read the rest of the file (`init(continuing:)`),
    /// numbering its rows on from this one's.
    func append(_ later: RosterAssembler) {
        let shift = firstIndex + rowCount - later.firstIndex
        if keepsRows, let layout {
            RosterAssembler.move(&later.applicants, to: &applicants, layout: layout, shift: shift)
        }
        for var finding in later.findings {
            if let row = finding.row { finding.row = row + shift }
            findings.append(finding)
        }
        rowCount += later.rowCount
    }

    /// Moves every row of `source` to the end of `target` under `layout`, leaving `source` empty. The rows are
    /// moved, not copied: copying half a million rows would touch the reference counts of every row's cells,
    /// all of them out of cache by now, once to copy and once more to free the originals. Only the layout of
    /// each row changes hands, and the layouts are two objects in cache.
    static func move(_ source: inout [Applicant], to target: inout [Applicant], layout: ColumnLayout, shift: Int) {
        let count = source.count
        guard count > 0 else { return }
        let start = target.count
        // Room at the end of `target`, filled with copies of one row (cheap: the same objects every time),
        // which are then replaced by the moved rows.
        let filler = source[0]
        precondition(filler.layout.headers == layout.headers, "rows move only to a layout of the same columns")
        target.append(contentsOf: repeatElement(filler, count: count))
        target.withUnsafeMutableBufferPointer { to in
            source.withUnsafeMutableBufferPointer { from in
                let destination = to.baseAddress! + start
                destination.deinitialize(count: count)
                destination.moveInitialize(from: from.baseAddress!, count: count)
                // `source` still counts its rows: give it copies of the filler back, to be freed with it.
                from.baseAddress!.initialize(repeating: filler, count: count)
                for position in start..<(start + count) { to[position].renumber(layout: layout, shift: shift) }
            }
        }
        source.removeAll()
    }

    var fileLocation: SourceLocation { SourceLocation(file: file, line: nil) }

    // MARK: - Input

    /// A record from the CSV reader; its bytes are valid only during the call.
    func consume(_ record: CSVRecord) {
        if layout != nil {
            consumeDataRecord(record)
            return
        }
        let cells = (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) }
        scan(line: record.line, cells: cells, problem: record.problem)
    }

    /// A row given as text (a sheet row of an XLSX, or a row replayed from the header scan).
    func consume(line: Int, cells: [String], problem: CSVProblem? = nil) {
        if layout != nil {
            consumeDataCells(cells, line: line, problem: problem)
            return
        }
        scan(line: line, cells: cells, problem: problem)
    }

    /// The end of the input: settles the header if it is still open.
    func finish() {
        if layout == nil && !gaveUp { settleWithoutFullHeader() }
    }

    // MARK: - Header

    private func scan(line: Int, cells: [String], problem: CSVProblem?) {
        guard !gaveUp else { return }
        let normalized = cells.map { CellNormalizer.normalize($0, as: .text).value }
        if normalized.allSatisfy(\.isEmpty) {
            if let problem { reportFileLevel(problem) }
            return
        }
        scannedRows.append((line, cells, problem))
        let columns = RosterAssembler.mapColumns(normalized)
        if columns[.name] != nil && columns[.idNumber] != nil {
            adoptHeader(at: scannedRows.count - 1, columns: columns)
            return
        }
        if weakHeaderRow == nil, columns[.name] != nil || columns[.idNumber] != nil, columns.count >= 3 {
            weakHeaderRow = scannedRows.count - 1
        }
        if scannedRows.count >= RosterAssembler.headerScanLimit { settleWithoutFullHeader() }
    }

    /// No row names both 姓名 and an ID column: take the best partial header, or report none.
    private func settleWithoutFullHeader() {
        if let weak = weakHeaderRow {
            let normalized = scannedRows[weak].cells.map { CellNormalizer.normalize($0, as: .text).value }
            adoptHeader(at: weak, columns: RosterAssembler.mapColumns(normalized))
            return
        }
        gaveUp = true
        for row in scannedRows { if let problem = row.problem { reportFileLevel(problem) } }
        findings.append(Finding(.headerNotFound, at: fileLocation,
                                arguments: ["scanned": String(scannedRows.count), "file": file]))
    }

    static func mapColumns(_ headerCells: [String]) -> [Field: Int] {
        var columns: [Field: Int] = [:]
        for (column, cell) in headerCells.enumerated() where !cell.isEmpty {
            if let field = ColumnMapper.field(forHeader: cell), columns[field] == nil { columns[field] = column }
        }
        return columns
    }

    private func adoptHeader(at position: Int, columns: [Field: Int]) {
        let row = scannedRows[position]
        var headers = row.cells.map { CellNormalizer.normalize($0, as: .text).value }
        // Excel writes empty cells up to the widest row (often the title); they are not columns.
        while let last = headers.last, last.isEmpty { headers.removeLast() }
        use(ColumnLayout(file: file, headers: headers, headerLine: row.line, columns: columns), columns: columns)

        for missing in missingForRows {
            findings.append(Finding(.columnMissing, at: fileLocation, field: missing.fields[0].header,
                                    arguments: missing.arguments))
        }
        for earlier in scannedRows[..<position] { if let problem = earlier.problem { reportFileLevel(problem) } }
        if let problem = row.problem { reportFileLevel(problem) }
        let later = scannedRows[(position + 1)...]
        scannedRows = []
        for row in later { consume(line: row.line, cells: row.cells, problem: row.problem) }
    }

    /// Sets up the per-column tables of a header.
    private func use(_ layout: ColumnLayout, columns: [Field: Int]) {
        self.layout = layout
        width = layout.headers.count
        columnFields = (0..<width).map { _ in nil }
        for (field, column) in columns { columnFields[column] = field }
        let table = UnsafeMutablePointer<ColumnInfo>.allocate(capacity: max(width, 1))
        for column in 0..<width {
            let field = columnFields[column]
            let kind: CellKind = field.map { $0.isIdentifier ? .identifier : $0 == .amount ? .amount : .text } ?? .text
            (table + column).initialize(to: ColumnInfo(kind: kind, reported: kind != .text))
        }
        columnTable = table
        repeatedValues = RepeatedValueCache(columns: width)
        nameColumn = columns[.name]
        idColumn = columns[.idNumber]
        missingForRows = purpose.requiredColumns.filter { fields in !fields.contains { columns[$0] != nil } }
            .map { ($0, columnMissingArguments($0)) }
    }

    /// `{synonyms}` of a `column-missing`: the other accepted names of the column (of each field of a group).
    private func columnMissingArguments(_ fields: [Field]) -> [String: String] {
        let names = fields.flatMap(ColumnMapper.synonyms(for:)).filter { $0 != fields[0].header }
        let reason = ImportPurpose.reason(for: fields)
        return ["synonyms": names.joined(separator: "、"), "file": file, "reason": reason.zh, "reasonEn": reason.en,
                "columns": fields.map(\.header).joined(separator: "”或“"),
                "columnsEn": fields.map(\.header).joined(separator: "” or “")]
    }

    // MARK: - Data rows

    /// The cells of one data row, normalised, before it is judged.
    private struct RowCells {
        var cells: [String] = []
        var originals: [Int: String] = [:]
        /// Reported columns (identifiers, amount) that normalisation changed.
        var changed: [(column: Int, changes: NormalizationChanges)] = []
        /// Identifier columns whose value may be an Excel number.
        var numberSuspects: [Int] = []
        /// Non-empty cells beyond the header, and the count of cells up to the last of them.
        var extra: [String] = []
        var filledCount = 0
        /// False when the whole record is shorter than an Excel cell may be: no cell of it can be too long.
        var mayHoldOversizedCell = true
        /// Non-empty cells among `cells` and the first of them (-1: none), when counted while filling them.
        var filled: (count: Int, first: Int)?

        mutating func add(_ normalized: NormalizedCell, column: Int, reported: Bool) {
            cells.append(normalized.value)
            note(normalized, column: column, reported: reported)
        }

        /// What normalisation did to the cell of `column`, apart from its value.
        mutating func note(_ normalized: NormalizedCell, column: Int, reported: Bool) {
            if normalized.mayBeExcelNumber { numberSuspects.append(column) }
            if let original = normalized.original {
                originals[column] = original
                if reported { changed.append((column, normalized.changes)) }
            }
        }

        mutating func addExtra(_ value: String, column: Int) {
            guard !value.isEmpty else { return }
            extra.append(value)
            filledCount = column + 1
        }
    }

    /// The hot path: one CSV record, straight from libcsv's bytes. The cells are written in place into an
    /// array of the header's width (the previous row's, when rows are not kept): no per-cell append.
    private func consumeDataRecord(_ record: CSVRecord) {
        if !keepsRows && missingForRows.isEmpty && isQuietStudentRow(record) {
            rowCount += 1
            return
        }
        guard let table = columnTable, let cache = repeatedValues else { return }
        var row = RowCells()
        swap(&row.cells, &spareCells)
        if row.cells.count != width { row.cells = Array(repeating: "", count: width) }
        row.mayHoldOversizedCell = record.byteCount > RosterReader.longestCell
        let width = self.width
        let filled = row.cells.withUnsafeMutableBufferPointer { cells in
            RosterAssembler.fill(cells, width: width, from: record, table: table, cache: cache)
        }
        row.numberSuspects = filled.suspects
        row.filled = (filled.count, filled.first)
        for (column, normalized) in filled.notes {
            row.note(normalized, column: column, reported: table[column].reported)
        }
        if !filled.notes.isEmpty && !filled.suspects.isEmpty { row.numberSuspects.sort() }  // column order
        if record.count > width {
            for column in width..<record.count {
                row.addExtra(CellNormalizer.normalize(record.field(column), as: .text).value, column: column)
            }
        }
        finishRow(row, line: record.line, problem: record.problem)
        // Rows that are not kept leave their cell array for the next row: one allocation less per row.
        if !keepsRows { swap(&row.cells, &spareCells) }
    }

    /// For rows that are not kept: true when the record is surely a student row about which reading reports
    /// nothing — every cell already in normal form (no Excel-number suspect among the identifiers), nothing
    /// beyond the header, no parse problem, a name, and an ID cell of 15 or more digits and letters starting
    /// with a digit, which the row classifier always takes for a student. Such a row is only counted, without
    /// building its cells; any other row goes the whole way.
    private func isQuietStudentRow(_ record: CSVRecord) -> Bool {
        guard record.problem == nil, record.count <= width, record.byteCount <= RosterReader.longestCell,
              let table = columnTable, let nameColumn, let idColumn, nameColumn < record.count,
              idColumn < record.count, !record.field(nameColumn).isEmpty
        else { return false }
        let id = record.field(idColumn)
        guard id.count >= 15, let lead = id.first, lead >= 0x30 && lead <= 0x39 else { return false }
        for column in 0..<record.count {
            let bytes = record.field(column)
            switch table[column].kind {
            case .identifier:
                guard CellNormalizer.isPlainIdentifier(bytes),
                      !ExcelMangling.mayHaveLostDigits(bytes) else { return false }
            case .text, .amount:
                guard bytes.isEmpty
                        || CellNormalizer.isPlainText(bytes, keepsChinesePunctuation: table[column].kind == .text)
                else { return false }
            }
        }
        return true
    }

    /// What filling a row's cells found besides the values.
    private struct FilledCells {
        /// Cells that normalisation changed, for their findings.
        var notes: [(column: Int, normalized: NormalizedCell)] = []
        /// Identifier columns whose value may be an Excel number.
        var suspects: [Int] = []
        /// Non-empty cells and the first of them (-1: none), for the row classifier.
        var count = 0
        var first = -1

        @inline(__always)
        mutating func filled(_ column: Int) {
            count += 1
            if first < 0 { first = column }
        }
    }

    /// Writes the normalised value of every header column into `cells`. Static, with every piece of state
    /// local: mutable state captured by the caller's closure would be checked for exclusive access per cell.
    private static func fill(_ cells: UnsafeMutableBufferPointer<String>, width: Int, from record: CSVRecord,
                             table: UnsafeMutablePointer<ColumnInfo>, cache: RepeatedValueCache) -> FilledCells {
        var found = FilledCells()
        let shared = min(record.count, width)
        for column in 0..<shared {
            let info = table[column]
            let bytes = record.field(column)
            // Fast paths: a value seen in this column lately is reused; text that normalisation would leave
            // as it is becomes its String directly.
            switch info.kind {
            case .identifier where CellNormalizer.isPlainIdentifier(bytes):
                cells[column] = String(decoding: bytes, as: UTF8.self)
                if bytes.count > 0 { found.filled(column) }
                if ExcelMangling.mayHaveLostDigits(bytes) { found.suspects.append(column) }
                continue
            case .text, .amount:
                if bytes.isEmpty {
                    cells[column] = ""
                    continue
                }
                let caches = cache.isWorthLookingUp(column: column)
                if caches, let value = cache.value(column: column, bytes: bytes) {
                    cells[column] = value
                    found.filled(column)
                    continue
                }
                if CellNormalizer.isPlainText(bytes, keepsChinesePunctuation: info.kind == .text) {
                    let value = String(decoding: bytes, as: UTF8.self)
                    if caches { cache.remember(column: column, bytes: bytes, as: value) }
                    cells[column] = value
                    found.filled(column)
                    continue
                }
            case .identifier:
                break
            }
            let normalized = CellNormalizer.normalize(bytes, as: info.kind)
            cells[column] = normalized.value
            if !normalized.value.isEmpty { found.filled(column) }
            found.notes.append((column, normalized))
        }
        for column in shared..<width { cells[column] = "" }
        return found
    }

    /// A row given as text.
    private func consumeDataCells(_ cells: [String], line: Int, problem: CSVProblem?) {
        guard let table = columnTable else { return }
        var row = RowCells()
        row.cells.reserveCapacity(width)
        for column in 0..<min(cells.count, width) {
            let info = table[column]
            row.add(CellNormalizer.normalize(cells[column], as: info.kind), column: column, reported: info.reported)
        }
        while row.cells.count < width { row.cells.append("") }
        if cells.count > width {
            for column in width..<cells.count {
                row.addExtra(CellNormalizer.normalize(cells[column], as: .text).value, column: column)
            }
        }
        finishRow(row, line: line, problem: problem)
    }

    private func finishRow(_ row: RowCells, line: Int, problem: CSVProblem?) {
        let kind = if let filled = row.filled, row.extra.isEmpty {
            RowClassifier.classify(row.cells, nameColumn: nameColumn, idColumn: idColumn, nonEmpty: filled.count,
                                   first: filled.first)
        } else {
            RowClassifier.classify(row.extra.isEmpty ? row.cells : row.cells + row.extra,
                                   nameColumn: nameColumn, idColumn: idColumn)
        }
        // A record cut short by a parse error is still a row of the file (it goes back to the teacher),
        // unless what survived of it is a totals or signature line.
        guard kind == .student || (problem != nil && kind == .blank) else {
            if let problem { reportFileLevel(problem) }
            return
        }
        // A clean row that is not kept needs no Applicant: it is only counted.
        guard keepsRows || !missingForRows.isEmpty || problem != nil || !row.extra.isEmpty || !row.changed.isEmpty || row.mayHoldOversizedCell
                || !row.numberSuspects.isEmpty else {
            rowCount += 1
            return
        }
        guard let layout else { return }

        let applicant = Applicant(layout: layout, line: line, index: firstIndex + rowCount,
                                  cells: row.cells, originals: row.originals)
        if let problem {
            let text = ImportMessages.problem(problem)
            findings.append(Finding(.rowShape, for: applicant, field: nil, arguments: [
                "detail": text.zh, "detailEn": text.en, "line": String(problem.line),
            ]))
        }
        if !row.extra.isEmpty {
            let text = ImportMessages.tooManyCells(cells: row.filledCount, columns: width, extra: row.extra)
            findings.append(Finding(.rowShape, for: applicant, field: nil, arguments: [
                "detail": text.zh, "detailEn": text.en, "cells": String(row.filledCount),
                "columns": String(width), "extra": row.extra.joined(separator: "、"),
            ]))
        }
        for (column, changes) in row.changed {
            let text = ImportMessages.changes(changes)
            findings.append(Finding(.valueNormalized, for: applicant, field: columnFields[column],
                                    value: row.originals[column],
                                    arguments: ["change": text.zh, "changeEn": text.en]))
        }
        for column in row.mayHoldOversizedCell ? RosterAssembler.oversizedColumns(row) : [] {
            let typed = row.originals[column] ?? row.cells[column]
            let text = ImportMessages.cellTooLong(header: column < width ? layout.headers[column] : "", column: column,
                                                  characters: typed.unicodeScalars.count)
            findings.append(Finding(.rowShape, for: applicant, field: nil,
                                    arguments: ["detail": text.zh, "detailEn": text.en]))
        }
        for missing in missingForRows {
            findings.append(Finding(.columnMissing, for: applicant, field: missing.fields[0], arguments: missing.arguments))
        }
        for column in row.numberSuspects {
            if let field = columnFields[column], ExcelMangling.isMangled(row.cells[column], field: field) {
                findings.append(Finding(.valueExcelMangled, for: applicant, field: field, value: row.cells[column]))
            }
        }
        rowCount += 1
        if keepsRows { applicants.append(applicant) }
    }

    /// Columns whose cell, as typed, holds more characters than an Excel cell can
    /// (`RosterReader.longestCell`): the row goes back to the class teacher (the returned list shows the
    /// cell's start) instead of reaching the register cut short. Byte counts rule out almost every cell.
    private static func oversizedColumns(_ row: RowCells) -> [Int] {
        func tooLong(_ text: String) -> Bool {
            text.utf8.count > RosterReader.longestCell && text.unicodeScalars.count > RosterReader.longestCell
        }
        var columns = row.cells.indices.filter { tooLong(row.cells[$0]) && row.originals[$0] == nil }
        for (column, typed) in row.originals where tooLong(typed) { columns.append(column) }
        return columns.sorted()
    }

    /// A parse problem outside any student row (above the header, or in a row that holds nothing).
    private func reportFileLevel(_ problem: CSVProblem) {
        let text = ImportMessages.problem(problem)
        findings.append(Finding(.rowShape, at: SourceLocation(file: file, line: problem.line), arguments: [
            "detail": text.zh, "detailEn": text.en, "line": String(problem.line),
        ]))
    }
}
