import ZizhuCore
import ZizhuXLSX

/// 发放花名册 (花名册.xlsx): every accepted row, by grade, class and input order, in the official look of
/// DOMAIN.md — merged title, 填报单位 line, header repeated on every printed page, identifiers as text,
/// amounts `#,##0.00`, a 合计 row with 人数, 金额 (a formula with its value cached) and 大写, the three
/// signature lines and 填表日期; A4 landscape, one page wide, 第 X 页，共 Y 页. A second sheet, 汇总, gives
/// per class the 人数 and 金额 of each tier and the total, with two charts of them (stacked by tier), all on one
/// printed page.
///
/// Sheet-splitting rule: a sheet holds at most `rowsPerSheet` (1,048,000) data rows — Excel's limit of
/// 1,048,576 rows less the title, the 填报单位 line, the header, the 小计/合计 row and the signature lines.
/// Beyond that the rows continue on 花名册（2）, 花名册（3）…, each with its own title and header and a
/// 本表小计 row; 序号 runs on across sheets and the 合计 on the last sheet covers every sheet.
public enum RegisterBook {
    public static let fileName = "花名册.xlsx"
    public static let sheetName = "花名册"
    public static let summarySheetName = "汇总"
    public static let rowsPerSheet = 1_048_000

    /// The columns, in order. The register is internal: it holds the full identifiers.
    public static let headers = ["序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型", "困难等级",
                                 "资助金额", "银行卡号", "开户行", "持卡人", "备注"]
    static let amountColumn = 9
    static let identifierColumns = [3, 4, 10]
    static let firstDataRow = 3

    /// Writes the register of a round's accepted rows to `path`, atomically.
    public static func write(_ result: RoundResult, to path: String, fillDate: CivilDate? = nil,
                             temporaryDirectory: String? = nil) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, order: .accepted(result), amounts: AmountTable(result), toPath: temporary,
                          fillDate: fillDate, temporaryDirectory: temporaryDirectory)
        }
    }

    /// What the register written while the round was decided (`write(_:order:to:)`) decided: the round's
    /// summary and returned rows, without the rows themselves.
    public struct Decision: Sendable {
        public let summary: Summary
        /// `isReturned[i]` is true when row i went back (`RoundResult.isReturned`).
        public let isReturned: [Bool]
    }

    /// Writes the register while the round is still being decided, and returns what was decided: writing starts
    /// as soon as the cross-row checks are done (`Validator.start` with `order.rows` as its row order and
    /// `writesMeanwhile`), and each row is written once its row rules have run on the other core. The
    /// rows written are then held against the decided round's accepted rows; should they differ, the register
    /// is written again from the decided round before it replaces anything at `path`.
    ///
    /// The validation gives its rows away (`handOverRows()`) before the workbook is closed, and they are freed on
    /// another core while libxlsxwriter copies and compresses the sheet: a million rows hold about 650 MB, and
    /// pages just given back are the cheapest the kernel has for the gigabyte and a half of sheet XML that the
    /// close writes to its temporary files (Benchmarks/README.md, "Where the register's time goes").
    public static func write(_ validation: ValidationInProgress, order: RosterOrder, to path: String,
                             fillDate: CivilDate? = nil, temporaryDirectory: String? = nil) throws -> Decision {
        precondition(validation.order == order.rows, "the validation must take the rows in the register's order")
        var decision: Decision?
        try AtomicFile.write(to: path) { temporary in
            let (workbook, written) = try writeUnclosed(
                applicants: validation.applicants, policy: validation.policy, order: order,
                isReturned: { validation.isReturned(at: $0) }, amounts: AmountTable(fenPerRow: validation.fenPerRow),
                toPath: temporary, fillDate: fillDate, temporaryDirectory: temporaryDirectory)
            let result = validation.finish()
            decision = Decision(summary: result.summary, isReturned: result.isReturned)
            // `order` holds every row, so its accepted part is `RosterOrder.accepted(result)`, without sorting again.
            if written != order.filtered({ !result.isReturned[$0] }).rows {
                _ = consume workbook  // freed unwritten; the register is written again from the decided round
                _ = try write(result, order: .accepted(result), amounts: AmountTable(result), toPath: temporary,
                              fillDate: fillDate, temporaryDirectory: temporaryDirectory)
                return
            }
            _ = consume result  // it holds every row too
            MemoryRelease.inBackground(validation.handOverRows())
            try Official.run(fileName) { try workbook.close() }
        }
        return decision!
    }

    /// Writes straight to `path` (the caller makes it atomic); returns the number of data rows.
    static func write(_ result: RoundResult, order: RosterOrder, amounts: AmountTable, toPath path: String,
                      fillDate: CivilDate?, temporaryDirectory: String?, rowsPerSheet: Int = RegisterBook.rowsPerSheet,
                      progress: RowProgress = .silent) throws -> Int {
        try write(applicants: result.applicants, policy: result.policy, order: order, isReturned: { _ in false },
                  amounts: amounts, toPath: path, fillDate: fillDate, temporaryDirectory: temporaryDirectory,
                  rowsPerSheet: rowsPerSheet, progress: progress).count
    }

    /// The rows of `order` that `isReturned` (by position in `order`) lets through, written straight to `path`;
    /// returns their applicant indices in the order written.
    static func write(applicants: [Applicant], policy: Policy, order: RosterOrder, isReturned: @escaping (Int) -> Bool,
                      amounts: AmountTable, toPath path: String, fillDate: CivilDate?, temporaryDirectory: String?,
                      rowsPerSheet: Int = RegisterBook.rowsPerSheet, progress: RowProgress = .silent) throws -> [Int] {
        let (workbook, written) = try writeUnclosed(
            applicants: applicants, policy: policy, order: order, isReturned: isReturned, amounts: amounts,
            toPath: path, fillDate: fillDate, temporaryDirectory: temporaryDirectory, rowsPerSheet: rowsPerSheet,
            progress: progress)
        try Official.run(fileName) { try workbook.close() }
        return written
    }

    /// Every sheet written, the workbook not yet closed: the caller may let go of the rows first.
    static func writeUnclosed(applicants: [Applicant], policy: Policy, order: RosterOrder, isReturned: @escaping (Int) -> Bool,
                              amounts: AmountTable, toPath path: String, fillDate: CivilDate?, temporaryDirectory: String?,
                              rowsPerSheet: Int = RegisterBook.rowsPerSheet,
                              progress: RowProgress = .silent) throws -> (Workbook, written: [Int]) {
        try Official.run(fileName) {
            let title = policy.roundTitle + "发放花名册"
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: temporaryDirectory, title: title, subject: policy.program,
                company: policy.school)
            var writer = RegisterSheetsWriter(applicants: applicants, policy: policy, order: order,
                                              isReturned: isReturned, amounts: amounts, workbook: workbook,
                                              formats: formats, title: title, fillDate: fillDate,
                                              rowsPerSheet: max(1, rowsPerSheet), progress: progress)
            try writer.writeRows()
            try writer.writeSummarySheet()
            return (workbook, writer.written)
        }
    }
}

/// The state of one register being written: the current sheet, the running totals, the class summary.
struct RegisterSheetsWriter {
    let applicants: [Applicant]
    let policy: Policy
    /// The rows to consider, in order; those `isReturned` names (by position in `order.rows`) are left out.
    let order: RosterOrder
    let isReturned: (Int) -> Bool
    let amounts: AmountTable
    let workbook: Workbook
    let formats: OfficialFormats
    let title: String
    let fillDate: CivilDate?
    let rowsPerSheet: Int
    let progress: RowProgress
    let widths: [Double]
    let lastColumn = RegisterBook.headers.count - 1

    /// Per class of `order`, per tier (the policy's tiers, then "other"): count and fen.
    var classCounts: [[Int]]
    var classAmounts: [[Int64]]
    /// Each sheet's name and its data rows, for the 合计 formula.
    var sheetRanges: [(name: String, rows: ClosedRange<Int>)] = []
    var total = Money.zero
    /// The applicant indices written, in order.
    var written: [Int] = []
    /// 困难等级 text → tier slot. A short list compared byte by byte beats hashing: the levels are few.
    var tierCache: [(level: String, slot: Int)] = []

    init(applicants: [Applicant], policy: Policy, order: RosterOrder, isReturned: @escaping (Int) -> Bool,
         amounts: AmountTable, workbook: Workbook, formats: OfficialFormats, title: String, fillDate: CivilDate?,
         rowsPerSheet: Int, progress: RowProgress) {
        self.applicants = applicants
        self.policy = policy
        self.order = order
        self.isReturned = isReturned
        self.amounts = amounts
        self.workbook = workbook
        self.formats = formats
        self.title = title
        self.fillDate = fillDate
        self.rowsPerSheet = rowsPerSheet
        self.progress = progress
        let tierSlots = policy.tiers.count + 1
        classCounts = Array(repeating: Array(repeating: 0, count: tierSlots), count: order.groups.count)
        classAmounts = Array(repeating: Array(repeating: 0, count: tierSlots), count: order.groups.count)
        // Every row of the order, returned or not: asking which are returned would wait for the row rules to
        // finish, and the register is written while they run. A returned row only ever widens a column.
        widths = Official.widths(headers: RegisterBook.headers, values: { position in
            let a = applicants[order.rows[position]]
            return ["99999", a.value(.name), a.value(.gender), a.value(.idNumber), a.value(.studentNumber),
                    a.value(.grade), a.value(.className), a.value(.category), a.value(.level), "1,500,000.00",
                    a.value(.card), a.value(.bank), Official.accountHolder(a), "备注"]
        }, count: order.rows.count)
        written.reserveCapacity(order.rows.count)
    }

    static func sheetName(_ number: Int) -> String {
        number == 0 ? RegisterBook.sheetName : "\(RegisterBook.sheetName)（\(number + 1)）"
    }

    /// The position in `order` of the first row written at or after `position`; `order.rows.count` at the end.
    func nextWritten(from position: Int) -> Int {
        var position = position
        while position < order.rows.count && isReturned(position) { position += 1 }
        return position
    }

    /// Sheet after sheet of at most `rowsPerSheet` rows, each closed by a 本表小计 when more rows follow and the
    /// last by the 合计. Rows are taken as they are decided, so a sheet is known to be the last only when no
    /// row is left after it.
    mutating func writeRows() throws {
        let rows = order.rows
        var position = nextWritten(from: 0)
        var groupIndex = 0
        var sheetNumber = 0
        repeat {
            let sheet = try startSheet(sheetNumber)
            var sheetTotal = Money.zero
            var row = RegisterBook.firstDataRow
            while position < rows.count && row - RegisterBook.firstDataRow < rowsPerSheet {
                while groupIndex < order.groups.count - 1 && position >= order.groups[groupIndex].rows.upperBound {
                    groupIndex += 1
                }
                let index = rows[position]
                let amount = amounts[index]
                // The row is read in place, not copied (see `RoundIndex.add`).
                try writeDataRow(sheet, row: row, serial: written.count + 1, applicants[index], amount: amount)
                written.append(index)
                let fen = amount?.fen ?? 0
                sheetTotal.fen += fen
                let tier = tierSlot(applicants[index].value(.level))
                classCounts[groupIndex][tier] += 1
                classAmounts[groupIndex][tier] += fen
                row += 1
                progress.rowsWritten(written.count)
                position = nextWritten(from: position + 1)
            }
            total += sheetTotal
            let dataRows = row - RegisterBook.firstDataRow
            if dataRows > 0 {
                let range = RegisterBook.firstDataRow...(row - 1)
                sheetRanges.append((sheet.name, range))
                try sheet.ignoreNumberStoredAsText(in: RegisterBook.identifierColumns.map { CellRange.column($0, rows: range) })
            }
            if position < rows.count, let range = sheetRanges.last?.rows {
                try writeSubtotal(sheet, row: row, count: dataRows, amount: sheetTotal, rows: range)
            } else {
                try writeTotal(sheet, row: row)
            }
            sheetNumber += 1
        } while position < rows.count
    }

    /// Title, 填报单位 line, header, and the sheet's print setup.
    func startSheet(_ number: Int) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(named: Self.sheetName(number))
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
        try sheet.setRow(1, height: 22)
        try sheet.merge(row: 1, columns: 0...8, text: "填报单位（盖章）：\(policy.school)", format: formats.line)
        try sheet.merge(row: 1, columns: 9...lastColumn, text: "单位：元", format: formats.lineRight)
        try sheet.setRow(2, height: 30)
        for (column, header) in RegisterBook.headers.enumerated() {
            try sheet.write(header, row: 2, column: column, format: formats.header)
        }
        try sheet.freezePanes(row: RegisterBook.firstDataRow, column: 2)
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                         repeatRows: 2...2, footer: Official.footer(left: title),
                                         margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6),
                                         centerHorizontally: true))
        if number == 0 { try sheet.activate() }
        return sheet
    }

    @inline(__always)
    func writeDataRow(_ sheet: Worksheet, row: Int, serial: Int, _ a: Applicant, amount: Money?) throws {
        let f = formats
        try sheet.write(Double(serial), row: row, column: 0, format: f.serial)
        try sheet.write(a.value(.name), row: row, column: 1, format: f.textCenter)
        try sheet.write(a.value(.gender), row: row, column: 2, format: f.textCenter)
        try sheet.write(a.value(.idNumber), row: row, column: 3, format: f.identifier)
        try sheet.write(a.value(.studentNumber), row: row, column: 4, format: f.identifier)
        try sheet.write(a.value(.grade), row: row, column: 5, format: f.textCenter)
        try sheet.write(a.value(.className), row: row, column: 6, format: f.textCenter)
        try sheet.write(a.value(.category), row: row, column: 7, format: f.textCenter)
        try sheet.write(a.value(.level), row: row, column: 8, format: f.textCenter)
        if let amount {
            try sheet.write(amount.yuanForDisplay, row: row, column: 9, format: f.money)
        } else {
            try sheet.writeBlank(row: row, column: 9, format: f.money)
        }
        try sheet.write(a.value(.card), row: row, column: 10, format: f.identifier)
        try sheet.write(a.value(.bank), row: row, column: 11, format: f.text)
        try sheet.write(Official.accountHolder(a), row: row, column: 12, format: f.textCenter)
        try sheet.writeBlank(row: row, column: 13, format: f.text)
    }

    func writeSubtotal(_ sheet: Worksheet, row: Int, count: Int, amount: Money, rows: ClosedRange<Int>) throws {
        try sheet.write("本表小计", row: row, column: 0, format: formats.totalLabel)
        try sheet.write(Double(count), row: row, column: 1, format: formats.totalCount)
        try sheet.merge(row: row, columns: 2...8, text: "大写：" + ChineseAmount.words(amount), format: formats.totalText)
        let range = CellRange.column(RegisterBook.amountColumn, rows: rows)
        try sheet.writeFormula("=SUM(\(range.a1))", cachedValue: amount.yuanForDisplay, row: row,
                               column: RegisterBook.amountColumn, format: formats.totalMoney)
        try sheet.merge(row: row, columns: 10...lastColumn, text: "", format: formats.totalText)
    }

    /// 合计 over every sheet, then the signature lines.
    func writeTotal(_ sheet: Worksheet, row: Int) throws {
        let count = written.count
        try sheet.write("合计", row: row, column: 0, format: formats.totalLabel)
        try sheet.write(Double(count), row: row, column: 1, format: formats.totalCount)
        try sheet.merge(row: row, columns: 2...8, text: "大写：" + ChineseAmount.words(total), format: formats.totalText)
        if sheetRanges.isEmpty {
            try sheet.write(0, row: row, column: RegisterBook.amountColumn, format: formats.totalMoney)
        } else {
            let ranges = sheetRanges.map { entry -> String in
                let range = CellRange.column(RegisterBook.amountColumn, rows: entry.rows)
                return sheetRanges.count == 1 ? range.a1 : "'\(entry.name)'!\(range.a1)"
            }
            try sheet.writeFormula("=SUM(\(ranges.joined(separator: ",")))", cachedValue: total.yuanForDisplay,
                                   row: row, column: RegisterBook.amountColumn, format: formats.totalMoney)
        }
        try sheet.merge(row: row, columns: 10...lastColumn, text: "", format: formats.totalText)
        try writeSignatures(sheet, row: row + 2, lastColumn: lastColumn)
    }

    /// The tier of a 困难等级 cell: its position in the policy, or the last slot for anything else.
    mutating func tierSlot(_ level: String) -> Int {
        for entry in tierCache where sameBytes(entry.level, level) { return entry.slot }
        let slot = policy.tier(forLevel: level).flatMap { tier in policy.tiers.firstIndex(of: tier) }
            ?? policy.tiers.count
        if tierCache.count < 64 { tierCache.append((level, slot)) }
        return slot
    }

    /// 汇总: per class the 人数 and 金额 of each tier and in total, with a 合计 row.
    func writeSummarySheet() throws {
        let sheet = try workbook.addWorksheet(named: RegisterBook.summarySheetName)
        let otherSlot = policy.tiers.count
        let hasOther = classCounts.contains { $0[otherSlot] > 0 }
        var tierNames = policy.tiers.map(\.level)
        var slots = Array(policy.tiers.indices)
        if hasOther {
            tierNames.append("其他")
            slots.append(otherSlot)
        }
        var headers = ["序号", "年级", "班级"]
        for name in tierNames { headers += ["\(name)\n人数", "\(name)\n金额"] }
        headers += ["合计\n人数", "合计\n金额"]
        let lastColumn = headers.count - 1

        let widths: [Double] = [6, 14, 14] + Array(repeating: [10.0, 14.0], count: slots.count + 1).joined()
        for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
        try Official.writeTitle(policy.roundTitle + "发放汇总表", on: sheet, widths: widths, format: formats.title)
        try sheet.merge(row: 1, columns: 0...max(2, lastColumn - 2), text: "填报单位（盖章）：\(policy.school)",
                        format: formats.line)
        try sheet.merge(row: 1, columns: max(3, lastColumn - 1)...max(4, lastColumn), text: "单位：元",
                        format: formats.lineRight)
        try sheet.setRow(2, height: 32)
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: 2, column: column, format: formats.header)
        }
        try sheet.freezePanes(row: 3, column: 3)

        var row = 3
        var columnTotals = Array(repeating: (count: 0, fen: Int64(0)), count: slots.count + 1)
        var serial = 0
        // A class every row of which went back has no line (`order` may hold returned rows).
        for (index, group) in order.groups.enumerated() where classCounts[index].contains(where: { $0 > 0 }) {
            serial += 1
            try sheet.write(Double(serial), row: row, column: 0, format: formats.serial)
            try sheet.write(group.grade, row: row, column: 1, format: formats.textCenter)
            try sheet.write(group.className, row: row, column: 2, format: formats.textCenter)
            var classCount = 0
            var classFen: Int64 = 0
            for (position, slot) in slots.enumerated() {
                let count = classCounts[index][slot]
                let fen = classAmounts[index][slot]
                classCount += count
                classFen += fen
                columnTotals[position].count += count
                columnTotals[position].fen += fen
                try sheet.write(Double(count), row: row, column: 3 + position * 2, format: formats.count)
                try sheet.write(Money(fen: fen).yuanForDisplay, row: row, column: 4 + position * 2, format: formats.money)
            }
            columnTotals[slots.count].count += classCount
            columnTotals[slots.count].fen += classFen
            try sheet.write(Double(classCount), row: row, column: lastColumn - 1, format: formats.count)
            try sheet.write(Money(fen: classFen).yuanForDisplay, row: row, column: lastColumn, format: formats.money)
            row += 1
        }
        try sheet.merge(row: row, columns: 0...2, text: "合计", format: formats.totalLabel)
        for (position, totals) in columnTotals.enumerated() {
            let countColumn = 3 + position * 2
            for (column, value, format) in [(countColumn, Double(totals.count), formats.totalCount),
                                            (countColumn + 1, Money(fen: totals.fen).yuanForDisplay, formats.totalMoney)] {
                if row > 3 {
                    let range = CellRange.column(column, rows: 3...(row - 1))
                    try sheet.writeFormula("=SUM(\(range.a1))", cachedValue: value, row: row, column: column, format: format)
                } else {
                    try sheet.write(value, row: row, column: column, format: format)
                }
            }
        }
        let words = ChineseAmount.words(Money(fen: columnTotals[slots.count].fen))
        try sheet.merge(row: row + 1, columns: 0...lastColumn, text: "合计金额（大写）：\(words)", format: formats.totalText)
        let standards = policy.tiers.map { "\($0.level) \($0.amount.groupedString) 元/人" }.joined(separator: "，")
        try sheet.merge(row: row + 2, columns: 0...lastColumn, text: "资助标准：\(standards)。", format: formats.line)
        try writeSignatures(sheet, row: row + 4, lastColumn: lastColumn)
        if row > 3 {
            let classes = CellRange.column(2, rows: 3...(row - 1))
            let width = OfficialCharts.width(ofColumns: widths)
            for (offset, (title, axis, column)) in [("各班受助人数（按档次）", "人数", 3), ("各班发放金额（按档次）", "金额（元）", 4)].enumerated() {
                let series = tierNames.enumerated().map { position, name in
                    Chart.Series(name: name, sheet: sheet.name, categories: classes,
                                 values: .column(column + position * 2, rows: 3...(row - 1)),
                                 color: OfficialCharts.palette[position % OfficialCharts.palette.count])
                }
                var chart = Chart(kind: .stackedColumn, title: title, categoryAxisTitle: "班级", valueAxisTitle: axis,
                                  series: series, showsLegend: true)
                chart.valueFormat = column == 4 ? "#,##0" : "0"
                chart.showsValues = series.count == 1
                chart.width = width
                try sheet.insert(chart, row: row + 6 + offset * OfficialCharts.rowsPerChart, column: 0)
            }
        }
        // One page: the table, its signatures and its charts are read and signed together.
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 1,
                                         repeatRows: 2...2, footer: Official.footer(left: policy.roundTitle + "发放汇总表"),
                                         margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6),
                                         centerHorizontally: true))
    }

    /// 单位负责人 / 审核人 / 经办人 / 填表日期, spread over the sheet's columns in four parts.
    func writeSignatures(_ sheet: Worksheet, row: Int, lastColumn: Int) throws {
        let texts = ["单位负责人：", "审核人：", "经办人：", Official.fillDateText(fillDate)]
        let span = max(1, (lastColumn + 1) / 4)
        try sheet.setRow(row, height: 28)
        for (position, text) in texts.enumerated() {
            let first = position * span
            let last = position == texts.count - 1 ? max(first, lastColumn) : first + span - 1
            if last > first {
                try sheet.merge(row: row, columns: first...last, text: text, format: formats.signature)
            } else {
                try sheet.write(text, row: row, column: first, format: formats.signature)
            }
        }
    }
}
