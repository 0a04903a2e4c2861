import Foundation
import ZizhuCore
import ZizhuXLSX

/// The formats of the official forms: 宋体 throughout, a large bold title, bordered table cells, identifiers
/// as text (`@`), amounts `#,##0.00`. One instance per workbook.
struct OfficialFormats {
    static let font = "宋体"

    let title: Format
    let line: Format
    let lineRight: Format
    let paragraph: Format
    let header: Format
    let text: Format
    let textCenter: Format
    let identifier: Format
    let typed: Format
    /// Text as typed, wrapping within its column.
    let typedWrapped: Format
    let serial: Format
    let money: Format
    let count: Format
    /// A share held as a fraction (0.125 → 12.5%).
    let percent: Format
    /// A rate with one decimal (每百行错误数).
    let ratio: Format
    let totalLabel: Format
    let totalCount: Format
    let totalMoney: Format
    let totalText: Format
    let signature: Format
    let wrapText: Format

    init(_ workbook: Workbook) throws {
        let base = CellStyle(fontName: OfficialFormats.font, fontSize: 11, vertical: .center)
        let cell = base.with { $0.border = .thin }
        title = try workbook.format(base.with { $0.fontSize = 18; $0.bold = true; $0.horizontal = .center; $0.wrap = true })
        line = try workbook.format(base.with { $0.horizontal = .left })
        lineRight = try workbook.format(base.with { $0.horizontal = .right })
        paragraph = try workbook.format(base.with { $0.horizontal = .left; $0.vertical = .top; $0.wrap = true })
        header = try workbook.format(cell.with { $0.bold = true; $0.horizontal = .center; $0.wrap = true })
        text = try workbook.format(cell.with { $0.horizontal = .left })
        textCenter = try workbook.format(cell.with { $0.horizontal = .center })
        identifier = try workbook.format(cell.with { $0.numberFormat = "@"; $0.horizontal = .center })
        typed = try workbook.format(cell.with { $0.numberFormat = "@"; $0.horizontal = .left })
        typedWrapped = try workbook.format(cell.with { $0.numberFormat = "@"; $0.horizontal = .left; $0.vertical = .top; $0.wrap = true })
        serial = try workbook.format(cell.with { $0.numberFormat = "0"; $0.horizontal = .center })
        money = try workbook.format(cell.with { $0.numberFormat = "#,##0.00"; $0.horizontal = .right })
        count = try workbook.format(cell.with { $0.numberFormat = "0"; $0.horizontal = .right })
        percent = try workbook.format(cell.with { $0.numberFormat = "0.0%"; $0.horizontal = .right })
        ratio = try workbook.format(cell.with { $0.numberFormat = "0.0"; $0.horizontal = .right })
        totalLabel = try workbook.format(cell.with { $0.bold = true; $0.horizontal = .center })
        totalCount = try workbook.format(cell.with { $0.bold = true; $0.numberFormat = "0\"人\""; $0.horizontal = .center })
        totalMoney = try workbook.format(cell.with { $0.bold = true; $0.numberFormat = "#,##0.00"; $0.horizontal = .right })
        totalText = try workbook.format(cell.with { $0.bold = true; $0.horizontal = .left })
        signature = try workbook.format(base.with { $0.horizontal = .left })
        wrapText = try workbook.format(cell.with { $0.horizontal = .left; $0.vertical = .top; $0.wrap = true })
    }
}

/// The charts of the documents' 汇总 sheets: one palette, sized to the table above them.
enum OfficialCharts {
    /// The tiers' colours, in order (dark red, amber, blue, green, purple, grey).
    static let palette: [UInt32] = [0x8B1A1A, 0xC77700, 0x2E6DA4, 0x5B8C2A, 0x7A4E9E, 0x777777]
    /// Rows (at the default 15-point height) a chart of the default 320 pixels takes, with a gap.
    static let rowsPerChart = 18

    /// The pixels of columns of these widths (Excel: 7 pixels a character, 5 of padding), at least 480.
    static func width(ofColumns widths: [Double]) -> Int {
        max(480, Int(widths.reduce(0) { $0 + $1 * 7 + 5 }))
    }
}

/// Small helpers shared by the documents.
enum Official {
    /// The title row over columns of `widths`: merged, wrapped, and tall enough for the lines a long school
    /// name needs (the 18-point bold title is about 1.8 times as wide as the columns' 11-point characters).
    static func writeTitle(_ title: String, on sheet: Worksheet, widths: [Double], format: Format) throws {
        let available = max(1, widths.reduce(0, +))
        let lines = max(1, Int((Double(DisplayWidth.of(title)) * 1.8 / available).rounded(.up)))
        try sheet.setRow(0, height: lines == 1 ? 36 : 26 * Double(lines) + 8)
        try sheet.merge(row: 0, columns: 0...(widths.count - 1), text: title, format: format)
    }

    /// Escapes `&` for Excel header/footer codes and keeps the text within the 255-character limit.
    static func footer(left: String) -> String {
        let escaped = String(left.replacingOccurrences(of: "&", with: "&&").prefix(120))
        return "&L\(escaped)&C第 &P 页，共 &N 页"
    }

    static let pageNumbersOnly = "&C第 &P 页，共 &N 页"

    /// 填表日期 line: the date filled in, or blanks to write by hand.
    static func fillDateText(_ date: CivilDate?) -> String {
        guard let date else { return "填表日期：      年    月    日" }
        return "填表日期：\(date.year)年\(date.month)月\(date.day)日"
    }

    /// Column widths that fit the header and the widest value of every row (a 汉字 counts two), so that no
    /// cell prints as ### or cut off; capped at `maximum`. A value whose UTF-8 length is not more than the
    /// widest so far cannot be wider (a 汉字 is 3 bytes and 2 columns), so most cells cost one comparison.
    static func widths(headers: [String], values: (Int) -> [String], count: Int,
                       minimum: Double = 4, maximum: Double = 40) -> [Double] {
        var widest = headers.map(DisplayWidth.of)
        let cap = Int(maximum)
        for position in 0..<count {
            for (column, value) in values(position).enumerated() where column < widest.count {
                guard widest[column] < cap, value.utf8.count > widest[column] else { continue }
                widest[column] = max(widest[column], DisplayWidth.of(value))
            }
        }
        return widest.map { min(maximum, max(minimum, Double($0) + 2)) }
    }

    /// The 户名 a bank pays: the 持卡人 column when filled, else the student's name.
    static func accountHolder(_ applicant: Applicant) -> String {
        let holder = applicant.value(.cardHolder).trimmingWhitespace()
        return holder.isEmpty ? applicant.value(.name) : holder
    }

    /// Opens a document's workbook as every document here is written: constant memory (rows in order, a few MB
    /// whatever the size), the round's document properties, and the shared formats.
    static func openWorkbook(path: String, temporaryDirectory: String?, title: String, subject: String,
                             company: String, category: String = "学生资助") throws -> (Workbook, OfficialFormats) {
        let workbook = try Workbook(path: path, options: WorkbookOptions(constantMemory: true,
                                                                         temporaryDirectory: temporaryDirectory))
        try workbook.setProperties(DocumentProperties(title: title, subject: subject, author: "zizhu",
                                                      company: company, category: category))
        return (workbook, try OfficialFormats(workbook))
    }

    /// Wraps a ZizhuXLSX error with the document's name; passes other errors through.
    static func run<T>(_ document: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XLSXError {
            throw ExportError.workbook(document: document, error)
        }
    }
}
