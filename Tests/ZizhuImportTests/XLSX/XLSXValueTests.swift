import Testing
@testable import ZizhuImport

/// Number text, serial dates, format codes and cell references.
@Suite struct XLSXValueTests {
    private func display(_ lexical: String) -> String? {
        Array(lexical.utf8).withUnsafeBufferPointer { XLSXNumberText.display($0) }
    }

    @Test(arguments: [
        // Stored forms within 15 digits are kept as written.
        ("370112201005123000", "370112201005123000"),
        ("1150.5", "1150.5"),
        ("1150.50", "1150.50"),
        ("0", "0"),
        ("-800", "-800"),
        (" 42 ", "42"),
        // Exponent notation the way Excel writes it.
        ("3.70112201005123E+17", "3.70112201005123E+17"),
        ("3.70112201005123e+17", "3.70112201005123E+17"),
        ("3.70112201005123E+017", "3.70112201005123E+17"),
        ("-2.5E-3", "-2.5E-03"),
        ("1E+3", "1E+03"),
        // Float noise rounded to 15 significant digits of the stored double.
        ("1150.4999999999998", "1150.5"),
        ("0.30000000000000004", "0.3"),
        ("312.49999999999994", "312.5"),
        ("-0.30000000000000004", "-0.3"),
        ("2.9999999999999996", "3"),
        ("3.7011220100512301E+17", "3.70112201005123E+17"),
        ("3.701122010051235E+17", "3.70112201005124E+17"),
        ("6.2284804025648896E+18", "6.22848040256489E+18"),
        ("0.00012345678901234567", "0.000123456789012346"),
        // An exact long integer from a non-Excel writer is not rounded.
        ("370112201005123456", "370112201005123456"),
        ("370112201005123456.0", "370112201005123456.0"),
    ])
    func numberText(lexical: String, expected: String) {
        #expect(display(lexical) == expected)
    }

    @Test(arguments: ["", " ", "abc", "1.2.3", "1e", "--1", "0x10", "1,5", "NaN", "INF", "1E+"])
    func notANumber(lexical: String) {
        #expect(display(lexical) == nil)
    }

    @Test(arguments: [
        (1.0, false, "1900-01-01"),
        (59.0, false, "1900-02-28"),
        (61.0, false, "1900-03-01"),
        (38353.0, false, "2005-01-01"),
        (38353.5, false, "2005-01-01"),
        (38353.9999999999, false, "2005-01-02"),
        (2_958_465.0, false, "9999-12-31"),
        (0.0, true, "1904-01-01"),
        (36891.0, true, "2005-01-01"),
    ])
    func serialDates(serial: Double, date1904: Bool, expected: String) {
        #expect(XLSXWorkbookReader.dateString(fromSerial: serial, date1904: date1904) == expected)
    }

    @Test(arguments: [0.0, 60.0, -1.0, 2_958_466.0, Double.nan, Double.infinity, 3.70112201005123E+17])
    func serialsWithoutADate(serial: Double) {
        #expect(XLSXWorkbookReader.dateString(fromSerial: serial, date1904: false) == nil)
    }

    @Test func dateTimesKeepTheirTimeOfDay() throws {
        let value = try #require(ExcelDate.dateTime(fromSerial: 38353.75, date1904: false))
        #expect(ExcelDate.dateTimeString(value) == "2005-01-01T18:00:00")
        #expect(ExcelDate.isoCellText("2005-01-01T00:00:00") == "2005-01-01")
        #expect(ExcelDate.isoCellText("2005-01-01T08:30:00") == "2005-01-01T08:30:00")
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("mm-dd-yy", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("m\"月\"d\"日\"", true),
        ("[$-804]yyyy/m/d", true), ("[Red]dd", true), ("yyyy\\-mm\\-dd", true), ("m/d/yy h:mm", true),
        ("General", false), ("@", false), ("0.00", false), ("#,##0.00", false), ("h:mm", false),
        ("[h]:mm:ss", false), ("mm:ss", false), ("\"d\"0", false), ("\\d0", false), ("0.00;[Red]dd", false),
        ("#,##0 \"days\"", false), ("_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", false),
    ])
    func dateFormats(code: String, showsDate: Bool) {
        #expect(XLSXNumberFormats.showsDate(code) == showsDate)
    }

    @Test func builtInFormatsIncludeTextGeneralAndDates() {
        #expect(XLSXNumberFormats.builtIn[0] == "General")
        #expect(XLSXNumberFormats.builtIn[49] == "@")
        #expect(XLSXNumberFormats.builtIn[14].map(XLSXNumberFormats.showsDate) == true)
        for id in [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58] {
            #expect(XLSXNumberFormats.builtIn[id].map(XLSXNumberFormats.showsDate) == true, "id \(id)")
        }
        for id in [0, 1, 2, 3, 4, 9, 10, 11, 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 49, 55, 56] {
            #expect(XLSXNumberFormats.builtIn[id].map(XLSXNumberFormats.showsDate) == false, "id \(id)")
        }
    }

    @Test(arguments: [
        ("A1", 0, 1), ("a1", 0, 1), ("AB12", 27, 12), ("XFD1048576", 16383, 1_048_576), ("Z9", 25, 9),
    ])
    func cellReferences(reference: String, column: Int, row: Int) {
        let parsed = Array(reference.utf8).withUnsafeBufferPointer { XLSXCellReference.parse($0) }
        #expect(parsed?.column == column)
        #expect(parsed?.row == row)
    }

    @Test(arguments: ["", "1A", "A0", "A1B", "XFE1", "AAAA1", "A-1", "$A$1", "A99999999999"])
    func badCellReferences(reference: String) {
        #expect(Array(reference.utf8).withUnsafeBufferPointer { XLSXCellReference.parse($0) } == nil)
    }

    @Test func columnNames() {
        #expect([0, 25, 26, 27, 701, 702, 16383].map(XLSXCellReference.columnName)
                == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"])
        #expect(XLSXCellReference.qualifiedName(sheet: "高一(2)班", column: 4, row: 17) == "高一(2)班!E17")
    }

    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../xl/sheet.xml", "xl/workbook.xml", "xl/sheet.xml"),
        ("./worksheets/./a%20b.xml", "xl/workbook.xml", "xl/worksheets/a b.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
    ])
    func relationshipTargets(target: String, source: String, expected: String) {
        #expect(XLSXPartPath.resolve(target, relativeTo: source) == expected)
    }

    @Test func checksumIsZIPsCRC32InAnyPieces() {
        let bytes = Array("123456789".utf8) + Array("张三,370112201005123456\r\n".utf8)
        let whole = bytes.withUnsafeBytes { XLSXChecksum.update(0, with: $0) }
        #expect(Array("123456789".utf8).withUnsafeBytes { XLSXChecksum.update(0, with: $0) } == 0xCBF4_3926)
        for split in 0...bytes.count {
            let first = bytes[..<split].withUnsafeBytes { XLSXChecksum.update(0, with: $0) }
            #expect(bytes[split...].withUnsafeBytes { XLSXChecksum.update(first, with: $0) } == whole)
        }
    }

    @Test func relationshipsPartOfAPart() {
        #expect(XLSXPartPath.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(XLSXPartPath.relationshipsPart(of: "xl/book.xml") == "xl/_rels/book.xml.rels")
    }
}
