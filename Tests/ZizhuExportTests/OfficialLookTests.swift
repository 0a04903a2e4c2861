import Testing
import ZizhuTestSupport
import ZizhuXLSX
@testable import ZizhuExport

@Suite struct OfficialLookTests {
    @Test func columnsFitTheWidestValueOfEveryRowNotOnlyTheFirstOnes() {
        let long = "中国农业银行股份有限公司济南历城支行营业部"
        let widths = Official.widths(headers: ["序号", "开户行"], values: { row in
            [String(row + 1), row == 2_500 ? long : "中国农业银行"]
        }, count: 3_000, maximum: 60)
        #expect(widths[1] == Double(DisplayWidth.of(long) + 2))
        #expect(widths[0] == Double(DisplayWidth.of("序号") + 2))
        let capped = Official.widths(headers: ["开户行"], values: { _ in [long + long] }, count: 1, maximum: 40)
        #expect(capped == [40])
    }

    @Test func aLongSchoolNameWrapsInATallerTitle() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("title.xlsx")
        let workbook = try Workbook(path: path, options: WorkbookOptions(constantMemory: true))
        let formats = try OfficialFormats(workbook)
        let short = try workbook.addWorksheet(named: "短")
        try Official.writeTitle("一中2026年秋季学期花名册", on: short, widths: [10, 20, 20], format: formats.title)
        let long = try workbook.addWorksheet(named: "长")
        try Official.writeTitle("某某自治州某某县某某镇九年一贯制学校（含教学点）2026年秋季学期义务教育家庭经济困难学生生活补助发放花名册",
                                on: long, widths: [10, 20, 20], format: formats.title)
        try workbook.close()
        let book = try XLSXReadBack.read(path)
        let shortSheet = try #require(book.sheet("短"))
        let longSheet = try #require(book.sheet("长"))
        #expect(shortSheet.titleHeight == 36 && shortSheet.titleWraps)
        #expect((longSheet.titleHeight ?? 0) >= 26 * 3 && longSheet.titleWraps)
        #expect(longSheet.merges == ["A1:C1"])
    }
}
