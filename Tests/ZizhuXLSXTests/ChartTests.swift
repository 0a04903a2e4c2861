import Testing
import ZizhuTestSupport
@testable import ZizhuXLSX

@Suite struct ChartTests {
    static func schools(_ sheet: Worksheet) throws {
        for (row, (name, amount)) in [("第一中学", 100.0), ("第二中学", 250.5), ("第三中学", 0.0)].enumerated() {
            try sheet.write(name, row: row, column: 0)
            try sheet.write(amount, row: row, column: 1)
        }
    }

    @Test func chartsNameTheirAxesAndDrawTheSheetsCells() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("charts.xlsx")
        let workbook = try Workbook(path: path, options: WorkbookOptions(constantMemory: false))
        let sheet = try workbook.addWorksheet(named: "汇总")
        try Self.schools(sheet)
        let series = Chart.Series(name: "金额", sheet: "汇总", categories: .column(0, rows: 0...2),
                                  values: .column(1, rows: 0...2), color: 0x8B1A1A)
        var bar = Chart(kind: .bar, title: "各校金额", categoryAxisTitle: "学校", valueAxisTitle: "金额（元）",
                        series: [series])
        bar.valueFormat = "#,##0"
        try sheet.insert(bar, row: 4, column: 1)
        let second = Chart.Series(name: "人数", sheet: "汇总", categories: .column(0, rows: 0...2),
                                  values: .column(1, rows: 0...2))
        try sheet.insert(Chart(kind: .stackedColumn, title: "各校人数", categoryAxisTitle: "学校", valueAxisTitle: "人数",
                               series: [series, second]), row: 24, column: 0)
        try workbook.close()

        let read = try #require(try XLSXReadBack.read(path).sheet("汇总"))
        #expect(read.charts.count == 2)
        let drawnBar = try #require(read.charts.first)
        #expect(drawnBar.kind == "bar")
        #expect(drawnBar.title == "各校金额")
        // A bar chart's categories run down the vertical axis: the titles must follow them, not the position.
        #expect(drawnBar.categoryAxisTitle == "学校")
        #expect(drawnBar.valueAxisTitle == "金额（元）")
        #expect(drawnBar.categories == ["'汇总'!$A$1:$A$3"])
        #expect(drawnBar.values == ["'汇总'!$B$1:$B$3"])
        #expect(drawnBar.seriesNames == ["金额"])
        #expect(drawnBar.fonts == ["宋体"])
        #expect(drawnBar.anchorRow == 4 && drawnBar.anchorColumn == 1)
        let columns = try #require(read.charts.last)
        #expect(columns.kind == "col" && columns.grouping == "stacked")
        #expect(columns.categoryAxisTitle == "学校" && columns.valueAxisTitle == "人数")
        #expect(columns.seriesNames == ["金额", "人数"])
        #expect(columns.anchorRow == 24)
    }

    @Test func aChartWithoutSeriesIsRefused() throws {
        let folder = try TemporaryFolder()
        let workbook = try Workbook(path: folder.file("empty.xlsx"), options: WorkbookOptions(constantMemory: false))
        let sheet = try workbook.addWorksheet(named: "汇总")
        #expect(throws: XLSXError.self) { try sheet.insert(Chart(kind: .bar, title: "空", series: []), row: 0, column: 0) }
    }

    @Test func aChartOutsideTheSheetIsRefused() throws {
        let folder = try TemporaryFolder()
        let workbook = try Workbook(path: folder.file("far.xlsx"), options: WorkbookOptions(constantMemory: false))
        let sheet = try workbook.addWorksheet(named: "汇总")
        let series = Chart.Series(name: "金额", sheet: "汇总", categories: .column(0, rows: 0...2),
                                  values: .column(1, rows: 0...2))
        #expect(throws: XLSXError.self) {
            try sheet.insert(Chart(kind: .column, title: "远", series: [series]), row: Worksheet.maximumRows, column: 0)
        }
    }
}
