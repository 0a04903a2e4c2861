import ZizhuCore
import ZizhuXLSX

/// 问题清单 (问题清单.xlsx): every finding of the round — 文件, 行号, 姓名, 代码, 严重程度, 字段, 问题,
/// 处理建议, 相关行 (every row a cross-row or share finding points at) — filterable, header frozen; and a 汇总 sheet
/// with the counts per code and per class and their charts, on one printed page.
/// Identifiers in messages are masked unless `showValues` (the same switch as the JSON report).
public enum ReportWorkbook {
    public static let fileName = "问题清单.xlsx"
    public static let findingsSheetName = "问题清单"
    public static let summarySheetName = "汇总"
    public static let headers = ["文件", "行号", "姓名", "代码", "严重程度", "字段", "问题", "处理建议", "相关行"]

    public static func write(_ result: RoundResult, to path: String, language: Language = .zh,
                             showValues: Bool = false, temporaryDirectory: String? = nil) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, toPath: temporary, language: language, showValues: showValues,
                          temporaryDirectory: temporaryDirectory)
        }
    }

    static func write(_ result: RoundResult, toPath path: String, language: Language, showValues: Bool,
                      temporaryDirectory: String?) throws -> Int {
        try Official.run(fileName) {
            let policy = result.policy
            let title = policy.roundTitle + "问题清单"
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: temporaryDirectory, title: title, subject: policy.program,
                company: policy.school, category: "学生资助审核")
            try writeFindings(result, workbook: workbook, formats: formats, title: title, language: language,
                              showValues: showValues)
            try writeSummary(result, workbook: workbook, formats: formats, title: title)
            try workbook.close()
            return result.findings.count
        }
    }

    static func severityText(_ severity: Severity, _ language: Language) -> String {
        language == .zh ? severity.chinese : severity.rawValue
    }

    static func writeFindings(_ result: RoundResult, workbook: Workbook, formats: OfficialFormats, title: String,
                              language: Language, showValues: Bool) throws {
        let sheet = try workbook.addWorksheet(named: findingsSheetName)
        let widths: [Double] = [24, 7, 10, 26, 9, 14, 60, 44, 40]
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: 1, column: column, format: formats.header)
        }
        try sheet.freezePanes(row: 2, column: 0)
        // In constant_memory mode the autofilter must be set before the rows it covers are flushed.
        try sheet.autofilter(CellRange(firstRow: 1, firstColumn: 0, lastRow: 1 + result.findings.count,
                                       lastColumn: headers.count - 1))
        var row = 2
        for finding in result.findings {
            let name = finding.row.flatMap { $0 < result.applicants.count ? result.applicants[$0].value(.name) : nil } ?? ""
            let message = MessageCatalog.message(for: finding, language: language, showValues: showValues)
            let fix = MessageCatalog.fix(for: finding, language: language, showValues: showValues)
            let related = RelatedRows.text(finding.related, language: language)
            // Wrapped text needs its height: not every reader grows rows by itself.
            try sheet.setRow(row, height: max(ReturnedList.rowHeight(message, width: widths[6]),
                                              ReturnedList.rowHeight(fix, width: widths[7]),
                                              ReturnedList.rowHeight(related, width: widths[8])))
            try sheet.write(finding.location.file, row: row, column: 0, format: formats.text)
            if let line = finding.location.line {
                try sheet.write(Double(line), row: row, column: 1, format: formats.serial)
            } else {
                try sheet.writeBlank(row: row, column: 1, format: formats.serial)
            }
            try sheet.write(name, row: row, column: 2, format: formats.textCenter)
            try sheet.write(finding.code.rawValue, row: row, column: 3, format: formats.text)
            try sheet.write(severityText(finding.severity, language), row: row, column: 4, format: formats.textCenter)
            try sheet.write(finding.field ?? "", row: row, column: 5, format: formats.textCenter)
            try sheet.write(message, row: row, column: 6, format: formats.wrapText)
            try sheet.write(fix, row: row, column: 7, format: formats.wrapText)
            try sheet.write(related, row: row, column: 8, format: formats.wrapText)
            row += 1
        }
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                         repeatRows: 1...1, footer: Official.footer(left: title),
                                         margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)))
        try sheet.activate()
    }

    static func writeSummary(_ result: RoundResult, workbook: Workbook, formats: OfficialFormats, title: String) throws {
        let sheet = try workbook.addWorksheet(named: summarySheetName)
        let crossCheck = result.crossCheck
        let crossHeaders = crossCheck.map(crossCheckHeaders) ?? []
        let lastColumn = 6 + crossHeaders.count
        let widths = [8.0, 30, 10, 10, 10, 10, 10] + crossHeaders.map { _ in 12.0 }
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title + "汇总", on: sheet, widths: widths, format: formats.title)
        let s = result.summary
        var overview = """
            共 \(s.rows) 行：受理 \(s.accepted) 行，退回 \(s.returned) 行；错误 \(s.errors) 项，警告 \(s.warnings) 项。\
            金额：申报 \(s.amountIn.groupedString) 元 = 受理 \(s.amountAccepted.groupedString) 元 + 退回 \(s.amountReturned.groupedString) 元。
            """
        if let crossCheck {
            overview += "\n名单核对（人）：" + CrossCheckSummary.describe(crossCheck.totals, language: .zh) + "。"
        }
        try sheet.merge(row: 1, columns: 0...lastColumn, text: overview, format: formats.paragraph)
        try sheet.setRow(1, height: crossCheck == nil ? 36 : 52)

        // Per code, in the catalogue's order.
        var perCode: [FindingCode: (count: Int, rows: Set<Int>, severity: Severity)] = [:]
        for finding in result.findings {
            var entry = perCode[finding.code] ?? (0, [], finding.severity)
            entry.count += 1
            if let row = finding.row { entry.rows.insert(row) }
            entry.severity = max(entry.severity, finding.severity)
            perCode[finding.code] = entry
        }
        var row = 3
        try sheet.merge(row: row, columns: 0...lastColumn, text: "按问题代码", format: formats.totalText)
        row += 1
        for (column, header) in ["序号", "代码", "严重程度", "次数", "涉及行数"].enumerated() {
            try sheet.write(header, row: row, column: column, format: formats.header)
        }
        row += 1
        let firstCodeRow = row
        var number = 1
        for code in FindingCode.allCases {
            guard let entry = perCode[code] else { continue }
            try sheet.write(Double(number), row: row, column: 0, format: formats.serial)
            try sheet.write(code.rawValue, row: row, column: 1, format: formats.text)
            try sheet.write(entry.severity.chinese, row: row, column: 2, format: formats.textCenter)
            try sheet.write(Double(entry.count), row: row, column: 3, format: formats.count)
            try sheet.write(Double(entry.rows.count), row: row, column: 4, format: formats.count)
            row += 1
            number += 1
        }

        // Per class (the register's classes and order): rows, accepted, returned, errors, warnings; with the
        // cross-checks also verified, unverified, not enrolled and missed students, and the classes where
        // nobody applied but someone was missed.
        typealias ClassRow = (label: String, rows: Int, returned: Int, errors: Int, warnings: Int)
        let everyone = RosterOrder(every: result.applicants)
        var groupOfRow = [Int32](repeating: -1, count: result.applicants.count)
        for (group, entry) in everyone.groups.enumerated() {
            for index in everyone.rows[entry.rows] { groupOfRow[index] = Int32(group) }
        }
        var classes: [ClassRow] = everyone.groups.map { ($0.label, $0.rows.count, 0, 0, 0) }
        for (index, returned) in result.isReturned.enumerated() where returned && groupOfRow[index] >= 0 {
            classes[Int(groupOfRow[index])].returned += 1
        }
        for finding in result.findings {
            guard let index = finding.row, index < groupOfRow.count, groupOfRow[index] >= 0 else { continue }
            let group = Int(groupOfRow[index])
            if finding.severity == .error { classes[group].errors += 1 }
            if finding.severity == .warning { classes[group].warnings += 1 }
        }
        // The cross-check summary groups classes by the same label and order, and adds missed-only classes.
        var table: [(ClassRow, CrossCheckSummary.Counts?)] = classes.map { ($0, nil) }
        if let crossCheck {
            var byLabel: [String: ClassRow] = [:]
            for entry in classes { byLabel[entry.label] = entry }
            table = crossCheck.classes.map { entry in (byLabel[entry.label] ?? (entry.label, 0, 0, 0, 0), entry.counts) }
        }
        row += 1
        try sheet.merge(row: row, columns: 0...lastColumn, text: "按班级", format: formats.totalText)
        row += 1
        for (column, header) in (["序号", "班级", "行数", "受理", "退回", "错误", "警告"] + crossHeaders).enumerated() {
            try sheet.write(header, row: row, column: column, format: formats.header)
        }
        row += 1
        let classRows = row...(row + table.count - 1)
        for (position, (entry, counts)) in table.enumerated() {
            try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
            try sheet.write(entry.label, row: row, column: 1, format: formats.text)
            try sheet.write(Double(entry.rows), row: row, column: 2, format: formats.count)
            try sheet.write(Double(entry.rows - entry.returned), row: row, column: 3, format: formats.count)
            try sheet.write(Double(entry.returned), row: row, column: 4, format: formats.count)
            try sheet.write(Double(entry.errors), row: row, column: 5, format: formats.count)
            try sheet.write(Double(entry.warnings), row: row, column: 6, format: formats.count)
            if let counts {
                for (offset, value) in crossCheckValues(counts).enumerated() {
                    try sheet.write(Double(value), row: row, column: 7 + offset, format: formats.count)
                }
            }
            row += 1
        }
        if let crossCheck {
            try sheet.write("合计", row: row, column: 1, format: formats.totalText)
            let sums = table.reduce(into: [0, 0, 0, 0, 0]) { sums, entry in
                let (counts, _) = entry
                for (position, value) in [counts.rows, counts.rows - counts.returned, counts.returned, counts.errors,
                                          counts.warnings].enumerated() { sums[position] += value }
            }
            for (offset, value) in sums.enumerated() {
                try sheet.write(Double(value), row: row, column: 2 + offset, format: formats.count)
            }
            for (offset, value) in crossCheckValues(crossCheck.totals).enumerated() {
                try sheet.write(Double(value), row: row, column: 7 + offset, format: formats.count)
            }
            row += 2
            try sheet.merge(row: row, columns: 0...lastColumn, text: "说明（人数，每人每栏只计一次）："
                                + crossCheck.notes(language: .zh), format: formats.paragraph)
            try sheet.setRow(row, height: 48)
        }
        let width = OfficialCharts.width(ofColumns: widths)
        var chartRow = row + 2
        if number > 1 {
            let codes = firstCodeRow...(firstCodeRow + number - 2)
            var chart = Chart(kind: .bar, title: "各类问题次数", categoryAxisTitle: "问题代码", valueAxisTitle: "次数",
                              series: [Chart.Series(name: "次数", sheet: sheet.name, categories: .column(1, rows: codes),
                                                    values: .column(3, rows: codes), color: 0xB3261E)])
            chart.width = width
            chart.height = max(240, 70 + codes.count * 20)
            try sheet.insert(chart, row: chartRow, column: 0)
            chartRow += chart.height / 20 + 2
        }
        if !table.isEmpty {
            let classes = CellRange.column(1, rows: classRows)
            let series = [("退回行数", 4, UInt32(0x8B1A1A)), ("错误", 5, 0xB3261E), ("警告", 6, 0xC77700)].map { name, column, color in
                Chart.Series(name: name, sheet: sheet.name, categories: classes, values: .column(column, rows: classRows),
                             color: color)
            }
            var chart = Chart(kind: .column, title: "各班退回行数与问题数", categoryAxisTitle: "班级", valueAxisTitle: "行数 / 个数",
                              series: series)
            chart.width = width
            try sheet.insert(chart, row: chartRow, column: 0)
        }
        // One page: the counts and their charts are read together.
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: crossHeaders.isEmpty ? .portrait : .landscape,
                                         fitToWidth: 1, fitToHeight: 1, footer: Official.pageNumbersOnly))
    }

    /// The cross-check columns the round's inputs allow (verified/unverified need lists, not enrolled the
    /// roster, missed both).
    static func crossCheckHeaders(_ summary: CrossCheckSummary) -> [String] {
        var headers: [String] = []
        if summary.totals.verified != nil { headers.append("已核实") }
        if summary.totals.unverified != nil { headers.append("未核实") }
        if summary.totals.notEnrolled != nil { headers.append("不在籍") }
        if summary.totals.missed != nil { headers.append("在名单未申请") }
        return headers
    }

    /// The counts of `crossCheckHeaders`, in the same order.
    static func crossCheckValues(_ counts: CrossCheckSummary.Counts) -> [Int] {
        [counts.verified, counts.unverified, counts.notEnrolled, counts.missed].compactMap { $0 }
    }
}
