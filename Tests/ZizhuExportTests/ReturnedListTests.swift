import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct ReturnedListTests {
    @Test func oneSheetPerClassWithOriginalCellsAndEveryReason() throws {
        let folder = try TemporaryFolder()
        // Rows 1 and 6 (two classes of file 1) and row 13 (file 2, its ID typed with spaces around it).
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 3, returnedRows: [1, 6, 13])
        let path = folder.file(ReturnedList.fileName)
        try ReturnedList.write(result, to: path)
        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["说明", "高一(1)班", "高二(2)班", "高二(10)班"])

        let overview = try #require(book.sheet("说明"))
        #expect(overview.text(1, 0).contains("共退回 3 行（3 个班级）"))
        #expect(overview.rowTexts(3) == ["1", "高一(1)班", "1", "高一(1)班"])
        // The file-level finding (encoding guessed) is listed with its message.
        #expect(overview.cells.contains { $0.text?.contains("推断为 GB18030 读取") == true })

        let sheet = try #require(book.sheet("高二(10)班"))
        #expect(sheet.text(0, 0) == "高二(10)班 退回名单（共 1 行）")
        #expect(sheet.text(1, 0).hasPrefix("文件：高中各班.csv"))
        #expect(Array(sheet.rowTexts(2).prefix(4 + Fixture.headers.count)) == ["文件", "行号", "问题", "修改建议"] + Fixture.headers)
        let returned = result.applicants[1]
        #expect(sheet.text(3, 0) == "高中各班.csv")
        #expect(sheet.cell(3, 1)?.number == Double(returned.line))
        for (column, value) in returned.originalCells.enumerated() {
            #expect(sheet.text(3, column + 4) == value)
            if !value.isEmpty { #expect(sheet.cell(3, column + 4)?.type == "s") }
        }
        let problems = sheet.text(3, 2)
        let fixes = sheet.text(3, 3)
        // Errors first, numbered, values shown (this goes back to the teacher who owns the data).
        let lines = problems.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("1.【错误】"))
        #expect(problems.contains("6.22848E+18"))
        #expect(problems.contains("第 15 位以后的数字已丢失"))
        #expect(problems.contains("相关：高中各班.csv 第 4 行"))
        #expect(fixes.contains("请把该列单元格格式设为“文本”"))

        // The second file's row shows what the teacher typed, not the normalised ID.
        let other = try #require(book.sheet("高一(1)班"))
        let row13 = result.applicants[13]
        #expect(other.text(1, 0).hasPrefix("文件：补报名单.xlsx"))
        #expect(Array(other.rowTexts(2).prefix(4 + Fixture.otherHeaders.count)) == ["文件", "行号", "问题", "修改建议"] + Fixture.otherHeaders)
        #expect(other.text(3, 5) == row13.original(column: 1))
        #expect(other.text(3, 5).hasPrefix(" ") && other.text(3, 5) != row13.value(.idNumber))
    }

    @Test func sheetNamesAreSanitisedAndUnique() {
        var names = SheetNames(reserved: ["说明"])
        #expect(names.unique("高一[1]班") == "高一_1_班")
        #expect(names.unique("a/b\\c:d*e?f") == "a_b_c_d_e_f")
        #expect(names.unique("说明") == "说明(2)")
        #expect(names.unique("'引号'") == "引号")
        #expect(names.unique("") == "未填班级")
        let long = String(repeating: "很长的班级名称", count: 6)
        let first = names.unique(long)
        let second = names.unique(long)
        #expect(first.utf16.count == 31)
        #expect(second.utf16.count <= 31 && second.hasSuffix("(2)"))
        #expect(names.unique("ABC") == "ABC")
        #expect(names.unique("abc") == "abc(2)")
        #expect(names.unique("History") == "History_")
    }

    /// 说明 lists every row a file-level share finding concerns, not only the message's first eight.
    @Test func theOverviewListsEveryRowOfAShareFinding() throws {
        let result = RelatedRowsFixture.olderStudents(12)
        let folder = try TemporaryFolder()
        let path = folder.file(ReturnedList.fileName)
        try ReturnedList.write(result, to: path)
        let overview = try #require(try XLSXReadBack.read(path).sheet("说明"))
        let lines = try #require(result.findings.first { $0.code == .olderAgeRatio }).related.compactMap(\.line)
        let text = try #require(overview.cells.first { $0.text?.contains("大龄") == true }?.text)
        #expect(text.contains("涉及：高一(1)班.csv 第 \(lines.map(String.init).joined(separator: "、")) 行"))
    }
}

