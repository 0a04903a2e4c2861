import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct BankListTests {
    @Test func paymentsTotalsAndWordsMatchTheRegister() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 5, otherRows: 3, returnedRows: [4])
        let path = folder.file(BankList.fileName)
        try BankList.write(result, to: path)
        let sheet = try #require(try XLSXReadBack.read(path).sheet(BankList.sheetName))
        let total = Fixture.acceptedTotal(result)
        let count = result.accepted.count
        #expect(sheet.text(1, 0).contains("笔数：\(count)笔"))
        #expect(sheet.text(1, 0).contains("总金额：\(total.groupedString)元"))
        #expect(sheet.text(1, 0).contains(ChineseAmount.words(total)))
        #expect(sheet.rowTexts(2) == BankList.headers)
        let order = RosterOrder.accepted(result)
        for (position, index) in order.rows.enumerated() {
            let a = result.applicants[index]
            let row = 3 + position
            #expect(sheet.cell(row, 1)?.type == "s")
            #expect(sheet.text(row, 1) == a.value(.card))
            let holder = a.value(.cardHolder)
            #expect(sheet.text(row, 2) == (holder.isEmpty ? a.value(.name) : holder))
            #expect(sheet.cell(row, 3)?.number == a.amount?.yuanForDisplay)
            #expect(sheet.text(row, 4) == a.value(.idNumber))
            #expect(sheet.text(row, 5) == "2026秋普高国家助学金")
        }
        let totalRow = 3 + count
        #expect(sheet.text(totalRow, 0) == "合计")
        #expect(sheet.cell(totalRow, 1)?.number == Double(count))
        #expect(sheet.cell(totalRow, 3)?.number == total.yuanForDisplay)
        #expect(sheet.cell(totalRow, 3)?.formula == "=SUM(D4:D\(totalRow))")
        #expect(sheet.text(totalRow, 4) == "大写：" + ChineseAmount.words(total))
        #expect(sheet.ignoredNumberAsText == ["B4:B\(totalRow)", "E4:E\(totalRow)"])
    }
}
