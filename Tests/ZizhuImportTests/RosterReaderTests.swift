import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuImport

func readFixture(
    _ name: String, firstIndex: Int = 0, options: ImportOptions = ImportOptions(),
    tuning: RosterReader.ReadTuning = RosterReader.ReadTuning()
) throws -> FileImport {
    try RosterReader.read(InputFile(path: Fixtures.path("import/" + name), displayName: name),
                          firstIndex: firstIndex, options: options, tuning: tuning)
}

/// Writes bytes to a temporary file and reads it as a roster.
func readBytes(
    _ bytes: [UInt8], name: String = "roster.csv", options: ImportOptions = ImportOptions(),
    tuning: RosterReader.ReadTuning = RosterReader.ReadTuning()
) throws -> FileImport {
    let folder = try Fixtures.temporaryFolder("zizhu-import")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try RosterReader.read(InputFile(path: path, displayName: name), firstIndex: 0, options: options,
                                 tuning: tuning)
}

/// Everything a read produced, comparable.
struct ImportSnapshot: Equatable {
    var summary: InputSummary
    var headers: [String]?
    var rows: [[String]]
    var lines: [Int]
    var indexes: [Int]
    var originals: [[Int: String]]
    var findings: [Finding]

    init(_ result: FileImport) {
        summary = result.summary
        headers = result.layout?.headers
        rows = result.applicants.map(\.cells)
        lines = result.applicants.map(\.line)
        indexes = result.applicants.map(\.index)
        originals = result.applicants.map(\.originals)
        findings = result.findings
    }
}

let id1 = "370112201005121238"
let id2 = "370112200911032144"
let id3 = "370112201008303010"
let id4 = "37011220110214452X"

@Suite struct RosterReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var encoding: String
        var headerLine: Int?
        var lines: [Int]
        var names: [String]
        var codes: [FindingCode]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "utf8_bom_crlf.csv", encoding: "UTF-8 (BOM)", headerLine: 1, lines: [2, 3, 4],
             names: ["张三", "李四", "王五"], codes: []),
        Case(file: "utf8_plain_lf.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3], names: ["张三", "李四"],
             codes: []),
        Case(file: "gbk_title.csv", encoding: "GB18030", headerLine: 4, lines: [5, 6, 8, 9],
             names: ["张三", "李四", "王五", "赵六"], codes: [.encodingGuessed]),
        Case(file: "gb18030_rare.csv", encoding: "GB18030", headerLine: 1, lines: [2, 3, 4],
             names: ["刘䶮", "𠮷祥", "欧阳娜娜"], codes: [.encodingGuessed]),
        Case(file: "utf16le_tab.txt", encoding: "UTF-16LE", headerLine: 1, lines: [2, 4], names: ["张三", "李四"],
             codes: []),
        Case(file: "variant_headers.csv", encoding: "UTF-8", headerLine: 1, lines: [2], names: ["陳小明"], codes: []),
        Case(file: "fullwidth_values.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3, 4, 5],
             names: ["张三", "李四", "王五", "赵六"], codes: Array(repeating: .valueNormalized, count: 8)),
        Case(file: "excel_mangled.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3, 4, 5, 6],
             names: ["张三", "李四", "王五", "赵六", "钱七"], codes: Array(repeating: .valueExcelMangled, count: 6)),
        Case(file: "unterminated_quote.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3, 4],
             names: ["张三", "李四", ""], codes: [.rowShape]),
        Case(file: "stray_quote.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3, 4], names: ["张三", "", "王五"],
             codes: [.rowShape]),
        Case(file: "empty.csv", encoding: "UTF-8", headerLine: nil, lines: [], names: [], codes: [.headerNotFound]),
        Case(file: "binary.csv", encoding: "GB18030", headerLine: nil, lines: [], names: [],
             codes: [.encodingUnreadable]),
        Case(file: "old_excel.xls", encoding: "XLS", headerLine: nil, lines: [], names: [],
             codes: [.encodingUnreadable]),
        Case(file: "fullwidth_comma.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3], names: ["张三", "李四"],
             codes: []),
        Case(file: "semicolon.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3], names: ["张三", "李四"], codes: []),
        Case(file: "cr_only.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 4], names: ["张三", "李四"], codes: []),
        Case(file: "multiline.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 4, 5, 9, 10],
             names: ["张三", "李四", "王五", "赵六", "钱七"], codes: []),
        Case(file: "row_shape.csv", encoding: "UTF-8", headerLine: 1, lines: [2, 3, 4], names: ["张三", "李四", "王五"],
             codes: [.rowShape]),
        Case(file: "no_header.csv", encoding: "UTF-8", headerLine: nil, lines: [], names: [], codes: [.headerNotFound]),
        // The file's finding, and the row's: it is returned.
        Case(file: "missing_id_column.csv", encoding: "UTF-8", headerLine: 1, lines: [2], names: ["张三"],
             codes: [.columnMissing, .columnMissing]),
    ]

    @Test(arguments: cases)
    func readsFixture(_ expected: Case) throws {
        let result = try readFixture(expected.file)
        #expect(result.summary.file == expected.file)
        #expect(result.summary.encoding == expected.encoding)
        #expect(result.summary.headerLine == expected.headerLine)
        #expect(result.summary.rows == expected.lines.count)
        #expect(result.applicants.map(\.line) == expected.lines)
        #expect(result.applicants.map { $0.value(.name) } == expected.names)
        #expect(result.findings.map(\.code) == expected.codes)
        #expect(result.layout?.headerLine == expected.headerLine)
    }

    /// Reading without keeping the rows (`check --only-import`) counts a quiet row without building it; the
    /// count and every finding must be what keeping the rows gives.
    @Test(arguments: cases)
    func notKeepingRowsChangesNoFindingAndNoCount(_ fixture: Case) throws {
        let kept = try readFixture(fixture.file)
        let streamed = try readFixture(fixture.file, options: ImportOptions(keepsRows: false))
        #expect(streamed.summary == kept.summary)
        #expect(streamed.findings == kept.findings)
        #expect(streamed.applicants.isEmpty)
    }

    /// The same over rows damaged one cell at a time in the ways the quiet-row test looks at.
    @Test func notKeepingRowsChangesNothingForDamagedRows() throws {
        let damage = ["", " 张三", "３７０１１２２０１００５１２１２３８", "370112201005121230", "370112201005120000", "3.70112E+17", "37011220100512123x",
                      "合计", "姓名", "a\u{00A0}b", "１１５０", "  ", "370112", "甲乙", "\"引号,逗号\""]
        var text = "序号,姓名,身份证号,家庭住址,资助金额\r\n"
        var row = 0
        for column in 0..<5 {
            for value in damage {
                row += 1
                var cells = ["\(row)", "学生\(row)", "370112201005121238", "济南市历城区", "800"]
                cells[column] = value
                text += cells.joined(separator: ",") + "\r\n"
            }
        }
        text += "9,多一格,370112201005121238,济南,800,多余\r\n"
        let kept = try readBytes(Array(text.utf8))
        let streamed = try readBytes(Array(text.utf8), options: ImportOptions(keepsRows: false))
        #expect(kept.findings.count > 10)
        #expect(streamed.summary == kept.summary)
        #expect(streamed.findings == kept.findings)
    }

    @Test(arguments: cases, [1, 2, 3, 7, 64])
    func blockSizeChangesNothing(_ fixture: Case, blockSize: Int) throws {
        let whole = try readFixture(fixture.file)
        let small = try readFixture(fixture.file, tuning: RosterReader.ReadTuning(blockSize: blockSize))
        #expect(ImportSnapshot(small) == ImportSnapshot(whole))
    }

    @Test func indexesStartAtFirstIndex() throws {
        let result = try readFixture("gbk_title.csv", firstIndex: 40)
        #expect(result.applicants.map(\.index) == [40, 41, 42, 43])
    }

    // MARK: content of particular fixtures

    @Test func gbkRosterWithTitleAndTrailers() throws {
        let result = try readFixture("gbk_title.csv")
        let layout = try #require(result.layout)
        #expect(layout.headers == ["序号", "姓名", "性别", "身份证号", "银行卡号", "资助金额"])
        #expect(result.applicants.map { $0.value(.idNumber) } == [id1, id2, id3, id4])
        #expect(result.applicants.map { $0.value(.amount) } == ["1150", "1500", "800", "1150"])
        let guessed = try #require(result.findings.first)
        #expect(guessed.severity == .warning)
        #expect(guessed.location == SourceLocation(file: "gbk_title.csv", line: nil))
        #expect(guessed.arguments["encoding"] == "GB18030")
    }

    @Test func encodingOverrideIsNotAGuess() throws {
        let result = try readFixture("gbk_title.csv", options: ImportOptions(encoding: "gbk"))
        #expect(result.summary.encoding == "GB18030")
        #expect(result.findings.isEmpty)
        #expect(result.summary.rows == 4)
        let utf16 = try readFixture("utf16le_tab.txt", options: ImportOptions(encoding: "UTF-16"))
        #expect(utf16.summary.encoding == "UTF-16LE")
        #expect(utf16.summary.rows == 2)
    }

    @Test func unknownEncodingOverrideThrows() {
        #expect(throws: ImportError.self) {
            try readFixture("utf8_plain_lf.csv", options: ImportOptions(encoding: "BIG5-HKSCS"))
        }
    }

    @Test func utf16TabTextKeepsQuotedLineBreaks() throws {
        let result = try readFixture("utf16le_tab.txt")
        #expect(result.applicants.first?.cells == ["1", "张三", id1, "山东省济南市\r\n历城区", "1150"])
    }

    @Test func traditionalAndVariantHeadersMap() throws {
        let layout = try #require(try readFixture("variant_headers.csv").layout)
        let expected: [Field: Int] = [.serial: 0, .name: 1, .gender: 2, .idNumber: 3, .studentNumber: 4, .card: 5,
                                      .bank: 6, .amount: 7, .phone: 8]
        for field in Field.allCases {
            #expect(layout.column(of: field) == expected[field], "\(field)")
        }
    }

    @Test func fullWidthAndTypedIdentifiersAreNormalised() throws {
        let result = try readFixture("fullwidth_values.csv")
        let rows = result.applicants
        #expect(rows.map { $0.value(.idNumber) } == [id1, id2, "11010519491231002X", id4])
        #expect(rows.map { $0.value(.card) } == ["6228480402564890018", "6222021234567890123", "6217001234567890125",
                                                  "6228480402564890018"])
        #expect(rows.map { $0.value(.amount) } == ["1150", "1500", "800", "1150"])
        #expect(rows[1].value(.name) == "李四")
        #expect(rows[1].original(column: 1) == "\u{a0}李四\u{3000}")
        #expect(rows[0].original(column: 3) == "３７０１１２２０１００５１２１２３８")
        // The trimmed name is kept as typed but not reported: only identifiers and the amount are.
        #expect(!result.findings.contains { $0.field == "姓名" })
        let changes = result.findings.map { "\($0.location.line ?? 0) \($0.field ?? "") \($0.arguments["change"] ?? "")" }
        #expect(changes == [
            "2 身份证号 全角字符转为半角", "2 资助金额 全角字符转为半角",
            "3 身份证号 去除开头的单引号", "3 银行卡号 去除中间的空格",
            "4 身份证号 小写字母改为大写", "4 银行卡号 去除连字符", "4 资助金额 去除首尾空格",
            "5 身份证号 去除不可见字符",
        ])
        #expect(result.findings.allSatisfy { $0.severity == .info && $0.row != nil })
        #expect(result.findings[0].arguments["changeEn"] == "full-width characters made half-width")
    }

    @Test func excelMangledIdentifiersAreErrorsNeverGuesses() throws {
        let result = try readFixture("excel_mangled.csv")
        let found = result.findings.map { "\($0.location.line ?? 0) \($0.field ?? "") \($0.value ?? "")" }
        #expect(found == [
            "2 身份证号 3.70112E+17", "3 身份证号 3.70112201005123E+17", "4 身份证号 370112201005120000.0",
            "5 身份证号 370112201005120000", "5 银行卡号 6.22202E+18", "6 银行卡号 6222021234567890000",
        ])
        #expect(result.findings.allSatisfy { $0.severity == .error })
        // The value stays as typed: nothing is invented.
        #expect(result.applicants[0].value(.idNumber) == "3.70112E+17")
        #expect(result.applicants[4].value(.idNumber) == "370112201005017000")
    }

    @Test func unterminatedQuoteKeepsRowsBeforeIt() throws {
        let result = try readFixture("unterminated_quote.csv")
        #expect(result.applicants.map { $0.value(.idNumber) } == [id1, id2, ""])
        let finding = try #require(result.findings.first)
        #expect(finding.code == .rowShape && finding.severity == .error)
        #expect(finding.location.line == 4)
        #expect(finding.row == 2)
        let message = MessageCatalog.message(for: finding)
        #expect(message.contains("第 4 行") && message.contains("没有闭合"))
    }

    @Test func strayQuoteBreaksOneRowOnly() throws {
        let result = try readFixture("stray_quote.csv")
        #expect(result.applicants.map { $0.value(.serial) } == ["1", "2", "3"])
        let finding = try #require(result.findings.first)
        #expect(finding.location.line == 3 && finding.row == 1)
        #expect(MessageCatalog.message(for: finding).contains("第 3 行的英文双引号"))
        #expect(MessageCatalog.message(for: finding, language: .en).hasPrefix("Line 3 misuses a double quote"))
    }

    @Test func emptyFileHasNoHeader() throws {
        let result = try readFixture("empty.csv")
        let finding = try #require(result.findings.first)
        #expect(finding.arguments["scanned"] == "0")
        #expect(MessageCatalog.message(for: finding).contains("empty.csv"))
    }

    @Test func binaryFileIsUnreadableNotGarbled() throws {
        let result = try readFixture("binary.csv")
        #expect(result.applicants.isEmpty && result.layout == nil)
        let finding = try #require(result.findings.first)
        #expect(finding.location.line == nil)
        #expect(finding.arguments["detail"]?.isEmpty == false)
        #expect(finding.arguments["detailEn"]?.isEmpty == false)
    }

    @Test func oldExcelFileSaysHowToSaveIt() throws {
        let result = try readFixture("old_excel.xls")
        #expect(MessageCatalog.message(for: try #require(result.findings.first)).contains("另存为"))
    }

    @Test func fullWidthCommaDelimiterKeepsQuotedCommas() throws {
        let result = try readFixture("fullwidth_comma.csv")
        #expect(result.layout?.headers == ["序号", "姓名", "身份证号", "家庭住址", "资助金额"])
        #expect(result.applicants.map { $0.cells[3] } == ["济南市,历城区", "济南市，历下区"])
        #expect(result.applicants.map { $0.value(.idNumber) } == [id1, id2])
    }

    @Test func semicolonDelimiter() throws {
        let result = try readFixture("semicolon.csv")
        #expect(result.applicants.map(\.cells) == [["1", "张三", id1, "1150,00"], ["2", "李四", id2, "1500"]])
    }

    @Test func multilineRecordsKeepLines() throws {
        let result = try readFixture("multiline.csv")
        #expect(result.applicants[2].value(.address) == "第一行\r\n第二行\r\n第三行")
        #expect(result.applicants[3].value(.address) == "\"引号\"")
        #expect(result.applicants[4].value(.address) == "末行")
    }

    @Test func rowShapeForExtraCellsOnly() throws {
        let result = try readFixture("row_shape.csv")
        #expect(result.applicants.map(\.cells.count) == [4, 4, 4])
        #expect(result.applicants[1].cells == ["2", "李四", id2, ""])
        let finding = try #require(result.findings.first)
        #expect(finding.location.line == 2 && finding.row == 0)
        #expect(finding.arguments["cells"] == "5" && finding.arguments["columns"] == "4")
        #expect(finding.arguments["extra"] == "多余内容")
        #expect(MessageCatalog.message(for: finding) == "本行有 5 个单元格，多于表头的 4 列；多出的内容：多余内容。")
    }

    @Test func missingIDColumnIsReportedWithItsSynonyms() throws {
        let result = try readFixture("missing_id_column.csv")
        let finding = try #require(result.findings.first)
        #expect(finding.field == "身份证号")
        #expect(finding.arguments["synonyms"]?.contains("公民身份号码") == true)
        #expect(result.layout?.column(of: .studentNumber) == 3)
    }

    // MARK: bytes built here

    @Test func gbkEuroSignIsReadAsEuro() throws {
        var bytes = try IconvConverter.encode("序号,姓名,身份证号,备注\r\n1,张三,\(id1),", to: "GBK")
        bytes += [0x80]
        bytes += try IconvConverter.encode("5\r\n", to: "GBK")
        let result = try readBytes(bytes)
        #expect(result.applicants.first?.cells.last == "€5")
        #expect(result.findings.map(\.code) == [.encodingGuessed])
    }

    @Test(arguments: [1, 3, 7, 1 << 20])
    func asciiStartThenGBKIsDecidedAtTheFirstChineseByte(blockSize: Int) throws {
        let title = Array("Roster of class 2, autumn term 2026,,,\r\n".utf8)
        var bytes = title + title + title
        bytes += try IconvConverter.encode("序号,姓名,身份证号,资助金额\r\n1,张三,\(id1),1150\r\n2,李四,\(id2),800\r\n",
                                           to: "GBK")
        let tuning = RosterReader.ReadTuning(blockSize: blockSize, sniffWindow: 64)
        let result = try readBytes(bytes, tuning: tuning)
        #expect(result.summary.encoding == "GB18030")
        #expect(result.summary.headerLine == 4)
        #expect(result.applicants.map { $0.value(.name) } == ["张三", "李四"])
        #expect(result.findings.map(\.code) == [.encodingGuessed])
    }

    @Test func asciiStartThenUTF8IsUTF8() throws {
        let title = Array("Roster of class 2, autumn term 2026,,,\r\n".utf8)
        let bytes = title + title + Array("序号,姓名,身份证号\r\n1,张三,\(id1)\r\n".utf8)
        let result = try readBytes(bytes, tuning: RosterReader.ReadTuning(blockSize: 5, sniffWindow: 64))
        #expect(result.summary.encoding == "UTF-8")
        #expect(result.findings.isEmpty)
        #expect(result.applicants.map { $0.value(.name) } == ["张三"])
    }

    @Test func invalidUTF8AfterValidTextIsUnreadableWithItsLine() throws {
        var bytes = Array("序号,姓名,身份证号\r\n1,张三,\(id1)\r\n2,李".utf8)
        bytes += [0xC0, 0xAF]
        bytes += Array("四,\(id2)\r\n".utf8)
        let result = try readBytes(bytes)
        #expect(result.applicants.isEmpty)
        let finding = try #require(result.findings.first)
        #expect(result.findings.map(\.code) == [.encodingUnreadable])
        #expect(finding.arguments["detail"]?.contains("第 3 行") == true)
    }

    @Test func nulBytesMakeAFileUnreadable() throws {
        var bytes = Array("序号,姓名,身份证号\r\n1,张三,\(id1)\r\n".utf8)
        bytes += [0x00, 0x00, 0x31]
        let result = try readBytes(bytes)
        #expect(result.findings.map(\.code) == [.encodingUnreadable])
        #expect(result.findings.first?.arguments["detail"]?.contains("NUL") == true)
    }

    @Test func utf16WithoutBOMIsRecognisedAsAGuess() throws {
        let text = "序号\t姓名\t身份证号\r\n1\t张三\t\(id1)\r\n"
        let little = try IconvConverter.encode(text, to: "UTF-16LE")
        let result = try readBytes(little, name: "unicode.txt")
        #expect(result.summary.encoding == "UTF-16LE")
        #expect(result.findings.map(\.code) == [.encodingGuessed])
        #expect(result.applicants.first?.value(.idNumber) == id1)
        let big = [0xFE, 0xFF] + (try IconvConverter.encode(text, to: "UTF-16BE"))
        let fromBig = try readBytes(big, name: "unicode.txt")
        #expect(fromBig.summary.encoding == "UTF-16BE")
        #expect(fromBig.findings.isEmpty)
        #expect(fromBig.applicants.first?.value(.name) == "张三")
    }

    @Test func xlsxWorkbookIsNotReadYet() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 60)
        #expect(throws: ImportError.self) { try readBytes(zip, name: "高一(2)班.xlsx") }
        let misnamed = try readBytes(zip, name: "高一(2)班.csv")
        #expect(misnamed.summary.encoding == "XLSX")
        #expect(misnamed.findings.first?.arguments["detail"]?.contains(".xlsx") == true)
    }

    @Test func missingFileThrowsOneChineseLine() {
        do {
            _ = try RosterReader.read(InputFile(path: "/nonexistent/高一(2)班.csv", displayName: "高一(2)班.csv"),
                                      firstIndex: 0)
            Issue.record("expected an ImportError")
        } catch {
            #expect(error.file == "高一(2)班.csv")
            #expect(error.message.contains("找不到文件"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func headerFarDownIsFoundAndOneTooFarIsNot() throws {
        let filler = (1..<30).map { "说明第\($0)行,,\r\n" }.joined()
        let header = "序号,姓名,身份证号\r\n1,张三,\(id1)\r\n"
        let found = try readBytes(Array((filler + header).utf8))
        #expect(found.summary.headerLine == 30)
        #expect(found.summary.rows == 1)
        let tooFar = try readBytes(Array((filler + "再一行,,\r\n" + header).utf8))
        #expect(tooFar.findings.map(\.code) == [.headerNotFound])
        #expect(tooFar.findings.first?.arguments["scanned"] == "30")
    }

    @Test func repeatedHeaderAndTrailersInsidePastedSheetsAreSkipped() throws {
        let text = """
            序号,姓名,身份证号,资助金额\r
            1,张三,\(id1),1150\r
            小计,,,1150\r
            序号,姓名,身份证号,资助金额\r
            1,李四,\(id2),800\r
            ,,,\r
            2,王五,\(id3),800\r
            合计,3人,,2750\r
            ,,,共 3 人\r
            审核人：,,经办人：,\r
            注：本表一式三份\r

            """
        let result = try readBytes(Array(text.utf8))
        #expect(result.applicants.map { $0.value(.name) } == ["张三", "李四", "王五"])
        #expect(result.applicants.map(\.line) == [2, 5, 7])
        #expect(result.findings.isEmpty)
    }
}

/// Inputs that used to pass in silence or with the wrong words (issue 7).
@Suite struct RosterReaderBadInputTests {
    @Test func headerWithoutRowsIsAnError() throws {
        let result = try readBytes(Array("XX中学名单\r\n序号,姓名,身份证号,资助金额\r\n合计,,,0\r\n".utf8))
        #expect(result.applicants.isEmpty)
        #expect(result.findings.map(\.code) == [.noDataRows])
        #expect(result.findings.first?.arguments["headerLine"] == "2")
        #expect(result.findings.first?.location.line == nil)
    }

    @Test func cellLongerThanExcelHoldsReturnsItsRow() throws {
        let long = String(repeating: "长", count: 40_000)
        let text = "序号,姓名,身份证号,家庭住址,资助金额\r\n1,张三,\(id1),\(long),1150\r\n2,李四,\(id2),济南,800\r\n"
        let result = try readBytes(Array(text.utf8))
        #expect(result.applicants.count == 2)
        #expect(result.findings.map(\.code) == [.rowShape])
        #expect(result.findings.first?.row == 0)
        #expect(result.findings.first?.arguments["detail"]?.contains("“家庭住址”一格有 40000 个字符") == true)
    }

    @Test func filePastedFromTwoEncodingsSaysSo() throws {
        let utf8 = Array("序号,姓名,身份证号\r\n1,张三丰,\(id1)\r\n".utf8)
        // Enough GBK that the guess falls to GB18030 (little of it stays UTF-8: see the next test's twin).
        let gbk = try IconvConverter.encode("2,李四光,\(id2),山东省济南市历城区港沟街道东村十二号\r\n", to: "GBK")
        let result = try readBytes(utf8 + gbk)
        #expect(result.findings.map(\.code) == [.encodingUnreadable])
        #expect(result.findings.first?.arguments["detail"]?.contains("第 1–2 行是 UTF-8 文本，第 3 行") == true)
    }

    @Test func aLittleGBKAfterUTF8IsBadUTF8() throws {
        let utf8 = Array("序号,姓名,身份证号\r\n1,张三丰,\(id1)\r\n".utf8)
        let gbk = try IconvConverter.encode("2,李四,\(id2)\r\n", to: "GBK")
        let result = try readBytes(utf8 + gbk)
        #expect(result.findings.first?.arguments["detail"]?.contains("按 UTF-8 解码时，第 3 行附近有无效字节") == true)
    }

    @Test func plainGBKStillGetsTheUsualMessage() throws {
        let gbk = try IconvConverter.encode("序号,姓名,身份证号\r\n1,张三,\(id1)\r\n", to: "GBK") + [0xFF, 0xFF]
        let result = try readBytes(gbk)
        #expect(result.findings.first?.arguments["detail"]?.contains("既不是有效的 UTF-8") == true)
    }
}
