import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuImport

/// Reading .xlsx class sheets through `RosterReader.read`: the same results as the CSV path (issue 6).
@Suite struct XLSXRosterTests {
    static func read(_ relative: String, name: String? = nil, sheet: String? = nil, firstIndex: Int = 0) throws(ImportError)
        -> FileImport
    {
        let display = name ?? String(relative.split(separator: "/").last ?? "")
        return try RosterReader.read(InputFile(path: Fixtures.path(relative), displayName: display),
                                     firstIndex: firstIndex, options: ImportOptions(sheet: sheet))
    }

    /// What must match between the CSV and the XLSX reading of one roster.
    struct Located: Equatable, CustomStringConvertible {
        var code: FindingCode
        var field: String?
        var line: Int?
        var row: Int?
        var description: String { "\(code.rawValue) \(field ?? "-") \(line.map(String.init) ?? "-") #\(row ?? -1)" }
    }

    static func located(_ findings: [Finding]) -> [Located] {
        findings.filter { $0.code != .encodingGuessed }
            .map { Located(code: $0.code, field: $0.field, line: $0.location.line, row: $0.row) }
    }

    @Test(arguments: ["xlsx-roster/openpyxl_gbk_title.xlsx", "xlsx-roster/xlsxwriter_gbk_title.xlsx"])
    func sameAsTheCSV(_ fixture: String) throws {
        let csv = try readFixture("gbk_title.csv", firstIndex: 7)
        let xlsx = try Self.read(fixture, firstIndex: 7)
        #expect(xlsx.summary.encoding == "XLSX")
        #expect(xlsx.summary.headerLine == csv.summary.headerLine)
        #expect(xlsx.summary.rows == csv.summary.rows)
        #expect(xlsx.layout?.headers == csv.layout?.headers)
        #expect(Field.allCases.map { xlsx.layout?.column(of: $0) } == Field.allCases.map { csv.layout?.column(of: $0) })
        #expect(xlsx.applicants.map(\.cells) == csv.applicants.map(\.cells))
        #expect(xlsx.applicants.map(\.line) == csv.applicants.map(\.line))
        #expect(xlsx.applicants.map(\.index) == csv.applicants.map(\.index))
        #expect(Self.located(xlsx.findings) == Self.located(csv.findings))
        #expect(xlsx.applicants.allSatisfy { $0.layout.file == String(fixture.split(separator: "/").last!) })
    }

    @Test func numbersInIdentifierColumnsAreReportedByCell() throws {
        let result = try Self.read("xlsx-roster/numbers.xlsx")
        // 说明 has no header: skipped and listed; the hidden sheet too. Two class sheets: each is its own "file".
        #expect(result.summary.encoding == "XLSX（跳过：说明、旧名单（隐藏））")
        #expect(result.summary.rows == 5)
        #expect(result.summary.headerLine == 1)
        #expect(result.inputs.map(\.file) == ["numbers.xlsx!高一(2)班", "numbers.xlsx!高一(3)班"])
        #expect(result.inputs.map(\.rows) == [3, 2])
        #expect(result.applicants.map(\.layout.file) == [
            "numbers.xlsx!高一(2)班", "numbers.xlsx!高一(2)班", "numbers.xlsx!高一(2)班", "numbers.xlsx!高一(3)班",
            "numbers.xlsx!高一(3)班",
        ])
        #expect(result.applicants.map(\.line) == [2, 3, 4, 2, 3])
        #expect(result.applicants.map(\.index) == [0, 1, 2, 3, 4])
        #expect(result.applicants.map { $0.value(.name) } == ["张三", "李四", "王五", "赵六", "钱七"])

        let mangled = result.findings.filter { $0.code == .valueExcelMangled }
        #expect(mangled.map(\.arguments["cell"]) == ["高一(2)班!D2", "高一(2)班!E2", "高一(2)班!D4"])
        #expect(mangled.map(\.field) == ["身份证号", "银行卡号", "身份证号"])
        #expect(mangled.map(\.location.line) == [2, 2, 4])
        #expect(mangled.allSatisfy { $0.location.file == "numbers.xlsx!高一(2)班" })
        // The digits are never guessed: the cell keeps what Excel left.
        #expect(result.applicants[0].value(.idNumber) == "370112201005123456" || result.applicants[0].value(.idNumber).contains("E+17"))
        #expect(result.applicants[2].value(.idNumber) == "3.70112201008303E+17")
        let message = MessageCatalog.message(for: mangled[0], showValues: true)
        #expect(message.contains("高一(2)班!D2"))
        #expect(message.contains("身份证号"))

        // A phone stored as a number is its digits; a text ID is untouched; amounts keep their text.
        #expect(result.applicants.map { $0.value(.phone) } == ["13812345678", "13912345678", "13712345678", "", ""])
        #expect(result.applicants[1].value(.idNumber) == "370112200911032144")
        #expect(result.applicants.map { $0.value(.amount) } == ["1150.5", "1500", "800", "1150", "800"])
        // A bare serial and a date cell in 出生日期 both become YYYY-MM-DD.
        #expect(result.applicants.map { $0.value(.birthDate) } == ["2010-05-12", "2009-11-03", "", "", ""])
        #expect(!result.findings.contains { $0.field == "联系电话" })
        // A text ID is intact whatever its digits: no value-excel-mangled (a CSV would suspect it).
        #expect(result.applicants[4].value(.idNumber) == "370112201005123000")
        #expect(!result.findings.contains { $0.row == 4 })
    }

    @Test func sheetOptionPicksOneSheet() throws {
        let result = try Self.read("xlsx-roster/numbers.xlsx", sheet: "高一(3)班")
        #expect(result.summary.encoding == "XLSX")
        #expect(result.inputs == [result.summary])
        #expect(result.applicants.map(\.layout.file) == ["numbers.xlsx", "numbers.xlsx"])
        #expect(result.applicants.map { $0.value(.name) } == ["赵六", "钱七"])
        // A hidden sheet can be named on purpose.
        let hidden = try Self.read("xlsx-roster/numbers.xlsx", sheet: "旧名单")
        #expect(hidden.applicants.map { $0.value(.name) } == ["孙八"])
        #expect(throws: ImportError.self) { try Self.read("xlsx-roster/numbers.xlsx", sheet: "高三(9)班") }
        do throws(ImportError) {
            _ = try Self.read("xlsx-roster/numbers.xlsx", sheet: "高三(9)班")
        } catch {
            #expect(error.message.contains("高一(2)班"))
            #expect(error.message.contains("旧名单（隐藏）"))
        }
    }

    @Test func noSheetWithAHeader() throws {
        let result = try Self.read("xlsx-roster/numbers.xlsx", sheet: "说明")
        #expect(result.applicants.isEmpty)
        #expect(result.findings.map(\.code) == [.headerNotFound])
        #expect(result.findings[0].location.file == "numbers.xlsx")
    }

    @Test func libreOfficeFromCSV() throws {
        let result = try Self.read("xlsx/libreoffice_from_csv.xlsx")
        #expect(result.applicants.map { $0.value(.name) } == ["张三", "李四"])
        #expect(result.applicants.map { $0.value(.birthDate) } == ["2005-01-01", "2006-02-28"])
        #expect(result.applicants.map { $0.value(.amount) } == ["1150.5", "800"])
        #expect(result.applicants[1].value(.idNumber) == "11010519491231002X")
        let mangled = result.findings.filter { $0.code == .valueExcelMangled }
        #expect(mangled.count == 1)
        #expect(mangled.first?.arguments["cell"]?.hasSuffix("!C2") == true)
        #expect(mangled.first?.location.line == 2)
    }

    @Test func openpyxlMultiSheetWorkbook() throws {
        let result = try Self.read("xlsx/openpyxl_roster.xlsx")
        // 高一(2)班 (title row, header on row 3) and 高一(3)班; 说明 and 数据 are hidden.
        #expect(result.summary.encoding == "XLSX（跳过：说明（隐藏）、数据（隐藏））")
        #expect(result.summary.headerLine == 3)
        let files = Set(result.applicants.map(\.layout.file))
        #expect(files == ["openpyxl_roster.xlsx!高一(2)班", "openpyxl_roster.xlsx!高一(3)班"])
        #expect(result.applicants.prefix(3).map(\.line) == [4, 5, 6])
        let mangled = result.findings.filter { $0.code == .valueExcelMangled }
        #expect(mangled.compactMap { $0.arguments["cell"] } == ["高一(2)班!D5", "高一(2)班!G5"])
    }

    @Test(arguments: [
        ("xlsx/not_a_zip.xlsx", "ZIP"), ("xlsx/zip_without_workbook.xlsx", "workbook.xml"),
        ("xlsx/broken_sheet_mismatched_tag.xlsx", "损坏"), ("xlsx/encrypted.xlsx", "密码"),
        ("xlsx/legacy_xls_renamed.xlsx", ".xls"), ("xlsx/broken_sheet_truncated.xlsx", "损坏"),
    ])
    func badWorkbooksAreImportErrors(_ fixture: String, _ word: String) throws {
        do throws(ImportError) {
            _ = try Self.read(fixture)
            Issue.record("\(fixture) was read")
        } catch {
            #expect(error.message.contains(word), "\(error.message)")
            #expect(!error.message.contains("\n"))
            #expect(!error.message.hasPrefix(String(fixture.split(separator: "/").last!)))
        }
    }

    @Test func storedNumbers() {
        #expect(ExcelMangling.storedNumber("13812345678") == .integer("13812345678"))
        #expect(ExcelMangling.storedNumber("1.3812345678E+10") == .integer("13812345678"))
        #expect(ExcelMangling.storedNumber("13812345678.0") == .integer("13812345678"))
        #expect(ExcelMangling.storedNumber("3.70112201005123E+17") == .lostDigits)
        #expect(ExcelMangling.storedNumber("370112201005123000") == .lostDigits)
        #expect(ExcelMangling.storedNumber("6228480402564890") == .lostDigits)
        #expect(ExcelMangling.storedNumber("370112201005123") == .integer("370112201005123"))
        #expect(ExcelMangling.storedNumber("1150.5") == .other)
        #expect(ExcelMangling.storedNumber("-5") == .other)
        #expect(ExcelMangling.storedNumber("0") == .other)
    }
}
