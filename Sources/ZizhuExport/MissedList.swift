import ZizhuCore
import ZizhuXLSX

/// 未申请名单 (未申请名单.xlsx): enrolled students named by an assistance list who did not apply, grouped by
/// class, so that class teachers can reach them before the deadline (issue 8, "不漏掉一个"). Internal: it
/// holds ID numbers and the list names (categories), so it must not be posted.
public enum MissedList {
    public static let fileName = "未申请名单.xlsx"
    public static let sheetName = "未申请名单"
    public static let headers = ["序号", "年级", "班级", "姓名", "学籍号", "身份证号", "所在名单", "名单行号", "学籍名单行号"]
    static let identifierColumns = [4, 5]
    static let firstDataRow = 3

    /// Writes the list atomically; returns the number of students written.
    @discardableResult
    public static func write(_ classes: [MissedClass], title: String, to path: String) throws -> Int {
        var count = 0
        try AtomicFile.write(to: path) { temporary in
            count = try write(classes, title: title, toPath: temporary)
        }
        return count
    }

    static func write(_ classes: [MissedClass], title: String, toPath path: String) throws -> Int {
        try Official.run(fileName) {
            let (workbook, formats) = try Official.openWorkbook(
                path: path, temporaryDirectory: nil, title: title, subject: "未申请名单", company: "")
            let sheet = try workbook.addWorksheet(named: sheetName)
            let lastColumn = headers.count - 1
            let widths: [Double] = [6, 10, 14, 10, 22, 22, 24, 10, 12]
            for (column, width) in widths.enumerated() { try sheet.setColumns(column...column, width: width) }
            let total = classes.reduce(0) { $0 + $1.students.count }
            try Official.writeTitle(title, on: sheet, widths: widths, format: formats.title)
            try sheet.merge(row: 1, columns: 0...lastColumn, text: """
                以下 \(total) 名学生在籍且出现在困难认定名单中，但未提交申请（共 \(classes.count) 个班）。\
                请班主任逐一联系。内部资料，含身份证号和困难类型，不得公示。
                """, format: formats.paragraph)
            try sheet.setRow(1, height: 34)
            for (column, header) in headers.enumerated() {
                try sheet.write(header, row: 2, column: column, format: formats.header)
            }
            try sheet.freezePanes(row: firstDataRow, column: 0)
            var row = firstDataRow
            for group in classes {
                for student in group.students {
                    let record = student.record
                    try sheet.write(Double(row - firstDataRow + 1), row: row, column: 0, format: formats.serial)
                    try sheet.write(record.grade, row: row, column: 1, format: formats.textCenter)
                    try sheet.write(record.className, row: row, column: 2, format: formats.textCenter)
                    try sheet.write(record.name, row: row, column: 3, format: formats.textCenter)
                    try sheet.write(record.studentNumber, row: row, column: 4, format: formats.identifier)
                    try sheet.write(record.idNumber, row: row, column: 5, format: formats.identifier)
                    try sheet.write(student.sources.map(\.kind).joined(separator: "、"), row: row, column: 6,
                                    format: formats.text)
                    try sheet.write(student.sources.map { $0.location.line.map(String.init) ?? "" }
                                        .joined(separator: "、"), row: row, column: 7, format: formats.textCenter)
                    try sheet.write(record.location.line.map(String.init) ?? "", row: row, column: 8,
                                    format: formats.textCenter)
                    row += 1
                }
            }
            if row > firstDataRow {
                let rows = firstDataRow...(row - 1)
                try sheet.ignoreNumberStoredAsText(in: identifierColumns.map { CellRange.column($0, rows: rows) })
            }
            try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1,
                                             fitToHeight: 0, repeatRows: 2...2, footer: Official.pageNumbersOnly,
                                             margins: (left: 0.4, right: 0.4, top: 0.6, bottom: 0.6),
                                             centerHorizontally: true))
            try workbook.close()
            return total
        }
    }
}
