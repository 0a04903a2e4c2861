import Foundation
import Testing
@testable import ZizhuImport

/// Workbooks written by openpyxl, xlsxwriter (libxlsxwriter's engine), LibreOffice and by hand, read back.
@Suite struct XLSXSheetReaderTests {
    static let title = "XX学校2026年秋季学期普通高中国家助学金申请名单"
    static let header = ["序号", "姓名", "性别", "身份证号", "出生日期", "资助金额", "银行卡号", "备注"]

    // MARK: openpyxl (inline strings, Python repr numbers)

    @Test func openpyxlListsSheetsInTabOrderWithHiddenStates() throws {
        let reader = try XLSXFixture.reader("openpyxl_roster.xlsx")
        #expect(reader.sheets.map(\.name) == ["高一(2)班", "高一(3)班", "说明", "数据"])
        #expect(reader.sheets.map(\.isHidden) == [false, false, true, true])
        #expect(reader.sheets.map(\.path) == (1...4).map { "xl/worksheets/sheet\($0).xml" })
        #expect(reader.sheets[0].mergedRanges == ["A1:H1"])
        #expect(reader.sheets[1].mergedRanges.isEmpty)
        #expect(!reader.date1904)
    }

    @Test func openpyxlRosterReadsTitleHeaderAndTypedCells() throws {
        let rows = try XLSXFixture.reader("openpyxl_roster.xlsx").rows(ofSheet: "高一(2)班")
        // The blank row 2 is not delivered; the numbers stay those of the sheet.
        #expect(rows.map(\.number) == [1, 3, 4, 5, 6, 7])
        #expect(rows[0].cells == [XLSXCell(column: 0, text: Self.title, kind: .text)])
        #expect(rows.row(3)?.cells.map(\.text) == Self.header)

        #expect(rows.cell("D4") == XLSXCell(column: 3, text: "11010519491231002X", kind: .text, numberFormat: "@"))
        #expect(rows.cell("E4") == XLSXCell(column: 4, text: "2005-01-01", kind: .date, numberFormat: "yyyy-mm-dd"))
        #expect(rows.cell("F4") == XLSXCell(column: 5, text: "1150.5", kind: .number, numberFormat: "#,##0.00"))
        #expect(rows.cell("G4")?.text == "6228480402564890018")
        #expect(rows.cell("H4")?.text == "家庭困难\n低保户")
        #expect(rows.cell("H6")?.text == "含<特殊>&\"字符'")
    }

    @Test func openpyxlIdentifiersTypedAsNumbersComeBackAsExcelShowsThem() throws {
        let rows = try XLSXFixture.reader("openpyxl_roster.xlsx").rows(ofSheet: "高一(2)班")
        // openpyxl writes 370112201005123456 as 3.701122010051235e+17: the double holds …123520, and Excel shows
        // the 15 digits 3.70112201005124E+17. The reader reports that, and the kind says it is a number.
        #expect(rows.cell("D5") == XLSXCell(column: 3, text: "3.70112201005124E+17", kind: .number))
        #expect(rows.cell("G5") == XLSXCell(column: 6, text: "6.22848040256489E+18", kind: .number))
    }

    @Test func openpyxlEmptyCellsAreSkippedByReference() throws {
        let rows = try XLSXFixture.reader("openpyxl_roster.xlsx").rows(ofSheet: "高一(2)班")
        #expect(rows.row(6)?.cells.map(\.column) == [0, 1, 3, 4, 5, 6, 7])
        #expect(rows.cell("C6") == nil)
        // openpyxl stores a formula without a cached value: nothing to read.
        #expect(rows.row(7)?.cells.map(\.text) == ["合计"])
        let second = try XLSXFixture.reader("openpyxl_roster.xlsx").rows(ofSheet: "高一(3)班")
        #expect(second.row(3)?.cells == [XLSXCell(column: 0, text: "2", kind: .number),
                                         XLSXCell(column: 3, text: "312.5", kind: .number)])
    }

    @Test func openpyxlBooleansErrorsAndHiddenSheetsRead() throws {
        let reader = try XLSXFixture.reader("openpyxl_roster.xlsx")
        let second = try reader.rows(ofSheet: "高一(3)班")
        #expect(second.cell("E2") == XLSXCell(column: 4, text: "TRUE", kind: .boolean))
        #expect(second.cell("F2") == XLSXCell(column: 5, text: "#N/A", kind: .error))
        #expect(try reader.rows(ofSheet: "说明").cell("A1")?.text == "填表说明：身份证号请设为文本格式")
        #expect(try reader.rows(ofSheet: "数据").cell("A1")?.text == "特别困难")
    }

    @Test func date1904WorkbooksShiftSerialDates() throws {
        let reader = try XLSXFixture.reader("openpyxl_date1904.xlsx")
        #expect(reader.date1904)
        let rows = try reader.rows(ofSheet: "Mac")
        #expect(rows.cell("B2") == XLSXCell(column: 1, text: "2005-01-01", kind: .date, numberFormat: "yyyy-mm-dd"))
        #expect(rows.cell("C2") == XLSXCell(column: 2, text: "38353", kind: .number))
    }

    // MARK: xlsxwriter (shared strings, cached formula values)

    @Test func xlsxwriterRosterReadsSharedStringsAndStyles() throws {
        let reader = try XLSXFixture.reader("xlsxwriter_roster.xlsx")
        #expect(reader.sheets.map(\.name) == ["高一(2)班", "高一(3)班", "说明"])
        #expect(reader.sheets.map(\.isHidden) == [false, false, true])
        #expect(reader.sheets[0].mergedRanges == ["A1:H1"])
        let rows = try reader.rows(ofSheet: "高一(2)班")
        #expect(rows.map(\.number) == [1, 3, 4, 5, 6, 7])
        #expect(rows.cell("A1") == XLSXCell(column: 0, text: Self.title, kind: .text, numberFormat: "General"))
        #expect(rows.row(3)?.cells.map(\.text) == Self.header)
        #expect(rows.cell("D4") == XLSXCell(column: 3, text: "11010519491231002X", kind: .text, numberFormat: "@"))
        #expect(rows.cell("D5") == XLSXCell(column: 3, text: "3.70112201005124E+17", kind: .number))
        #expect(rows.cell("G5")?.kind == .number)
        #expect(rows.cell("H4")?.text == "家庭困难\n低保户")
        // Rich text runs are concatenated.
        #expect(rows.cell("H5")?.text == "已核实（低保）")
        #expect(rows.cell("C6") == nil)
    }

    @Test func xlsxwriterDatesResolveCustomAndBuiltInFormats() throws {
        let rows = try XLSXFixture.reader("xlsxwriter_roster.xlsx").rows(ofSheet: "高一(2)班")
        #expect(rows.cell("E4") == XLSXCell(column: 4, text: "2005-01-01", kind: .date, numberFormat: "yyyy-mm-dd"))
        // Built-in id 14.
        #expect(rows.cell("E5") == XLSXCell(column: 4, text: "2006-02-28", kind: .date, numberFormat: "mm-dd-yy"))
        // A serial written as a plain number with a date style is a date too.
        #expect(rows.cell("E6")?.text == "2004-12-31")
    }

    @Test func xlsxwriterFormulasGiveTheirCachedValues() throws {
        let rows = try XLSXFixture.reader("xlsxwriter_roster.xlsx").rows(ofSheet: "高一(2)班")
        #expect(rows.cell("F7") == XLSXCell(column: 5, text: "3450.5", kind: .formulaNumber, numberFormat: "#,##0.00"))
        #expect(rows.cell("G7") == XLSXCell(column: 6, text: "共3人", kind: .formulaText))
        #expect(rows.cell("H7") == XLSXCell(column: 7, text: "TRUE", kind: .boolean))
    }

    @Test func xlsxwriterConstantMemoryInlineStrings() throws {
        let reader = try XLSXFixture.reader("xlsxwriter_constant_memory.xlsx")
        let rows = try reader.rows(ofSheet: "名单")
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows.row(1)?.cells.map(\.text) == ["姓名", "身份证号", "资助金额", "备注"])
        #expect(rows.cell("B2") == XLSXCell(column: 1, text: "11010519491231002X", kind: .text, numberFormat: "@"))
        #expect(rows.cell("C2") == XLSXCell(column: 2, text: "1150", kind: .number))
        #expect(rows.cell("D3")?.text == "第二行\n换行")
        #expect(rows.cell("C5")?.text == "312.5")
    }

    // MARK: LibreOffice

    @Test func libreOfficeFromCSVShowsTheIDItTurnedIntoANumber() throws {
        let reader = try XLSXFixture.reader("libreoffice_from_csv.xlsx")
        #expect(reader.sheets.map(\.name) == ["roster"])
        let rows = try reader.rows(ofSheet: "roster")
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows.row(1)?.cells.map(\.text) == ["序号", "姓名", "身份证号", "出生日期", "资助金额"])
        // LibreOffice writes 3.70112201005123E+017; Excel's form has a two-digit exponent.
        #expect(rows.cell("C2") == XLSXCell(column: 2, text: "3.70112201005123E+17", kind: .number,
                                            numberFormat: "General"))
        #expect(rows.cell("C3")?.kind == .text)
        #expect(rows.cell("D2") == XLSXCell(column: 3, text: "2005-01-01", kind: .date, numberFormat: "yyyy\\-mm\\-dd"))
        #expect(rows.cell("E2")?.text == "1150.5")
    }

    // MARK: Excel's own idioms (handmade)

    @Test func excelFloatNoiseIsRoundedToWhatExcelShows() throws {
        let rows = try XLSXFixture.reader("handmade_excel_idioms.xlsx").rows(ofSheet: "高一&高二")
        #expect(rows.cell("D2") == XLSXCell(column: 3, text: "1150.5", kind: .number, numberFormat: "#,##0.00"))
        #expect(rows.cell("E2")?.text == "0.3")
        #expect(rows.cell("F2")?.text == "3.70112201005123E+17")
        #expect(rows.cell("B6")?.text == "-2.5E-03")
    }

    @Test func sharedStringRunsEscapesAndPhoneticText() throws {
        let reader = try XLSXFixture.reader("handmade_excel_idioms.xlsx")
        #expect(reader.sheets.map(\.name) == ["高一&高二", "第二页"])
        #expect(reader.sheets[0].mergedRanges == ["A1:B1", "C2:D2"])
        let rows = try reader.rows(ofSheet: "高一&高二")
        // Runs concatenated, the phonetic guide (rPh) left out, spaces kept.
        #expect(rows.cell("A2")?.text == "张三 ")
        #expect(rows.cell("A3")?.text == "第一行\r\n第二行")
        #expect(rows.cell("B3")?.text == "a_x0041_b中<&>")
        // A styled empty cell is no cell; a row of them is no row.
        #expect(rows.cell("D1") == nil)
        #expect(rows.row(5) == nil)
    }

    @Test func cellTypesExcelWritesAndOthersDoNot() throws {
        let rows = try XLSXFixture.reader("handmade_excel_idioms.xlsx").rows(ofSheet: "高一&高二")
        #expect(rows.cell("C2") == XLSXCell(column: 2, text: "2005-01-01", kind: .date,
                                            numberFormat: "yyyy\"年\"m\"月\"d\"日\""))
        #expect(rows.cell("C3") == XLSXCell(column: 2, text: "2005-01-01", kind: .date))
        #expect(rows.cell("D3") == XLSXCell(column: 3, text: "#DIV/0!", kind: .error))
        #expect(rows.cell("E3") == XLSXCell(column: 4, text: "姓名x", kind: .formulaText))
        // A duration format is not a date.
        #expect(rows.cell("F3") == XLSXCell(column: 5, text: "1.5", kind: .number, numberFormat: "[h]:mm:ss"))
        #expect(rows.cell("E6") == XLSXCell(column: 4, text: "FALSE", kind: .boolean))
    }

    @Test func rowsAndCellsWithoutReferencesAreCountedInOrder() throws {
        let rows = try XLSXFixture.reader("handmade_excel_idioms.xlsx").rows(ofSheet: "高一&高二")
        #expect(rows.map(\.number) == [1, 2, 3, 6, 8])
        #expect(rows.row(6)?.cells.map(\.column) == [0, 1, 4, 5])
        #expect(rows.row(6)?.cells.map(\.text) == ["1", "-2.5E-03", "FALSE", "7"])
        // Written C8 then B8: delivered sorted by column.
        #expect(rows.row(8)?.cells == [XLSXCell(column: 1, text: "2", kind: .formulaNumber),
                                       XLSXCell(column: 2, text: "内联富文本", kind: .text)])
        let second = try XLSXFixture.reader("handmade_excel_idioms.xlsx").rows(ofSheet: "第二页")
        #expect(second.cell("A1")?.text == "42")
    }

    @Test func prefixedElementsUnusualPartNamesAndByteOrderMark() throws {
        let reader = try XLSXFixture.reader("handmade_prefixed.xlsx")
        #expect(reader.date1904)
        #expect(reader.sheets == [XLSXSheetInfo(name: "名单", isHidden: false, path: "xl/sheets/data.xml",
                                                mergedRanges: ["A3:B3"])])
        let rows = try reader.rows(ofSheet: "名单")
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows.cell("A2")?.text == "张三")
        #expect(rows.cell("B2") == XLSXCell(column: 1, text: "2005-01-01", kind: .date, numberFormat: "mm-dd-yy"))
    }

    @Test func zip64PackagesRead() throws {
        let reader = try XLSXFixture.reader("zip64_roster.xlsx")
        let rows = try reader.rows(ofSheet: "名单")
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows.cell("B2") == XLSXCell(column: 1, text: "11010519491231002X", kind: .text))
    }

    @Test func rowsWithoutAnyReferenceFollowEachOther() throws {
        let path = try XLSXTestWorkbook.write(sheetData: """
            <row><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c></row>\
            <row/>\
            <row><c><v>2</v></c><c r="C3"><v>3</v></c><c><v>4</v></c></row>\
            <row r="7"><c r="B7" t="inlineStr"><is><t>乙</t></is></c></row><row><c><v>5</v></c></row>
            """)
        let rows = try XLSXWorkbookReader(path: path).rows(ofSheet: "Sheet1")
        #expect(rows.map(\.number) == [1, 3, 7, 8])
        #expect(rows.row(1)?.cells.map(\.column) == [0, 1])
        #expect(rows.row(3)?.cells.map(\.column) == [0, 2, 3])
        #expect(rows.cell("B7")?.text == "乙")
    }

    @Test func stylesComeFromCellXfsAndNumFmtsOnly() throws {
        let path = try XLSXTestWorkbook.write(
            sheetData: """
                <row r="1"><c r="A1" s="0"><v>38353</v></c><c r="B1" s="1"><v>38353</v></c><c r="C1"><v>38353</v></c>\
                <c r="D1" s="7"><v>38353</v></c><c r="E1" s="2"><v>38353</v></c></row>
                """,
            styles: """
                <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>\
                <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="999"/></cellXfs>\
                <dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></dxf></dxfs>
                """)
        let rows = try XLSXWorkbookReader(path: path).rows(ofSheet: "Sheet1")
        #expect(rows.row(1)?.cells == [
            XLSXCell(column: 0, text: "38353", kind: .number, numberFormat: "General"),
            XLSXCell(column: 1, text: "38353", kind: .number, numberFormat: "0.0"),
            XLSXCell(column: 2, text: "38353", kind: .number),
            // A style index past the table, or an id that is neither built in nor defined: no format.
            XLSXCell(column: 3, text: "38353", kind: .number),
            XLSXCell(column: 4, text: "38353", kind: .number),
        ])
    }

    @Test func cellLookupByColumn() {
        let row = XLSXRow(number: 4, cells: [XLSXCell(column: 0, text: "a", kind: .text),
                                             XLSXCell(column: 3, text: "d", kind: .text),
                                             XLSXCell(column: 27, text: "ab", kind: .text)])
        #expect(row.cell(atColumn: 3)?.text == "d")
        #expect(row.cell(atColumn: 27)?.columnName == "AB")
        #expect(row.cell(atColumn: 3)?.reference(row: row.number) == "D4")
        #expect(row.cell(atColumn: 2) == nil)
        #expect(row.cell(atColumn: 40) == nil)
    }

    // MARK: Streaming

    @Test(arguments: [1, 2, 3, 7, 64, 1000])
    func tinyInflateChunksGiveTheSameRows(chunkSize: Int) throws {
        var limits = XLSXReadLimits.standard
        limits.chunkSize = chunkSize
        for fixture in ["handmade_excel_idioms.xlsx", "xlsxwriter_roster.xlsx", "openpyxl_roster.xlsx"] {
            let expected = try XLSXFixture.reader(fixture)
            let chunked = try XLSXFixture.reader(fixture, limits: limits)
            #expect(chunked.sheets == expected.sheets, "\(fixture)")
            for sheet in expected.sheets {
                #expect(try chunked.rows(ofSheet: sheet.name) == expected.rows(ofSheet: sheet.name), "\(fixture)")
            }
        }
    }

    @Test func stopsWhenTheBodyReturnsFalse() throws {
        let rowXML = (1...3000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let path = try XLSXTestWorkbook.write(sheetData: rowXML)
        let reader = try XLSXWorkbookReader(path: path)
        var seen: [Int] = []
        try reader.forEachRow(of: reader.sheets[0]) { row in
            seen.append(row.number)
            return row.number < 10
        }
        #expect(seen == Array(1...10))
        var count = 0
        try reader.forEachRow(of: reader.sheets[0]) { _ in
            count += 1
            return true
        }
        #expect(count == 3000)
    }

    @Test func errorsOfTheBodyPassThroughUnchanged() throws {
        struct Refused: Error, Equatable { var row: Int }
        let reader = try XLSXFixture.reader("xlsxwriter_roster.xlsx")
        #expect(throws: Refused(row: 3)) {
            try reader.forEachRow(of: reader.sheets[0]) { row in
                if row.number == 3 { throw Refused(row: 3) }
                return true
            }
        }
    }

    @Test func dateStringConvertsSerials() {
        #expect(XLSXWorkbookReader.dateString(fromSerial: 38353, date1904: false) == "2005-01-01")
        #expect(XLSXWorkbookReader.dateString(fromSerial: 36891, date1904: true) == "2005-01-01")
        #expect(XLSXWorkbookReader.dateString(fromSerial: 38353.75, date1904: false) == "2005-01-01")
        #expect(XLSXWorkbookReader.dateString(fromSerial: 60, date1904: false) == nil)
    }
}
