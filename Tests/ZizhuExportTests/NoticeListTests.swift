import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct NoticeListTests {
    /// The law: nothing private reaches the public notice. Every cell of the workbook is read back by
    /// openpyxl and compared with every private value of every row, and searched for long digit runs.
    @Test func noPrivateValueAppearsInAnyCell() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 5, perClass: 6, otherRows: 4, returnedRows: [2])
        let path = folder.file(NoticeList.fileName)
        try NoticeList.write(result, to: path, start: CivilDate(year: 2026, month: 9, day: 14)!)
        let book = try XLSXReadBack.read(path)
        let allText = book.sheets.flatMap { sheet in sheet.cells.map { $0.text ?? $0.number.map { String($0) } ?? "" } }
        #expect(!allText.isEmpty)

        var privateValues: Set<String> = []
        for applicant in result.applicants {
            for field in Field.allCases where field.isPrivate {
                let value = applicant.value(field).trimmingWhitespace()
                if value.count >= 2 { privateValues.insert(value) }
            }
        }
        #expect(privateValues.contains("低保"))   // the fixture does hold categories, addresses, cards …
        for text in allText {
            for value in privateValues {
                #expect(!text.contains(value), "“\(value)” appears in the notice cell “\(text)”")
            }
            #expect(text.range(of: #"\d{11,}"#, options: .regularExpression) == nil, "digits in “\(text)”")
        }
        // Nor are the private headers there.
        for header in ["身份证号", "银行卡号", "联系电话", "家庭住址", "困难类型", "学籍号", "出生日期"] {
            #expect(!allText.contains { $0.contains(header) })
        }
    }

    @Test func listsTheAcceptedRowsWithPeriodAndPhone() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 2, returnedRows: [0, 5])
        let path = folder.file("notice.xlsx")
        try NoticeList.write(result, to: path, start: CivilDate(year: 2026, month: 9, day: 28)!)
        let sheet = try #require(try XLSXReadBack.read(path).sheet(NoticeList.sheetName))
        #expect(sheet.text(0, 0) == "示例县第一中学2026年秋季学期普通高中国家助学金受助学生名单公示")
        #expect(sheet.merges.contains("A1:G1"))
        #expect(sheet.text(1, 0).contains("拟确定以下\(result.accepted.count)名学生"))
        // 28, 29, 30 September, the National Day holidays, then Saturday 10 October (调休).
        #expect(sheet.text(2, 0) == "公示期：2026年9月28日至2026年10月10日（5个工作日）")
        #expect(sheet.text(3, 0).contains("监督电话：0000-12345678"))
        #expect(sheet.rowTexts(4) == NoticeList.headers)
        let order = RosterOrder.accepted(result)
        for (position, index) in order.rows.enumerated() {
            let a = result.applicants[index]
            let row = 5 + position
            #expect(sheet.cell(row, 0)?.number == Double(position + 1))
            #expect(sheet.text(row, 1) == a.value(.name))
            #expect(sheet.text(row, 4) == result.policy.program)
            let tier = result.policy.tiers.firstIndex { $0.level == a.value(.level) }
            #expect(sheet.text(row, 5) == ["一档", "二档", "三档"][tier ?? 0])
            #expect(sheet.cell(row, 6)?.number == a.amount?.yuanForDisplay)
        }
        let end = 5 + order.rows.count
        #expect(sheet.text(end + 1, 3) == "示例县第一中学")
        #expect(sheet.text(end + 2, 3) == "2026年9月28日")
        #expect(sheet.printTitleRows == "$5:$5")
        #expect(sheet.freezePanes == "A6")
        #expect(sheet.paperSize == 9)
    }
}
