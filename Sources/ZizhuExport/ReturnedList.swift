import ZizhuCore
import ZizhuXLSX

/// 退回清单 (退回清单.xlsx): the rows going back to the class teachers, one sheet per class.
///
/// Each returned row shows its file, its line and its cells exactly as the teacher typed them (under that
/// file's own headers), then every problem found in it — errors first, then warnings — in plain Chinese with
/// the values shown (the list goes back to the teacher who owns the data) and how to fix each. A first
/// sheet, 说明, lists the classes with their counts and the problems that concern whole files.
public enum ReturnedList {
    public static let fileName = "退回清单.xlsx"
    public static let overviewSheetName = "说明"

    public static func write(_ result: RoundResult, to path: String, temporaryDirectory: String? = nil) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, order: .returned(result), toPath: temporary, temporaryDirectory: temporaryDirectory)
        }
    }

    static func write(_ result: RoundResult, order: RosterOrder, toPath path: String,
                      temporaryDirectory: String?) throws -> Int {
        try Official.run(fileName) {
            let policy = result.policy
            let title = policy.roundTitle + "退回清单"
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: temporaryDirectory, title: title, subject: policy.program,
                company: policy.school)
            var names = SheetNames(reserved: [overviewSheetName])
            let sheetNames = order.groups.map { names.unique($0.label) }
            try writeOverview(result, order: order, sheetNames: sheetNames, workbook: workbook, formats: formats,
                              title: title)
            for (group, name) in zip(order.groups, sheetNames) {
                try writeClass(result, rows: order.rows[group.rows], label: group.label, sheetName: name,
                               workbook: workbook, formats: formats)
            }
            try workbook.close()
            return order.rows.count
        }
    }

    static func writeOverview(_ result: RoundResult, order: RosterOrder, sheetNames: [String], workbook: Workbook,
                              formats: OfficialFormats, title: String) throws {
        let sheet = try workbook.addWorksheet(named: overviewSheetName)
        try sheet.setColumns(0...0, width: 8)
        try sheet.setColumns(1...1, width: 30)
        try sheet.setColumns(2...2, width: 12)
        try sheet.setColumns(3...3, width: 50)
        try Official.writeTitle(title, on: sheet, widths: [8, 30, 12, 50], format: formats.title)
        try sheet.setRow(1, height: 48)
        try sheet.merge(row: 1, columns: 0...3, text: """
            共退回 \(order.rows.count) 行（\(order.groups.count) 个班级）。每个班级一张工作表，列出原始填写内容、\
            存在的问题和修改建议。请班主任核实更正后，将整班名单重新提交。
            """, format: formats.paragraph)
        for (column, header) in ["序号", "班级", "退回行数", "工作表"].enumerated() {
            try sheet.write(header, row: 2, column: column, format: formats.header)
        }
        var row = 3
        for (index, group) in order.groups.enumerated() {
            try sheet.write(Double(index + 1), row: row, column: 0, format: formats.serial)
            try sheet.write(group.label, row: row, column: 1, format: formats.text)
            try sheet.write(Double(group.rows.count), row: row, column: 2, format: formats.count)
            try sheet.write(sheetNames[index], row: row, column: 3, format: formats.text)
            row += 1
        }
        let fileFindings = result.findings.filter { $0.row == nil && $0.severity >= .warning }
        if !fileFindings.isEmpty {
            row += 1
            try sheet.merge(row: row, columns: 0...3, text: "涉及整个文件的问题", format: formats.totalText)
            row += 1
            for (column, header) in ["序号", "文件", "程度", "问题与修改建议"].enumerated() {
                try sheet.write(header, row: row, column: column, format: formats.header)
            }
            row += 1
            for (index, finding) in fileFindings.enumerated() {
                let message = MessageCatalog.message(for: finding, language: .zh, showValues: true)
                let fix = MessageCatalog.fix(for: finding, language: .zh, showValues: true)
                var text = fix.isEmpty ? message : message + "\n修改建议：" + fix
                if !finding.related.isEmpty { text += "\n涉及：" + RelatedRows.text(finding.related) }
                try sheet.setRow(row, height: rowHeight(text, width: 50))
                try sheet.write(Double(index + 1), row: row, column: 0, format: formats.serial)
                try sheet.write(finding.location.file, row: row, column: 1, format: formats.wrapText)
                try sheet.write(finding.severity.chinese, row: row, column: 2, format: formats.textCenter)
                try sheet.write(text, row: row, column: 3, format: formats.wrapText)
                row += 1
            }
        }
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .portrait, fitToWidth: 1, fitToHeight: 0,
                                         footer: Official.pageNumbersOnly))
        try sheet.activate()
    }

    static func writeClass(_ result: RoundResult, rows: ArraySlice<Int>, label: String, sheetName: String,
                           workbook: Workbook, formats: OfficialFormats) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        // Blocks of consecutive rows from one file: each file has its own headers.
        var blocks: [(layout: ColumnLayout, rows: [Int])] = []
        for index in rows {
            let layout = result.applicants[index].layout
            if let last = blocks.last, last.layout === layout {
                blocks[blocks.count - 1].rows.append(index)
            } else {
                blocks.append((layout, [index]))
            }
        }
        // 文件, 行号, then the reasons (where the teacher looks first), then the row as typed.
        let widestHeaders = blocks.map(\.layout.headers.count).max() ?? 0
        let problemColumn = 2
        let fixColumn = 3
        let firstCellColumn = 4
        let lastColumn = firstCellColumn + max(0, widestHeaders - 1)
        let problemWidth = 32.0
        let fixWidth = 26.0

        // Column widths from the values (Chinese text at most 16, then it wraps); a header gets 8 and wraps above a
        // narrow column (申请表, 户口本 … hold 有/无): every column fits one page width at a readable scale.
        var widths = [Double](repeating: 6, count: widestHeaders)
        for block in blocks {
            for (column, header) in block.layout.headers.enumerated() {
                widths[column] = max(widths[column], min(8, Double(DisplayWidth.of(header)) + 2))
            }
            for index in block.rows {
                for (column, value) in result.applicants[index].originalCells.enumerated() where column < widths.count {
                    // Digits (an ID, a card) stay on one line; Chinese text wraps after 16.
                    let limit: Double = value.utf8.allSatisfy { $0 < 0x80 } ? 22 : 16
                    widths[column] = max(widths[column], min(limit, Double(DisplayWidth.of(value)) + 2))
                }
            }
        }
        let fileWidth = Double(blocks.map { DisplayWidth.of($0.layout.file) }.max() ?? 0) + 2
        try sheet.setColumns(0...0, width: min(18, max(10, fileWidth)))
        try sheet.setColumns(1...1, width: 6)
        try sheet.setColumns(problemColumn...problemColumn, width: problemWidth)
        try sheet.setColumns(fixColumn...fixColumn, width: fixWidth)
        for (column, width) in widths.enumerated() {
            try sheet.setColumns((firstCellColumn + column)...(firstCellColumn + column), width: width)
        }

        try sheet.setRow(0, height: 30)
        try sheet.merge(row: 0, columns: 0...max(fixColumn, min(lastColumn, 9)),
                        text: "\(label) 退回名单（共 \(rows.count) 行）", format: formats.title)
        var row = 1
        var textRanges: [CellRange] = []
        // One page wide: a column on a second sheet of paper is a column the teacher never sees next to its
        // problem. The reasons and the cells are kept narrow (they wrap) so the scale stays readable.
        let setup = { (repeatRow: Int?) in
            PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                      repeatRows: repeatRow.map { $0...$0 }, footer: Official.footer(left: "\(label) 退回名单"),
                      margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6))
        }
        for block in blocks {
            try sheet.setRow(row, height: 22)
            try sheet.merge(row: row, columns: 0...max(fixColumn, min(lastColumn, 9)),
                            text: "文件：\(block.layout.file)（表头在第 \(block.layout.headerLine) 行）", format: formats.line)
            row += 1
            let headers = ["文件", "行号", "问题", "修改建议"] + block.layout.headers
            let headerHeight = block.layout.headers.enumerated().map { column, header in
                rowHeight(header, width: widths[column])
            }.max() ?? 18
            try sheet.setRow(row, height: max(22, headerHeight))
            for (column, header) in headers.enumerated() {
                try sheet.write(header, row: row, column: column, format: formats.header)
            }
            if blocks.count == 1 {
                try sheet.freezePanes(row: row + 1, column: 2)
                try sheet.setPageSetup(setup(row))
            }
            row += 1
            let firstDataRow = row
            for index in block.rows {
                let applicant = result.applicants[index]
                let (problems, fixes) = reasons(result, row: index)
                let cells = applicant.originalCells
                // A cell wider than its column wraps (as the reasons do) rather than being cut off on paper.
                var height = max(rowHeight(problems, width: problemWidth), rowHeight(fixes, width: fixWidth))
                for (column, value) in cells.enumerated() where column < widths.count {
                    height = max(height, rowHeight(value, width: widths[column]))
                }
                try sheet.setRow(row, height: height)
                try sheet.write(applicant.layout.file, row: row, column: 0, format: formats.text)
                try sheet.write(Double(applicant.line), row: row, column: 1, format: formats.serial)
                try sheet.write(problems, row: row, column: problemColumn, format: formats.wrapText)
                try sheet.write(fixes, row: row, column: fixColumn, format: formats.wrapText)
                for column in 0..<block.layout.headers.count {
                    try sheet.write(column < cells.count ? cells[column] : "", row: row, column: firstCellColumn + column,
                                    format: formats.typedWrapped)
                }
                row += 1
            }
            if !block.layout.headers.isEmpty && row > firstDataRow {
                textRanges.append(CellRange(firstRow: firstDataRow, firstColumn: firstCellColumn, lastRow: row - 1,
                                            lastColumn: firstCellColumn + block.layout.headers.count - 1))
            }
            row += 1
        }
        try sheet.ignoreNumberStoredAsText(in: textRanges)
        if blocks.count != 1 { try sheet.setPageSetup(setup(nil)) }
    }

    /// Every problem of a row (errors first, then warnings), numbered, and the matching fixes.
    static func reasons(_ result: RoundResult, row: Int) -> (problems: String, fixes: String) {
        let findings = result.findings(forRow: row)
            .filter { $0.severity >= .warning }
            .enumerated()
            .sorted { ($0.element.severity > $1.element.severity) || ($0.element.severity == $1.element.severity && $0.offset < $1.offset) }
            .map(\.element)
        var problems: [String] = []
        var fixes: [String] = []
        for (number, finding) in findings.enumerated() {
            var message = MessageCatalog.message(for: finding, language: .zh, showValues: true)
            if let field = finding.field, !field.isEmpty, !message.contains(field) { message = "\(field)：\(message)" }
            if !finding.related.isEmpty {
                message += "（相关：\(RelatedRows.text(finding.related))）"
            }
            problems.append("\(number + 1).【\(finding.severity.chinese)】\(message)")
            let fix = MessageCatalog.fix(for: finding, language: .zh, showValues: true)
            fixes.append("\(number + 1). \(fix.isEmpty ? "请核实。" : fix)")
        }
        return (problems.joined(separator: "\n"), fixes.joined(separator: "\n"))
    }

    /// Enough height for wrapped text in a column of `width` characters (15 points a line).
    static func rowHeight(_ text: String, width: Double) -> Double {
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += max(1, Int((Double(DisplayWidth.of(String(line))) / max(1, width - 1)).rounded(.up)))
        }
        return min(409, max(18, Double(lines) * 15 + 3))
    }
}

/// Excel sheet names: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`,
/// unique ignoring case. Bad characters become `_`; a clash gets `(2)`, `(3)` … within the 31.
public struct SheetNames {
    private var used: Set<String>

    public init(reserved: [String] = []) { used = Set(reserved.map { $0.lowercased() }) }

    public mutating func unique(_ raw: String) -> String {
        var base = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            .trimmingWhitespace()
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "未填班级" }
        if base.lowercased() == "history" { base += "_" }
        var candidate = SheetNames.fit(base, suffix: "")
        var number = 2
        while used.contains(candidate.lowercased()) {
            candidate = SheetNames.fit(base, suffix: "(\(number))")
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Cuts `base` so that base + suffix has at most 31 UTF-16 units (what Excel counts).
    static func fit(_ base: String, suffix: String) -> String {
        var kept = ""
        var units = suffix.utf16.count
        for character in base {
            let size = String(character).utf16.count
            if units + size > 31 { break }
            kept.append(character)
            units += size
        }
        while kept.hasSuffix("'") { kept.removeLast() }
        return kept + suffix
    }
}
