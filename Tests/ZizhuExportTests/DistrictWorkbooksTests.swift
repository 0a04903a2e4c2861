import Testing
import ZizhuArchive
import ZizhuCore
@testable import ZizhuExport
import ZizhuTestSupport

@Suite struct DistrictWorkbooksTests {
    static let schools = [School(code: "0012", name: "示例县第一中学"), School(code: "S002", name: "示例县第二中学")]

    static func round(_ id: String, _ school: String, _ state: RoundState, rows: Int, accepted: Int, amount: String,
                      submittedAt: String = "2026-11-10T09:00:00+08:00", reason: String = "") -> StoredRound {
        StoredRound(id: id, createdAt: submittedAt, label: "高一(1)班", policyName: "默认政策", rows: rows,
                    accepted: accepted, returned: rows - accepted, errors: rows - accepted, warnings: 0,
                    amountIn: amount, amountAccepted: amount, amountReturned: "0.00", schoolCode: school,
                    program: "普通高中国家助学金", term: "秋季学期", year: 2026, overAge: 1, enrolled: 40,
                    state: state, reason: reason, changedAt: "2026-11-20T10:00:00+08:00", submittedAt: submittedAt)
    }

    static let rounds = [round("a", "0012", .approved, rows: 20, accepted: 18, amount: "18000.50"),
                         round("b", "S002", .returned, rows: 10, accepted: 10, amount: "10000.00", reason: "缺少证明材料")]
    static let findings = [FindingCount(roundID: "a", code: "card-luhn", severity: "error", count: 2)]

    @Test func theSummaryHasATableAChartBesideItAndTheCodes() throws {
        let folder = try TemporaryFolder()
        let path = folder.file(DistrictWorkbooks.summaryFileName)
        let summary = DistrictSummary(period: DistrictPeriod(term: "秋季学期", year: 2026), schools: Self.schools,
                                      rounds: Self.rounds, findings: Self.findings)
        try DistrictWorkbooks.writeSummary(summary, to: path, district: "示例县学生资助管理中心",
                                           generatedAt: "2026-12-07T10:00:00+08:00")
        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["汇总", "问题"])
        let sheet = try #require(book.sheet("汇总"))
        #expect(sheet.text(0, 0) == "示例县学生资助管理中心2026年秋季学期学生资助汇总表")
        #expect(sheet.rowTexts(2).prefix(4) == ["序号", "学校代码", "学校", "已提交"])
        #expect(sheet.cell(3, 1)?.type == "s" && sheet.text(3, 1) == "0012")
        let amountColumn = try #require(sheet.rowTexts(2).firstIndex(of: "通过金额（元）"))
        #expect(sheet.cell(3, amountColumn)?.number == 18000.5)
        #expect(sheet.text(4, 3) == "0" && sheet.text(4, 4) == "1")
        #expect(sheet.text(5, 0) == "合计")
        #expect(sheet.cell(5, amountColumn)?.number == 18000.5)
        let coverageColumn = try #require(sheet.rowTexts(2).firstIndex(of: "覆盖率"))
        #expect(sheet.cell(3, coverageColumn)?.number == 0.45 && sheet.cell(3, coverageColumn)?.numberFormat == "0.0%")
        #expect(sheet.text(4, coverageColumn) == "—")
        let chart = try #require(sheet.charts.first)
        #expect(chart.kind == "bar" && chart.title == "各校通过金额（元）" && chart.categoryAxisTitle == "学校")
        #expect(chart.categories == ["'汇总'!$C$4:$C$5"])
        #expect(chart.anchorRow == 7)
        #expect(sheet.orientation == "landscape" && sheet.paperSize == 9 && sheet.printTitleRows == "$3:$3")
        let codes = try #require(book.sheet("问题"))
        #expect(codes.text(3, 1) == "card-luhn" && codes.text(3, 3) == "2" && codes.text(3, 5) == "示例县第一中学")
        #expect(codes.charts.count == 1)
    }

    @Test func theBulletinListsTheMonthTheReturnedRoundAndTheSilentSchools() throws {
        let folder = try TemporaryFolder()
        let path = folder.file(DistrictWorkbooks.bulletinFileName)
        let schools = Self.schools + [School(code: "S003", name: "示例县第三中学")]
        let bulletin = DistrictBulletin(month: "2026-11", deadline: "2026-11-05", schools: schools, rounds: Self.rounds,
                                        findings: Self.findings)
        try DistrictWorkbooks.writeBulletin(bulletin, to: path, district: "示例县学生资助管理中心",
                                            generatedAt: "2026-12-01T08:00:00+08:00")
        let book = try XLSXReadBack.read(path)
        #expect(book.sheets.map(\.name) == ["通报", "逾期与退回", "主要问题"])
        let sheet = try #require(book.sheet("通报"))
        #expect(sheet.text(0, 0) == "示例县学生资助管理中心2026年11月学生资助工作通报")
        let overview = sheet.text(1, 0)
        #expect(overview.contains("本月共有 2 所学校报送 2 轮") && overview.contains("退回 1 轮"))
        #expect(overview.contains("逾期）2 轮") && overview.contains("示例县第三中学"))
        #expect(overview.contains("card-luhn（2 次"))
        #expect(sheet.rowTexts(2)[3...5] == ["本月报送", "本月退回", "逾期"])
        #expect(sheet.charts.first?.title == "各校每百行错误数")
        let notes = try #require(book.sheet("逾期与退回"))
        #expect(notes.cells.contains { $0.text == "缺少证明材料" })
        #expect(notes.cells.contains { $0.text?.hasPrefix("逾期报送（2026-11-05 之后提交）") == true })
    }
}
