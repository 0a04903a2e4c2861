import ZizhuCore
import ZizhuXLSX

/// 公示名单 (公示名单.xlsx): the public notice of the students to be aided.
///
/// Privacy is the law here (教财厅函〔2017〕28号, PIPL): the notice shows only 序号, 姓名, 年级, 班级, 资助项目,
/// 档次 and 金额 — never the ID number, bank card, phone, address, birth date or difficulty category. 档次 is
/// the tier's position (一档, 二档 …) rather than the 困难等级 wording, and the only columns read from a row are
/// name, grade, class, program, level and amount: nothing else can leak into the sheet.
/// The notice states its period (see `NoticePeriod` for the working-day rule) and the complaint phone.
public enum NoticeList {
    public static let fileName = "公示名单.xlsx"
    public static let sheetName = "公示名单"
    public static let headers = ["序号", "姓名", "年级", "班级", "资助项目", "档次", "金额（元）"]
    static let firstDataRow = 5

    /// Writes the notice of a round's accepted rows, atomically. `start` is the day it goes up.
    public static func write(_ result: RoundResult, to path: String, start: CivilDate,
                             temporaryDirectory: String? = nil) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, order: .accepted(result), amounts: AmountTable(result), toPath: temporary,
                          start: start, temporaryDirectory: temporaryDirectory)
        }
    }

    /// The notice period for a start date under the round's policy.
    public static func period(for policy: Policy, start: CivilDate) throws -> NoticePeriod {
        try NoticePeriod(start: start, workingDays: policy.notice.workingDays, holidays: policy.notice.holidays,
                         extraWorkdays: policy.notice.extraWorkdays)
    }

    /// `一档`, `二档` … for a tier position.
    static func tierName(_ position: Int) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return (position < numerals.count ? numerals[position] : "\(position + 1)") + "档"
    }

    static func write(_ result: RoundResult, order: RosterOrder, amounts: AmountTable, toPath path: String,
                      start: CivilDate, temporaryDirectory: String?, progress: RowProgress = .silent) throws -> Int {
        let policy = result.policy
        let period = try period(for: policy, start: start)
        return try Official.run(fileName) {
            let title = policy.roundTitle + "受助学生名单公示"
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: temporaryDirectory, title: title, subject: policy.program,
                company: policy.school, category: "学生资助公示")
            let sheet = try workbook.addWorksheet(named: sheetName)
            let lastColumn = headers.count - 1

            let widths = Official.widths(headers: headers, values: { position in
                let a = result.applicants[order.rows[position]]
                return ["99999", a.value(.name), a.value(.grade), a.value(.className), program(of: a, policy), "一档",
                        "1,500.00"]
            }, count: order.rows.count, minimum: 8)
            for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }

            try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
            try sheet.setRow(1, height: 48)
            try sheet.merge(row: 1, columns: 0...lastColumn, text: """
                根据学生资助有关规定，经个人申请、班级民主评议、学校学生资助工作领导小组审核，\
                拟确定以下\(order.rows.count)名学生为\(policy.year)年\(policy.term)\(policy.program)受助学生，现予以公示。
                """, format: formats.paragraph)
            try sheet.setRow(2, height: 20)
            try sheet.merge(row: 2, columns: 0...lastColumn, text: "公示期：\(period.chinese)", format: formats.paragraph)
            try sheet.setRow(3, height: 34)
            let phone = policy.notice.complaintPhone.trimmingWhitespace()
            try sheet.merge(row: 3, columns: 0...lastColumn, text: "公示期间如有异议，请以书面或电话形式向学校学生资助管理部门反映。"
                                + (phone.isEmpty ? "" : "监督电话：\(phone)"), format: formats.paragraph)
            try sheet.setRow(4, height: 24)
            for (column, header) in headers.enumerated() {
                try sheet.write(header, row: 4, column: column, format: formats.header)
            }
            try sheet.freezePanes(row: firstDataRow, column: 0)

            var tierPositions: [(level: String, tier: Int)] = []   // few levels: comparing beats hashing
            var row = firstDataRow
            for (position, index) in order.rows.enumerated() {
                let a = result.applicants[index]
                let level = a.value(.level)
                let tier: Int
                if let known = tierPositions.first(where: { sameBytes($0.level, level) }) {
                    tier = known.tier
                } else {
                    tier = policy.tier(forLevel: level).flatMap { policy.tiers.firstIndex(of: $0) } ?? -1
                    if tierPositions.count < 64 { tierPositions.append((level, tier)) }
                }
                try sheet.write(Double(position + 1), row: row, column: 0, format: formats.serial)
                try sheet.write(a.value(.name), row: row, column: 1, format: formats.textCenter)
                try sheet.write(a.value(.grade), row: row, column: 2, format: formats.textCenter)
                try sheet.write(a.value(.className), row: row, column: 3, format: formats.textCenter)
                try sheet.write(program(of: a, policy), row: row, column: 4, format: formats.textCenter)
                try sheet.write(tier >= 0 ? tierName(tier) : "", row: row, column: 5, format: formats.textCenter)
                if let amount = amounts[index] {
                    try sheet.write(amount.yuanForDisplay, row: row, column: 6, format: formats.money)
                } else {
                    try sheet.writeBlank(row: row, column: 6, format: formats.money)
                }
                row += 1
                progress.rowsWritten(position + 1)
            }
            try sheet.merge(row: row + 1, columns: 3...lastColumn, text: policy.school, format: formats.lineRight)
            try sheet.merge(row: row + 2, columns: 3...lastColumn, text: start.chinese, format: formats.lineRight)

            try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .portrait, fitToWidth: 1, fitToHeight: 0,
                                             repeatRows: 4...4, footer: Official.pageNumbersOnly,
                                             margins: (left: 0.6, right: 0.6, top: 0.7, bottom: 0.7),
                                             centerHorizontally: true))
            try workbook.close()
            return order.rows.count
        }
    }

    /// The row's 资助项目, or the policy's when the sheet has none.
    static func program(of applicant: Applicant, _ policy: Policy) -> String {
        let own = applicant.value(.program).trimmingWhitespace()
        return own.isEmpty ? policy.program : own
    }
}
