import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct ReportWorkbookTests {
    @Test func everyFindingFilterableWithSummaries() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 2, returnedRows: [1, 6])
        let path = folder.file(ReportWorkbook.fileName)
        try ReportWorkbook.write(result, to: path)
        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["问题清单", "汇总"])
        let sheet = try #require(book.sheet("问题清单"))
        #expect(sheet.rowTexts(1) == ReportWorkbook.headers)
        #expect(sheet.freezePanes == "A3")
        #expect(sheet.autofilter == "A2:I\(2 + result.findings.count)")
        #expect(sheet.maxRow == 2 + result.findings.count)
        for (offset, finding) in result.findings.enumerated() {
            let row = 2 + offset
            #expect(sheet.text(row, 0) == finding.location.file)
            #expect(sheet.text(row, 3) == finding.code.rawValue)
            #expect(sheet.text(row, 4) == finding.severity.chinese)
            if let index = finding.row { #expect(sheet.text(row, 2) == result.applicants[index].value(.name)) }
        }
        // Masked unless asked: no 11+ digit identifiers in the messages.
        for cell in sheet.cells { #expect(cell.text?.range(of: #"\d{11,}"#, options: .regularExpression) == nil) }

        let summary = try #require(book.sheet("汇总"))
        let codeRow = try #require(summary.cells.first { $0.text == "id-checksum" }?.row)
        #expect(summary.cell(codeRow, 3)?.number == 2)
        #expect(summary.cell(codeRow, 4)?.number == 2)
        let classRow = try #require(summary.cells.first { $0.column == 1 && $0.text == "高二(10)班" }?.row)
        // 4 rows, 3 accepted, 1 returned (row 1: three errors), 1 warning (card-luhn on row 2).
        #expect(Array(summary.rowTexts(classRow).dropFirst()) == ["高二(10)班", "4", "3", "1", "3", "1"])
    }

    @Test func summaryChartsDrawFindingsPerCodeAndReturnedRowsPerClass() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 2, returnedRows: [1, 6])
        let path = folder.file(ReportWorkbook.fileName)
        try ReportWorkbook.write(result, to: path)
        let summary = try #require(try XLSXReadBack.read(path).sheet("汇总"))
        #expect(summary.charts.map(\.title) == ["各类问题次数", "各班退回行数与问题数"])
        let codes = summary.charts[0]
        let firstCode = try #require(summary.cells.first { $0.text == "代码" }?.row) + 1
        let codeCount = Set(result.findings.map(\.code)).count
        #expect(codes.kind == "bar" && codes.categoryAxisTitle == "问题代码" && codes.valueAxisTitle == "次数")
        #expect(codes.categories == ["'汇总'!$B$\(firstCode + 1):$B$\(firstCode + codeCount)"])
        let classes = summary.charts[1]
        #expect(classes.kind == "col" && classes.grouping == "clustered")
        #expect(classes.seriesNames == ["退回行数", "错误", "警告"])
        let firstClass = try #require(summary.cells.first { $0.column == 1 && $0.text == "班级" }?.row) + 1
        #expect(classes.values.first == "'汇总'!$E$\(firstClass + 1):$E$\(firstClass + 3)")
        #expect(summary.fitToPage && (summary.fitToHeight ?? 1) == 1)  // 1 is the default, left out of the XML
    }

    @Test func showValuesUnmasksAndEnglishWorks() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(returnedRows: [1])
        let path = folder.file("r.xlsx")
        try ReportWorkbook.write(result, to: path, language: .en, showValues: true)
        let sheet = try #require(try XLSXReadBack.read(path).sheet("问题清单"))
        #expect(sheet.cells.contains { $0.text?.contains("every digit after the 15th is lost") == true })
        #expect(sheet.cells.contains { $0.text == "error" })
    }

    /// A share finding names its first rows in the message and every row in 相关行.
    @Test func aShareFindingListsEveryRowItConcerns() throws {
        let result = RelatedRowsFixture.olderStudents(12)
        let finding = try #require(result.findings.first { $0.code == .olderAgeRatio })
        #expect(finding.related.count == 12)
        let folder = try TemporaryFolder()
        let path = folder.file(ReportWorkbook.fileName)
        try ReportWorkbook.write(result, to: path)
        let sheet = try #require(try XLSXReadBack.read(path).sheet("问题清单"))
        let row = try #require(sheet.cells.first { $0.text == "older-age-ratio" }?.row)
        let lines = finding.related.compactMap(\.line).map(String.init)
        #expect(sheet.text(row, 8) == "高一(1)班.csv 第 \(lines.joined(separator: "、")) 行")
        #expect(sheet.text(row, 6).contains("等共 12 处"), "the message names the first eight")
    }
}

/// A round whose first file has `older` 大龄 students among 20: older-age-ratio points at all of them.
enum RelatedRowsFixture {
    static func olderStudents(_ older: Int) -> RoundResult {
        var round = ApplicantBuilder()
        for serial in 0..<20 {
            if serial < older {
                let id = ApplicantBuilder.residentID(birth: "20040101", sequence: 900 - serial)
                round.row(["身份证号": id, "学籍号": "G" + id])
            } else {
                round.row()
            }
        }
        return Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
    }
}
