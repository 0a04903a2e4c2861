import ZizhuCore
import ZizhuXLSX

/// 银行代发清单 (银行代发清单.xlsx): what finance hands the agent bank — 序号, 卡号, 户名, 金额, 身份证号,
/// 摘要, 备注 — in the register's order (序号 N is the same payment in both), with 笔数, 总金额 and 大写 above
/// the table and a 合计 row below it. 户名 is the 持卡人 when filled, else the student's name. 备注 names the
/// class so a returned payment can be traced.
public enum BankList {
    public static let fileName = "银行代发清单.xlsx"
    public static let sheetName = "代发清单"
    public static let headers = ["序号", "卡号", "户名", "金额", "身份证号", "摘要", "备注"]
    static let firstDataRow = 3
    static let amountColumn = 3

    public static func write(_ result: RoundResult, to path: String, temporaryDirectory: String? = nil) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, order: .accepted(result), amounts: AmountTable(result), toPath: temporary,
                          temporaryDirectory: temporaryDirectory)
        }
    }

    static func write(_ result: RoundResult, order: RosterOrder, amounts: AmountTable, toPath path: String,
                      temporaryDirectory: String?, progress: RowProgress = .silent) throws -> Int {
        let policy = result.policy
        let total = amounts.total(of: order.rows)
        let count = order.rows.count
        return try Official.run(fileName) {
            let title = policy.roundTitle + "银行代发清单"
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: temporaryDirectory, title: title, subject: policy.paymentSummary,
                company: policy.school)
            let sheet = try workbook.addWorksheet(named: sheetName)
            let lastColumn = headers.count - 1
            let widths = Official.widths(headers: headers, values: { position in
                let a = result.applicants[order.rows[position]]
                return ["99999", a.value(.card), Official.accountHolder(a), "1,500,000.00", a.value(.idNumber),
                        policy.paymentSummary, classNote(a)]
            }, count: order.rows.count, minimum: 6)
            for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }

            try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
            try sheet.setRow(1, height: 22)
            try sheet.merge(row: 1, columns: 0...lastColumn, text: """
                付款单位：\(policy.school)    笔数：\(count)笔    总金额：\(total.groupedString)元    \
                大写：\(ChineseAmount.words(total))
                """, format: formats.line)
            for (column, header) in headers.enumerated() {
                try sheet.write(header, row: 2, column: column, format: formats.header)
            }
            try sheet.freezePanes(row: firstDataRow, column: 0)
            if count > 0 {
                let rows = firstDataRow...(firstDataRow + count - 1)
                try sheet.ignoreNumberStoredAsText(in: [CellRange.column(1, rows: rows), CellRange.column(4, rows: rows)])
            }

            var row = firstDataRow
            try order.forEachRow { position, index, group in
                let a = result.applicants[index]
                try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
                try sheet.write(a.value(.card), row: row, column: 1, format: formats.identifier)
                try sheet.write(Official.accountHolder(a), row: row, column: 2, format: formats.textCenter)
                if let amount = amounts[index] {
                    try sheet.write(amount.yuanForDisplay, row: row, column: 3, format: formats.money)
                } else {
                    try sheet.writeBlank(row: row, column: 3, format: formats.money)
                }
                try sheet.write(a.value(.idNumber), row: row, column: 4, format: formats.identifier)
                try sheet.write(policy.paymentSummary, row: row, column: 5, format: formats.textCenter)
                try sheet.write(group.label, row: row, column: 6, format: formats.text)
                row += 1
                progress.rowsWritten(position + 1)
            }
            try sheet.write("合计", row: row, column: 0, format: formats.totalLabel)
            try sheet.write(Double(count), row: row, column: 1, format: formats.totalLabel)
            try sheet.write("笔", row: row, column: 2, format: formats.totalLabel)
            if count > 0 {
                let range = CellRange.column(amountColumn, rows: firstDataRow...(row - 1))
                try sheet.writeFormula("=SUM(\(range.a1))", cachedValue: total.yuanForDisplay, row: row,
                                       column: amountColumn, format: formats.totalMoney)
            } else {
                try sheet.write(0, row: row, column: amountColumn, format: formats.totalMoney)
            }
            try sheet.merge(row: row, columns: 4...lastColumn, text: "大写：" + ChineseAmount.words(total),
                            format: formats.totalText)
            try sheet.setRow(row + 2, height: 28)
            try sheet.merge(row: row + 2, columns: 0...2, text: "经办人：", format: formats.signature)
            try sheet.merge(row: row + 2, columns: 3...4, text: "审核人：", format: formats.signature)
            try sheet.merge(row: row + 2, columns: 5...lastColumn, text: "财务负责人：", format: formats.signature)

            try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1, fitToHeight: 0,
                                             repeatRows: 2...2, footer: Official.footer(left: title),
                                             margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6),
                                             centerHorizontally: true))
            try workbook.close()
            return count
        }
    }

    /// 备注: the class, so a bounced payment can be traced to its teacher.
    static func classNote(_ a: Applicant) -> String {
        RosterOrder.classLabel(grade: a.value(.grade).trimmingWhitespace(), className: a.value(.className).trimmingWhitespace())
    }
}
