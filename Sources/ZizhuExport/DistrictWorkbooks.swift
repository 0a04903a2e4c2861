import ZizhuArchive
import ZizhuCore
import ZizhuXLSX

/// The district's two workbooks, from its store of rounds: the term's 汇总表 (per school: rounds, applicants,
/// accepted, returned, amount, errors per 100 rows, 大龄 share, coverage; the findings per code) and the monthly
/// 通报 (一月一通报: per school counts, late and returned rounds, schools that sent nothing, the worst findings).
/// Each table has a native chart beside it (libxlsxwriter's chart API), A4 landscape, page X of Y. No pupil's
/// data: schools, counts and amounts only.
public enum DistrictWorkbooks {
    public static let summaryFileName = "区资助汇总表.xlsx"
    public static let bulletinFileName = "资助工作通报.xlsx"
    /// Who the headings name when nobody said.
    public static let defaultOffice = "区学生资助管理中心"

    /// `district`: the 区 (or 教办) the heading names, e.g. "某某区学生资助管理中心".
    public static func writeSummary(_ summary: DistrictSummary, to path: String, district: String,
                                    generatedAt: String) throws {
        try AtomicFile.write(to: path) { temporary in
            try Official.run(summaryFileName) {
                let title = "\(district)\(summary.period.title)学生资助汇总表"
                let (workbook, formats) = try open(temporary, title: title, company: district)
                let sheet = try workbook.addWorksheet(named: "汇总")
                let note = "统计口径：已提交、已审核、已发放的轮次计入人数与金额；退回的轮次只计入状态，草稿不计。"
                    + "每百行错误数 = 错误数 ÷ 申请人数 × 100；大龄占比按通过人数；覆盖率 = 通过人数 ÷ 在籍人数（报送时附学籍名单的学校）。"
                    + "生成时间：\(generatedAt)。"
                let table = SchoolTable(lines: summary.schools, total: summary.total)
                let end = try table.write(on: sheet, formats: formats, title: title, note: note)
                try sheet.insert(table.amountChart(sheet: sheet.name, title: "各校通过金额（元）"), row: end + 2, column: 0)
                try setUpPrinting(sheet, title: title)
                try sheet.activate()

                try writeCodes(summary.codes, workbook: workbook, formats: formats, title: "\(title) · 问题分类",
                               sheetName: "问题")
                try workbook.close()
            }
        }
    }

    public static func writeBulletin(_ bulletin: DistrictBulletin, to path: String, district: String,
                                     generatedAt: String) throws {
        try AtomicFile.write(to: path) { temporary in
            try Official.run(bulletinFileName) {
                let parts = bulletin.month.split(separator: "-")
                let monthTitle = parts.count == 2 ? "\(parts[0])年\(Int(parts[1]) ?? 0)月" : bulletin.month
                let title = "\(district)\(monthTitle)学生资助工作通报"
                let (workbook, formats) = try open(temporary, title: title, company: district)
                let sheet = try workbook.addWorksheet(named: "通报")
                let table = SchoolTable(lines: bulletin.schools.map(\.figures), total: bulletin.total.figures,
                                        bulletin: bulletin.schools, bulletinTotal: bulletin.total)
                let end = try table.write(on: sheet, formats: formats, title: title, note: overview(bulletin, generatedAt))
                try sheet.insert(table.errorChart(sheet: sheet.name, title: "各校每百行错误数"), row: end + 2, column: 0)
                try setUpPrinting(sheet, title: title)
                try sheet.activate()

                try writeNotes(bulletin, workbook: workbook, formats: formats, title: "\(title) · 逾期与退回")
                try writeCodes(bulletin.codes, workbook: workbook, formats: formats, title: "\(title) · 主要问题",
                               sheetName: "主要问题")
                try workbook.close()
            }
        }
    }

    /// The 通报's opening paragraph: the month in one sentence each for what came in, what went back, what is
    /// missing.
    static func overview(_ bulletin: DistrictBulletin, _ generatedAt: String) -> String {
        let total = bulletin.total
        let schools = bulletin.schools.filter { $0.submitted > 0 }.count
        var text = "本月共有 \(schools) 所学校报送 \(total.submitted) 轮，申请 \(total.figures.applicants) 人，"
            + "通过 \(total.figures.accepted) 人，通过金额 \(total.figures.amount.groupedString) 元；"
            + "区里退回 \(total.returned) 轮"
        if let deadline = bulletin.deadline { text += "；\(deadline) 之后报送（逾期）\(total.late) 轮" }
        text += "。"
        if !bulletin.silent.isEmpty {
            text += "本月未报送的学校（\(bulletin.silent.count) 所）：\(bulletin.silent.joined(separator: "、"))。"
        }
        if let worst = bulletin.codes.first(where: { $0.severity == .error }) {
            text += "最多的错误是 \(worst.code)（\(worst.count) 次，涉及 \(worst.schools) 所学校，\(worst.worstSchool) 最多，\(worst.worstCount) 次）。"
        }
        return text + "生成时间：\(generatedAt)。"
    }

    // MARK: Sheets

    private static func open(_ path: String, title: String, company: String) throws -> (Workbook, OfficialFormats) {
        // A few hundred rows: the workbook keeps them, so the charts carry their values for previewers too.
        let workbook = try Workbook(path: path, options: WorkbookOptions(constantMemory: false))
        try workbook.setProperties(DocumentProperties(title: title, subject: "学生资助", author: "zizhu",
                                                      company: company, category: "学生资助统计"))
        return (workbook, try OfficialFormats(workbook))
    }

    private static func setUpPrinting(_ sheet: Worksheet, title: String) throws {
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                         repeatRows: 2...2, footer: Official.footer(left: title),
                                         margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)))
    }

    static let codeHeaders = ["序号", "问题代码", "严重程度", "次数", "涉及学校数", "最多的学校", "该校次数"]

    private static func writeCodes(_ codes: [DistrictSummary.CodeLine], workbook: Workbook, formats: OfficialFormats,
                                   title: String, sheetName: String) throws {
        let sheet = try workbook.addWorksheet(named: sheetName)
        let widths = Official.widths(headers: codeHeaders, values: { [codes[$0].code, "", "", "", "", codes[$0].worstSchool] },
                                     count: codes.count)
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
        try sheet.merge(row: 1, columns: 0...(codeHeaders.count - 1),
                        text: codes.isEmpty ? "没有问题记录。" : "错误在前，其次按次数；只计已提交、已审核、已发放的轮次。",
                        format: formats.line)
        for (column, header) in codeHeaders.enumerated() {
            try sheet.write(header, row: 2, column: column, format: formats.header)
        }
        for (position, line) in codes.enumerated() {
            let row = 3 + position
            try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
            try sheet.write(line.code, row: row, column: 1, format: formats.text)
            try sheet.write(line.severity.chinese, row: row, column: 2, format: formats.textCenter)
            try sheet.write(Double(line.count), row: row, column: 3, format: formats.count)
            try sheet.write(Double(line.schools), row: row, column: 4, format: formats.count)
            try sheet.write(line.worstSchool, row: row, column: 5, format: formats.text)
            try sheet.write(Double(line.worstCount), row: row, column: 6, format: formats.count)
        }
        if !codes.isEmpty {
            let shown = min(codes.count, 15)
            var chart = Chart(kind: .bar, title: "各类问题次数（前 \(shown) 类）", categoryAxisTitle: "问题代码",
                              valueAxisTitle: "次数",
                              series: [Chart.Series(name: "次数", sheet: sheet.name,
                                                    categories: .column(1, rows: 3...(2 + shown)),
                                                    values: .column(3, rows: 3...(2 + shown)), color: 0xB3261E)])
            chart.height = max(240, 60 + shown * 22)
            try sheet.insert(chart, row: 3 + codes.count + 1, column: 0)
        }
        try setUpPrinting(sheet, title: title)
    }

    private static func writeNotes(_ bulletin: DistrictBulletin, workbook: Workbook, formats: OfficialFormats,
                                   title: String) throws {
        let sheet = try workbook.addWorksheet(named: "逾期与退回")
        let headers = ["序号", "学校", "轮次名称", "时间", "退回原因"]
        let notes = bulletin.late + bulletin.returned
        var widths = Official.widths(headers: headers, values: { [notes[$0].school, notes[$0].label, "", notes[$0].at] },
                                     count: notes.count)
        widths[4] = 48
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
        var row = 1
        let sections: [(String, [DistrictBulletin.RoundNote], String)] = [
            (bulletin.deadline.map { "逾期报送（\($0) 之后提交）" } ?? "逾期报送（未设截止日期）", bulletin.late, "没有逾期报送的轮次。"),
            ("本月退回", bulletin.returned, "本月没有退回的轮次。"),
        ]
        for (heading, entries, none) in sections {
            try sheet.merge(row: row, columns: 0...4, text: heading, format: formats.totalText)
            row += 1
            for (column, header) in headers.enumerated() { try sheet.write(header, row: row, column: column, format: formats.header) }
            row += 1
            if entries.isEmpty {
                try sheet.merge(row: row, columns: 0...4, text: none, format: formats.text)
                row += 1
            }
            for (position, note) in entries.enumerated() {
                try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
                try sheet.write(note.school, row: row, column: 1, format: formats.text)
                try sheet.write(note.label, row: row, column: 2, format: formats.text)
                try sheet.write(String(note.at.prefix(16)).replacingOccurrences(of: "T", with: " "), row: row,
                                column: 3, format: formats.textCenter)
                try sheet.write(note.reason, row: row, column: 4, format: formats.wrapText)
                row += 1
            }
            row += 1
        }
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                         footer: Official.footer(left: title),
                                         margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)))
    }
}

/// The per-school table both workbooks open with: title, a paragraph, the header on row 3, a line per school,
/// 合计. The 通报 adds its month's columns (报送, 退回, 逾期).
private struct SchoolTable {
    var lines: [DistrictSummary.SchoolLine]
    var total: DistrictSummary.SchoolLine
    var bulletin: [DistrictBulletin.SchoolLine]? = nil
    var bulletinTotal: DistrictBulletin.SchoolLine? = nil

    static let headerRow = 2
    var firstRow: Int { Self.headerRow + 1 }
    var lastRow: Int { firstRow + max(lines.count, 1) - 1 }

    var headers: [String] {
        let counts = bulletin == nil ? ["已提交", "退回", "已审核", "已发放"] : ["本月报送", "本月退回", "逾期"]
        return ["序号", "学校代码", "学校"] + counts
            + ["申请人数", "通过人数", "退回人数", "通过金额（元）", "每百行错误数", "大龄占比", "在籍人数", "覆盖率"]
    }

    /// The column of 通过金额 and of 每百行错误数, for the charts.
    var amountColumn: Int { headers.firstIndex(of: "通过金额（元）") ?? 0 }
    var errorColumn: Int { headers.firstIndex(of: "每百行错误数") ?? 0 }

    /// Writes the table; returns its last row (合计).
    func write(on sheet: Worksheet, formats: OfficialFormats, title: String, note: String) throws -> Int {
        let last = headers.count - 1
        let widths = Official.widths(headers: headers, values: { [String(1), lines[$0].code, lines[$0].name] },
                                     count: lines.count, minimum: 8, maximum: 36)
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
        try sheet.merge(row: 1, columns: 0...last, text: note, format: formats.paragraph)
        try sheet.setRow(1, height: 48)
        try sheet.setRow(Self.headerRow, height: 30)
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: Self.headerRow, column: column, format: formats.header)
        }
        try sheet.freezePanes(row: Self.headerRow + 1, column: 0)
        var row = firstRow
        if lines.isEmpty {
            try sheet.merge(row: row, columns: 0...last, text: "没有登记的学校，也没有报送的轮次。", format: formats.text)
            row += 1
        }
        for (position, line) in lines.enumerated() {
            try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
            try sheet.write(line.code, row: row, column: 1, format: formats.identifier)
            try sheet.write(line.name, row: row, column: 2, format: formats.text)
            try writeFigures(line, month: bulletin?[position], on: sheet, row: row, formats: formats)
            row += 1
        }
        try sheet.merge(row: row, columns: 0...2, text: "合计", format: formats.totalLabel)
        try writeFigures(total, month: bulletinTotal, on: sheet, row: row, formats: formats, isTotal: true)
        try sheet.ignoreNumberStoredAsText(in: [.column(1, rows: firstRow...max(firstRow, row))])
        return row
    }

    private func writeFigures(_ line: DistrictSummary.SchoolLine, month: DistrictBulletin.SchoolLine?,
                              on sheet: Worksheet, row: Int, formats: OfficialFormats, isTotal: Bool = false) throws {
        var column = 3
        func count(_ value: Int) throws {
            try sheet.write(Double(value), row: row, column: column, format: formats.count)
            column += 1
        }
        func optional(_ value: Double?, _ format: Format) throws {
            if let value { try sheet.write(value, row: row, column: column, format: format) } else {
                try sheet.write("—", row: row, column: column, format: formats.textCenter)
            }
            column += 1
        }
        if bulletin != nil {
            for value in [month?.submitted ?? 0, month?.returned ?? 0, month?.late ?? 0] { try count(value) }
        } else {
            for state in [RoundState.submitted, .returned, .approved, .paid] { try count(line.states[state] ?? 0) }
        }
        for value in [line.applicants, line.accepted, line.returned] { try count(value) }
        try sheet.write(Double(line.amount.fen) / 100, row: row, column: column,
                        format: isTotal ? formats.totalMoney : formats.money)
        column += 1
        try optional(line.errorsPer100Rows, formats.ratio)
        try optional(line.overAgeShare.map { $0 / 100 }, formats.percent)
        try optional(line.enrolled.map(Double.init), formats.count)
        try optional(line.coverage.map { $0 / 100 }, formats.percent)
    }

    func amountChart(sheet: String, title: String) -> Chart {
        chart(sheet: sheet, title: title, column: amountColumn, axis: "金额（元）", format: "#,##0", color: 0x8B1A1A)
    }

    func errorChart(sheet: String, title: String) -> Chart {
        chart(sheet: sheet, title: title, column: errorColumn, axis: "每百行错误数", format: "0.0", color: 0xB3261E)
    }

    private func chart(sheet: String, title: String, column: Int, axis: String, format: String, color: UInt32) -> Chart {
        var chart = Chart(kind: .bar, title: title, categoryAxisTitle: "学校", valueAxisTitle: axis,
                          series: [Chart.Series(name: axis, sheet: sheet, categories: .column(2, rows: firstRow...lastRow),
                                                values: .column(column, rows: firstRow...lastRow), color: color)])
        chart.valueFormat = format
        chart.height = max(240, 70 + max(lines.count, 1) * 22)
        return chart
    }
}
