import Testing
@testable import ZizhuXLSX

@Suite struct CellRangeTests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"),
                      (16383, "XFD")])
    func columnNames(column: Int, name: String) {
        #expect(CellRange.columnName(column) == name)
    }

    @Test func a1Forms() {
        #expect(CellRange(firstRow: 3, firstColumn: 9, lastRow: 1002, lastColumn: 9).a1 == "J4:J1003")
        #expect(CellRange(firstRow: 3, firstColumn: 9, lastRow: 3, lastColumn: 9).a1 == "J4")
        #expect(CellRange.column(9, rows: 3...9).absoluteA1 == "$J$4:$J$10")
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [("", 0), ("abc", 3), ("张三", 4), ("高一(1)班", 9), ("１２３", 6), ("身份证号", 8),
                      ("短\n很长的一行", 10), ("䶮", 2), ("𠀀", 2)])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func columnWidthIsClamped() {
        #expect(DisplayWidth.columnWidth(fitting: ["姓名", "欧阳娜娜"]) == 10)
        #expect(DisplayWidth.columnWidth(fitting: [String(repeating: "长", count: 100)], maximum: 40) == 40)
        #expect(DisplayWidth.columnWidth(fitting: [], minimum: 6) == 6)
    }

    @Test func lineBreaksAreNormalised() {
        #expect(Worksheet.normalizingLineBreaks("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(Worksheet.containsCarriageReturn("a\r\nb"))
        #expect(!Worksheet.containsCarriageReturn("a\nb"))
    }
}
