import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuXLSX

@Suite struct WorkbookTests {
    @Test func writesEveryFeatureAndOpenpyxlSeesIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("features.xlsx")
        let workbook = try Workbook(path: path, options: WorkbookOptions(constantMemory: true,
                                                                         temporaryDirectory: folder.path))
        try workbook.setProperties(DocumentProperties(title: "花名册", author: "zizhu", company: "示例中学"))
        let sheet = try workbook.addWorksheet(named: "名单")
        let title = try workbook.format(CellStyle(fontSize: 16, bold: true, horizontal: .center))
        let text = try workbook.format(CellStyle(numberFormat: "@", border: .thin))
        let money = try workbook.format(CellStyle(numberFormat: "#,##0.00", border: .thin))
        #expect(try workbook.format(CellStyle(numberFormat: "@", border: .thin)) === text)

        try sheet.setColumns(0...0, width: 22)
        try sheet.autofilter(CellRange(firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 2))
        try sheet.merge(row: 0, columns: 0...2, text: "标题", format: title)
        try sheet.setRow(0, height: 28)
        try sheet.write("身份证号", row: 1, column: 0)
        try sheet.write("金额", row: 1, column: 1)
        try sheet.write("备注", row: 1, column: 2)
        try sheet.write("11010519491231002X", row: 2, column: 0, format: text)
        try sheet.write(1150.5, row: 2, column: 1, format: money)
        try sheet.write("第一行\r\n第二行\r第三行", row: 2, column: 2)
        try sheet.write("440524188001010014", row: 3, column: 0, format: text)
        try sheet.write(800, row: 3, column: 1, format: money)
        try sheet.writeBlank(row: 3, column: 2, format: text)
        try sheet.writeFormula("=SUM(B3:B4)", cachedValue: 1950.5, row: 4, column: 1, format: money)
        try sheet.freezePanes(row: 2, column: 1)
        try sheet.ignoreNumberStoredAsText(in: [CellRange.column(0, rows: 2...3)])
        try sheet.setPageSetup(PageSetup(paper: PageSetup.a4, orientation: .landscape, fitToWidth: 1,
                                         repeatRows: 1...1, footer: "&C第 &P 页，共 &N 页",
                                         margins: (0.5, 0.5, 0.6, 0.6), centerHorizontally: true))
        try workbook.close()
        #expect(!workbook.isOpen)

        let book = try XLSXReadBack.read(path)
        #expect(book.title == "花名册")
        #expect(book.creator == "zizhu")
        let read = try #require(book.sheet("名单"))
        #expect(read.inlineStrings)
        #expect(read.merges == ["A1:C1"])
        #expect(read.text(0, 0) == "标题")
        #expect(read.cell(2, 0)?.type == "s")
        #expect(read.cell(2, 0)?.text == "11010519491231002X")
        #expect(read.cell(2, 0)?.numberFormat == "@")
        #expect(read.cell(2, 1)?.number == 1150.5)
        #expect(read.cell(2, 1)?.numberFormat == "#,##0.00")
        #expect(read.text(2, 2) == "第一行\n第二行\n第三行")
        #expect(read.cell(4, 1)?.formula == "=SUM(B3:B4)")
        #expect(read.cell(4, 1)?.number == 1950.5)
        #expect(read.freezePanes == "B3")
        #expect(read.autofilter == "A2:C4")
        #expect(read.ignoredNumberAsText == ["A3:A4"])
        #expect(read.printTitleRows == "$2:$2")
        #expect(read.orientation == "landscape")
        #expect(read.paperSize == 9)
        #expect(read.fitToPage)
        #expect(read.fitToHeight == 0)
        #expect(read.footer == "&amp;C第 &amp;P 页，共 &amp;N 页")
        #expect(read.columnWidths["A"].map { abs($0 - 22.71) < 0.1 } == true)
    }

    @Test func writingAboveTheCurrentRowInConstantMemoryThrowsTheLibraryError() throws {
        let folder = try TemporaryFolder()
        let workbook = try Workbook(path: folder.file("order.xlsx"))
        let sheet = try workbook.addWorksheet(named: "S")
        try sheet.write("a", row: 5, column: 0)
        try sheet.write("b", row: 6, column: 0)
        let error = try #require(throws: XLSXError.self) { try sheet.write("late", row: 5, column: 1) }
        #expect(error.name == "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE")
        #expect(error.message == "Worksheet row or column index out of range.")
        #expect(error.description.contains("row 6, column 2 (B6)"))
        // A merge above the current row must fail too, not be recorded without its text.
        #expect(throws: XLSXError.self) { try sheet.merge(row: 1, columns: 0...3, text: "x") }
        #expect(throws: XLSXError.self) { try sheet.write("x", row: -1, column: 0) }
        #expect(throws: XLSXError.self) { try sheet.write("x", row: 0, column: 20_000) }
    }

    @Test func constantMemoryRefusesMergesAcrossRowsButNormalModeAllowsThem() throws {
        let folder = try TemporaryFolder()
        let streaming = try Workbook(path: folder.file("a.xlsx"))
        let sheet = try streaming.addWorksheet()
        let error = try #require(throws: XLSXError.self) {
            try sheet.merge(CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1), text: "x")
        }
        #expect(error.name == "INVALID_ARGUMENT")

        let path = folder.file("b.xlsx")
        let normal = try Workbook(path: path, options: WorkbookOptions(constantMemory: false))
        let other = try normal.addWorksheet()
        try other.merge(CellRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1), text: "x")
        try normal.close()
        #expect(try XLSXReadBack.read(path).sheets[0].merges == ["A1:B2"])
    }

    @Test func aMissingOutputFolderIsReportedBeforeAnythingIsWritten() throws {
        let error = try #require(throws: XLSXError.self) {
            _ = try Workbook(path: "/nonexistent-zizhu-folder/out.xlsx")
        }
        #expect(error.name == "OUTPUT_FOLDER_UNUSABLE")
        #expect(error.message.contains("/nonexistent-zizhu-folder"))

        let folder = try TemporaryFolder()
        #expect(throws: XLSXError.self) { _ = try Workbook(path: folder.path) }
        #expect(throws: XLSXError.self) {
            _ = try Workbook(path: folder.file("x.xlsx"),
                             options: WorkbookOptions(temporaryDirectory: folder.file("missing")))
        }
    }

    @Test(arguments: [
        ("a[1]", "LXW_ERROR_INVALID_SHEETNAME_CHARACTER"),
        ("'quoted'", "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE"),
        (String(repeating: "班", count: 32), "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED"),
        ("Sheet", "LXW_ERROR_SHEETNAME_ALREADY_USED"),
    ])
    func badSheetNamesAreErrorsWithTheLibrarysName(name: String, expected: String) throws {
        let folder = try TemporaryFolder()
        let workbook = try Workbook(path: folder.file("names.xlsx"))
        _ = try workbook.addWorksheet(named: "Sheet")
        let error = try #require(throws: XLSXError.self) { _ = try workbook.addWorksheet(named: name) }
        #expect(error.name == expected)
        #expect(!error.message.isEmpty)
    }

    /// One oversized input cell must not stop a whole round (issue 7): the text is cut to what a cell holds.
    @Test func textLongerThanExcelAllowsIsCutToTheLimit() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("long.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet()
        try sheet.write(String(repeating: "字", count: 32_768), row: 0, column: 0)
        try sheet.write(String(repeating: "字", count: 32_767), row: 1, column: 0)
        try workbook.close()
        let read = try #require(try XLSXReadBack.read(path).sheets.first)
        #expect(read.text(0, 0) == String(repeating: "字", count: 32_766) + "…")
        #expect(read.text(1, 0) == String(repeating: "字", count: 32_767))
    }

    @Test func aWorkbookDroppedWithoutCloseLeavesNoFileAndAClosedOneRefusesWrites() throws {
        let folder = try TemporaryFolder()
        let dropped = folder.file("dropped.xlsx")
        do {
            let workbook = try Workbook(path: dropped)
            try workbook.addWorksheet().write("x", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: dropped))

        let workbook = try Workbook(path: folder.file("closed.xlsx"))
        let sheet = try workbook.addWorksheet()
        let format = try workbook.format(CellStyle(bold: true))
        try workbook.close()
        #expect((try? sheet.write("x", row: 0, column: 0)) == nil)
        #expect((try? sheet.write("x", row: 0, column: 0, format: format)) == nil)
        let error = try #require(throws: XLSXError.self) { try workbook.close() }
        #expect(error.name == "WORKBOOK_CLOSED")
    }

    @Test func aFormatFromAnotherWorkbookIsRefused() throws {
        let folder = try TemporaryFolder()
        let first = try Workbook(path: folder.file("1.xlsx"))
        let second = try Workbook(path: folder.file("2.xlsx"))
        let foreign = try first.format(CellStyle(bold: true))
        let sheet = try second.addWorksheet()
        #expect(throws: XLSXError.self) { try sheet.write("x", row: 0, column: 0, format: foreign) }
    }

    @Test func errorNamesFollowTheLibrarysOrder() {
        #expect(XLSXError.libraryErrorName(0) == "LXW_NO_ERROR")
        #expect(XLSXError.libraryErrorName(23) == "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE")
        #expect(XLSXError.libraryErrorName(26) == "LXW_ERROR_IMAGE_DIMENSIONS")
        #expect(XLSXError.libraryErrorName(99) == "LXW_ERROR_99")
    }
}
