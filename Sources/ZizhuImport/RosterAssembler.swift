import ZizhuCore

/// Turns parsed records into applicants: finds the header among the first rows, maps its columns, then
/// normalises every data row, skips blank, totals and signature rows, and emits the import findings.
/// Fed one record at a time, so it works the same for any reader (CSV now, XLSX later).
final class RosterAssembler {
    /// How many non-blank rows may stand above the header (titles, 填报单位 lines).
    static let headerScanLimit = 30

    let file: String
    let firstIndex: Int
    private(set) var layout: ColumnLayout?
    private(set) var applicants: [Applicant] = []
    private(set) var findings: [Finding] = []
    /// True once the header is known to be missing: reading can stop.
    private(set) var gaveUp = false

    /// Non-blank rows above the header, as typed, with their lines (replayed as data after a weak header).
    private var scannedRows: [(line: Int, cells: [String], problem: CSVProblem?)] = []
    /// The first row that maps 姓名 or 身份证号 and two more columns, when no row maps both.
    private var weakHeaderRow: Int?

    // Per-column facts of the layout, looked up for every cell.
    private var width = 0
    private var columnFields: [Field?] = []
    private var columnKinds: [CellKind] = []
    private var identifierColumns: [Bool] = []
    /// Columns whose changes are reported as value-normalized: identifiers and the amount.
    private var reportedColumns: [Bool] = []
    private var nameColumn: Int?
    private var idColumn: Int?
    private var delimiterText = ","

    init(file: String, firstIndex: Int) {
        self.file = file
        self.firstIndex = firstIndex
    }

    var fileLocation: SourceLocation { SourceLocation(file: file, line: nil) }

    func setDelimiter(_ delimiter: CSVDelimiter) { delimiterText = delimiter.text }

    // MARK: - Input

    /// A record from the CSV reader; its bytes are valid only during the call.
    func consume(_ record: CSVRecord) {
        if layout != nil {
            consumeData(line: record.line, count: record.count, problem: record.problem) { column, kind in
                CellNormalizer.normalize(record.field(column), as: kind)
            }
            return
        }
        let cells = (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) }
        scan(line: record.line, cells: cells, problem: record.problem)
    }

    /// A row given as text (a sheet row of an XLSX, or a row replayed from the header scan).
    func consume(line: Int, cells: [String], problem: CSVProblem? = nil) {
        if layout != nil {
            consumeData(line: line, count: cells.count, problem: problem) { column, kind in
                CellNormalizer.normalize(cells[column], as: kind)
            }
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
        let layout = ColumnLayout(file: file, headers: headers, headerLine: row.line, columns: columns)
        self.layout = layout
        width = headers.count
        columnFields = (0..<width).map { _ in nil }
        for (field, column) in columns { columnFields[column] = field }
        identifierColumns = columnFields.map { $0?.isIdentifier ?? false }
        columnKinds = columnFields.map { field in
            guard let field else { return .text }
            return field.isIdentifier ? .identifier : field == .amount ? .amount : .text
        }
        reportedColumns = columnFields.map { $0.map { $0.isIdentifier || $0 == .amount } ?? false }
        nameColumn = columns[.name]
        idColumn = columns[.idNumber]

        for field in [Field.name, .idNumber] where columns[field] == nil {
            findings.append(Finding(.columnMissing, at: fileLocation, field: field.header, arguments: [
                "synonyms": ColumnMapper.synonyms(for: field).filter { $0 != field.header }.joined(separator: "、"),
                "file": file,
            ]))
        }
        for earlier in scannedRows[..<position] { if let problem = earlier.problem { reportFileLevel(problem) } }
        if let problem = row.problem { reportFileLevel(problem) }
        let later = scannedRows[(position + 1)...]
        scannedRows = []
        for row in later { consume(line: row.line, cells: row.cells, problem: row.problem) }
    }

    // MARK: - Data rows

    private func consumeData(
        line: Int, count: Int, problem: CSVProblem?, cell: (Int, CellKind) -> NormalizedCell
    ) {
        guard let layout else { return }
        var cells: [String] = []
        cells.reserveCapacity(width)
        var originals: [Int: String] = [:]
        var changed: [(column: Int, changes: NormalizationChanges)] = []
        let shared = min(count, width)
        for column in 0..<shared {
            let normalized = cell(column, columnKinds[column])
            cells.append(normalized.value)
            if let original = normalized.original {
                originals[column] = original
                if reportedColumns[column] { changed.append((column, normalized.changes)) }
            }
        }
        while cells.count < width { cells.append("") }
        var extra: [String] = []
        var lastFilled = 0
        if count > width {
            for column in width..<count {
                let value = cell(column, .text).value
                if !value.isEmpty {
                    extra.append(value)
                    lastFilled = column + 1
                }
            }
        }

        let kind = RowClassifier.classify(extra.isEmpty ? cells : cells + extra,
                                          nameColumn: nameColumn, idColumn: idColumn)
        // A record cut short by a parse error is still a row of the file (it goes back to the teacher),
        // unless what survived of it is a totals or signature line.
        guard kind == .student || (problem != nil && kind == .blank) else {
            if let problem { reportFileLevel(problem) }
            return
        }

        let applicant = Applicant(layout: layout, line: line, index: firstIndex + applicants.count,
                                  cells: cells, originals: originals)
        if let problem {
            let text = ImportMessages.problem(problem)
            findings.append(Finding(.rowShape, for: applicant, field: nil, arguments: [
                "detail": text.zh, "detailEn": text.en, "line": String(problem.line),
            ]))
        }
        if !extra.isEmpty {
            let text = ImportMessages.tooManyCells(cells: lastFilled, columns: width, extra: extra)
            findings.append(Finding(.rowShape, for: applicant, field: nil, arguments: [
                "detail": text.zh, "detailEn": text.en,
                "cells": String(lastFilled), "columns": String(width), "extra": extra.joined(separator: "、"),
            ]))
        }
        for (column, changes) in changed {
            let text = ImportMessages.changes(changes)
            findings.append(Finding(.valueNormalized, for: applicant, field: columnFields[column],
                                    value: originals[column],
                                    arguments: ["change": text.zh, "changeEn": text.en]))
        }
        for column in 0..<width where identifierColumns[column] {
            if let field = columnFields[column], ExcelMangling.isMangled(cells[column], field: field) {
                findings.append(Finding(.valueExcelMangled, for: applicant, field: field, value: cells[column]))
            }
        }
        applicants.append(applicant)
    }

    /// A parse problem outside any student row (above the header, or in a row that holds nothing).
    private func reportFileLevel(_ problem: CSVProblem) {
        let text = ImportMessages.problem(problem)
        findings.append(Finding(.rowShape, at: SourceLocation(file: file, line: problem.line), arguments: [
            "detail": text.zh, "detailEn": text.en, "line": String(problem.line),
        ]))
    }
}
