import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct RegisterBookTests {
    @Test func officialLookAsOpenpyxlSeesIt() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 4, perClass: 5, otherRows: 3, returnedRows: [1, 6])
        let path = folder.file(RegisterBook.fileName)
        try RegisterBook.write(result, to: path, fillDate: CivilDate(year: 2026, month: 9, day: 20))
        #expect(try folder.names() == [RegisterBook.fileName])

        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["花名册", "汇总"])
        #expect(book.title == "示例县第一中学2026年秋季学期普通高中国家助学金发放花名册")
        let sheet = try #require(book.sheet("花名册"))
        #expect(sheet.inlineStrings)   // constant_memory

        // Title, 填报单位 line, header.
        #expect(sheet.text(0, 0) == "示例县第一中学2026年秋季学期普通高中国家助学金发放花名册")
        #expect(sheet.merges.contains("A1:N1"))
        #expect(sheet.text(1, 0) == "填报单位（盖章）：示例县第一中学")
        #expect(sheet.text(1, 9) == "单位：元")
        #expect(sheet.rowTexts(2) == RegisterBook.headers)

        // Exactly the accepted rows, by grade, class and input order, 序号 1…n.
        let accepted = result.accepted
        let firstData = 3
        let totalRow = try #require(sheet.firstRow(whereFirstCellIs: "合计"))
        #expect(totalRow - firstData == accepted.count)
        let order = RosterOrder.accepted(result)
        for (position, index) in order.rows.enumerated() {
            let applicant = result.applicants[index]
            let row = firstData + position
            #expect(sheet.cell(row, 0)?.number == Double(position + 1))
            #expect(sheet.text(row, 1) == applicant.value(.name))
            #expect(sheet.text(row, 6) == applicant.value(.className))
            for (column, field) in [(3, Field.idNumber), (4, .studentNumber), (10, .card)] {
                let cell = sheet.cell(row, column)
                if applicant.value(field).isEmpty {
                    #expect(cell == nil)
                } else {
                    #expect(cell?.type == "s")
                    #expect(cell?.text == applicant.value(field))
                    #expect(cell?.numberFormat == "@")
                }
            }
            #expect(sheet.cell(row, 9)?.number == applicant.amount?.yuanForDisplay)
            #expect(sheet.cell(row, 9)?.numberFormat == "#,##0.00")
            // 持卡人 falls back to the name.
            let holder = applicant.value(.cardHolder)
            #expect(sheet.text(row, 12) == (holder.isEmpty ? applicant.value(.name) : holder))
        }
        let grades = (firstData..<totalRow).map { sheet.text($0, 5) }
        #expect(grades.first == "高一" && grades.last == "高二")
        let classes = (firstData..<totalRow).map { sheet.text($0, 6) }
        #expect(classes.firstIndex(of: "高二(2)班")! < classes.firstIndex(of: "高二(10)班")!)

        // 合计: count, formula with its cached value, 大写.
        let total = Fixture.acceptedTotal(result)
        #expect(sheet.cell(totalRow, 1)?.number == Double(accepted.count))
        let sum = try #require(sheet.cell(totalRow, 9))
        #expect(sum.formula == "=SUM(J4:J\(totalRow))")
        #expect(sum.number == total.yuanForDisplay)
        let rowsSum = (firstData..<totalRow).compactMap { sheet.cell($0, 9)?.number }.reduce(0, +)
        #expect(abs(rowsSum - total.yuanForDisplay) < 0.001)
        #expect(sheet.text(totalRow, 2) == "大写：" + ChineseAmount.words(total))

        // Signatures and date.
        let signatures = totalRow + 2
        #expect(sheet.text(signatures, 0) == "单位负责人：")
        #expect(sheet.text(signatures, 3) == "审核人：")
        #expect(sheet.text(signatures, 6) == "经办人：")
        #expect(sheet.text(signatures, 9) == "填表日期：2026年9月20日")

        // Printing and viewing.
        #expect(sheet.freezePanes == "C4")
        #expect(sheet.printTitleRows == "$3:$3")
        #expect(sheet.orientation == "landscape")
        #expect(sheet.paperSize == 9)
        #expect(sheet.fitToPage && sheet.fitToHeight == 0)
        #expect(sheet.footer?.contains("第 &amp;P 页，共 &amp;N 页") == true)
        #expect(sheet.ignoredNumberAsText == ["D4:D\(totalRow)", "E4:E\(totalRow)", "K4:K\(totalRow)"])
    }

    @Test func summarySheetCountsEachTierPerClass() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 6, otherRows: 0, returnedRows: [0])
        let path = folder.file("r.xlsx")
        try RegisterBook.write(result, to: path)
        let sheet = try #require(try XLSXReadBack.read(path).sheet("汇总"))
        #expect(sheet.text(2, 3) == "特别困难\n人数")
        #expect(sheet.text(2, 4) == "特别困难\n金额")
        let order = RosterOrder.accepted(result)
        for (position, group) in order.groups.enumerated() {
            let row = 3 + position
            #expect(sheet.text(row, 2) == group.className)
            let members = order.rows[group.rows].map { result.applicants[$0] }
            for (tier, spec) in result.policy.tiers.enumerated() {
                let inTier = members.filter { $0.value(.level) == spec.level }
                #expect(sheet.cell(row, 3 + tier * 2)?.number == Double(inTier.count))
                #expect(sheet.cell(row, 4 + tier * 2)?.number == Double(inTier.count) * spec.amount.yuanForDisplay)
            }
            #expect(sheet.cell(row, 9)?.number == Double(members.count))
        }
        let totalRow = 3 + order.groups.count
        #expect(sheet.text(totalRow, 0) == "合计")
        #expect(sheet.cell(totalRow, 9)?.number == Double(result.accepted.count))
        #expect(sheet.cell(totalRow, 10)?.number == Fixture.acceptedTotal(result).yuanForDisplay)
        #expect(sheet.cell(totalRow, 10)?.formula == "=SUM(K4:K\(totalRow))")
        #expect(sheet.text(2, 9) == "合计\n人数")
        #expect(sheet.text(totalRow + 2, 0) == "资助标准：特别困难 1,500.00 元/人，困难 1,150.00 元/人，一般困难 800.00 元/人。")
    }

    @Test func summaryChartsDrawEachTierPerClassOnTheTablesPage() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 6, otherRows: 0, returnedRows: [0])
        let path = folder.file("r.xlsx")
        try RegisterBook.write(result, to: path)
        let sheet = try #require(try XLSXReadBack.read(path).sheet("汇总"))
        #expect(sheet.charts.map(\.title) == ["各班受助人数（按档次）", "各班发放金额（按档次）"])
        let levels = result.policy.tiers.map(\.level)
        for chart in sheet.charts {
            #expect(chart.kind == "col" && chart.grouping == "stacked")
            #expect(chart.categoryAxisTitle == "班级")
            #expect(chart.seriesNames == levels)
            #expect(chart.categories.allSatisfy { $0 == "'汇总'!$C$4:$C$6" })
            #expect(chart.fonts == ["宋体"])
        }
        #expect(sheet.charts[0].values.first == "'汇总'!$D$4:$D$6" && sheet.charts[1].values.first == "'汇总'!$E$4:$E$6")
        // Below the signatures (合计 on row 7, 大写 8, 标准 9, signatures 11), one page with its table.
        #expect(sheet.charts[0].anchorRow == 12 && sheet.charts[1].anchorRow > sheet.charts[0].anchorRow + 15)
        #expect(sheet.fitToPage && (sheet.fitToHeight ?? 1) == 1)  // 1 is the default, left out of the XML
    }

    @Test func rowsBeyondASheetContinueOnFurtherSheets() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 0, returnedRows: [])
        let path = folder.file("split.xlsx")
        _ = try RegisterBook.write(result, order: .accepted(result), amounts: AmountTable(result), toPath: path, fillDate: nil,
                                   temporaryDirectory: nil, rowsPerSheet: 5)
        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["花名册", "花名册（2）", "花名册（3）", "汇总"])
        let first = try #require(book.sheet("花名册"))
        let last = try #require(book.sheet("花名册（3）"))
        #expect(first.text(8, 0) == "本表小计")
        #expect(first.cell(8, 1)?.number == 5)
        #expect(first.cell(8, 9)?.formula == "=SUM(J4:J8)")
        #expect(try #require(book.sheet("花名册（2）")).cell(3, 0)?.number == 6)   // 序号 runs on
        #expect(last.cell(3, 0)?.number == 11)
        #expect(last.text(5, 0) == "合计")
        #expect(last.cell(5, 1)?.number == 12)
        let total = Fixture.acceptedTotal(result).yuanForDisplay
        #expect(last.cell(5, 9)?.formula == "=SUM('花名册'!J4:J8,'花名册（2）'!J4:J8,'花名册（3）'!J4:J5)")
        #expect(last.cell(5, 9)?.number == total)
        #expect(last.printTitleRows == "$3:$3")
    }

    /// The XML of each worksheet of a workbook, by part name (a workbook's timestamps differ from file to file).
    static func sheetParts(_ path: String) throws -> [String: String] {
        let script = """
            import sys, zipfile, json
            with zipfile.ZipFile(sys.argv[1]) as z:
                print(json.dumps({n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/") and n.endswith(".xml")}))
            """
        return try JSONDecoder().decode([String: String].self, from: XLSXReadBack.runPython(script, arguments: [path]))
    }

    /// Rows of five classes in scrambled order, one class all returned; bad IDs, a card two rows share, and names
    /// the GBK bank template cannot carry (the streamed row-wise check).
    static func validatedRound() -> ApplicantBuilder {
        var round = ApplicantBuilder()
        round.file("各班.csv")
        round.rows(60) { i in
            var values = ["班级": ["高二(10)班", "高一(3)班", "高二(2)班", "高一(1)班", "高三(1)班"][i % 5]]
            if i % 5 == 4 { values["身份证号"] = "370102201005121231" }  // 高三(1)班: every row returned
            if i % 11 == 3 { values["姓名"] = "王䶮"; values["持卡人"] = "王䶮" }
            if i == 7 || i == 22 { values["银行卡号"] = ApplicantBuilder.card(serial: 5) }
            return values
        }
        return round
    }

    @Test func writtenWhileTheRowRulesRunItIsTheRegisterOfTheDecidedRound() throws {
        let folder = try TemporaryFolder()
        let round = RegisterBookTests.validatedRound()
        let validator = Validator(policy: .default, additionalChecks: [BankTemplateCheck(template: try BankTemplate.named("generic"))])
        let expected = validator.run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(expected.summary.returned > 12 && expected.summary.accepted > 30)
        #expect(expected.findings.contains { $0.code == .bankValueUnwritable })

        let order = OrderOfEveryRow()
        let validation = validator.start(inputs: round.inputs, applicants: round.applicants, importFindings: [],
                                         writesMeanwhile: true, rowOrder: order.compute)
        let streamed = folder.file("streamed.xlsx")
        let decided = try RegisterBook.write(validation, order: order.value, to: streamed,
                                             fillDate: CivilDate(year: 2026, month: 9, day: 20))
        #expect(decided.isReturned == expected.isReturned)
        #expect(decided.summary == expected.summary)
        // The rows were given away before the workbook was closed (freed on the other core).
        #expect(validation.applicants.isEmpty)
        let fromResult = folder.file("from-result.xlsx")
        try RegisterBook.write(expected, to: fromResult, fillDate: CivilDate(year: 2026, month: 9, day: 20))
        let parts = try RegisterBookTests.sheetParts(streamed)
        #expect(parts["xl/worksheets/sheet1.xml"] != nil && parts["xl/worksheets/sheet2.xml"] != nil)
        #expect(parts == (try RegisterBookTests.sheetParts(fromResult)))
        // The 汇总 has no line for the class that went back whole.
        let summary = try #require(try XLSXReadBack.read(streamed).sheet("汇总"))
        #expect(!(3..<12).map { summary.text($0, 2) }.contains("高三(1)班"))
        #expect(summary.cell(3, 0)?.number == 1)
    }

    @Test func sheetsFilledAsRowsAreDecidedMatchSheetsOfTheAcceptedRows() throws {
        let folder = try TemporaryFolder()
        let round = RegisterBookTests.validatedRound()
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let accepted = result.summary.accepted
        #expect(accepted > 30 && result.summary.returned > 12)
        let everyone = RosterOrder(every: result.applicants)
        // The last sheet exactly full (it still takes the 合计, and no empty sheet follows), one row over, and more.
        for rowsPerSheet in [accepted, accepted - 1, accepted / 3, 4] {
            let filtering = folder.file("filtering-\(rowsPerSheet).xlsx")
            let written = try RegisterBook.write(applicants: result.applicants, policy: result.policy, order: everyone,
                                                 isReturned: { result.isReturned[everyone.rows[$0]] },
                                                 amounts: AmountTable(result), toPath: filtering, fillDate: nil,
                                                 temporaryDirectory: nil, rowsPerSheet: rowsPerSheet)
            #expect(written == RosterOrder.accepted(result).rows)
            let fromAccepted = folder.file("accepted-\(rowsPerSheet).xlsx")
            _ = try RegisterBook.write(result, order: .accepted(result), amounts: AmountTable(result), toPath: fromAccepted,
                                       fillDate: nil, temporaryDirectory: nil, rowsPerSheet: rowsPerSheet)
            let parts = try RegisterBookTests.sheetParts(filtering)
            #expect(parts == (try RegisterBookTests.sheetParts(fromAccepted)))
            let sheets = (accepted + rowsPerSheet - 1) / rowsPerSheet + 1
            #expect(parts["xl/worksheets/sheet\(sheets).xml"] != nil && parts["xl/worksheets/sheet\(sheets + 1).xml"] == nil)
        }
    }

    @Test func anEmptyRoundStillWritesTheForm() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 1, perClass: 2, otherRows: 0, returnedRows: [0, 1])
        let path = folder.file("empty.xlsx")
        try RegisterBook.write(result, to: path)
        let sheet = try #require(try XLSXReadBack.read(path).sheet("花名册"))
        #expect(sheet.text(3, 0) == "合计")
        #expect(sheet.cell(3, 1)?.number == 0)
        #expect(sheet.text(3, 2) == "大写：人民币零元整")
    }

    @Test func anUnwritableFolderIsAClearErrorAndLeavesNothing() throws {
        let result = Fixture.round()
        let error = try #require(throws: ExportError.self) {
            try RegisterBook.write(result, to: "/nonexistent-zizhu/花名册.xlsx")
        }
        #expect(error.description.contains("/nonexistent-zizhu"))
    }
}
