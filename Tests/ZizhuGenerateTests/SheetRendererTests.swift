import Testing
import ZizhuCore
@testable import ZizhuGenerate

@Suite struct SheetRendererTests {
    func rows(_ count: Int, layout: SheetLayout, seed: UInt64 = 1) throws -> (SheetRenderer, [StudentRow]) {
        let facts = try PolicyFacts(.default)
        let factory = StudentFactory(facts: facts)
        var random = RandomSource(seed: seed)
        var registry = Registry()
        let style = SheetStyle(layout: layout, using: &random)
        let students = (0..<count).map { _ in factory.makeStudent(grade: 1, style: style, registry: &registry, using: &random) }
        let renderer = SheetRenderer(policy: .default, facts: facts, style: style, grade: "高二", className: "高二(3)班",
                                     teacher: "王老师")
        return (renderer, students)
    }

    @Test func lineBreakInsideACellMovesTheFollowingRecords() throws {
        var (renderer, students) = try rows(3, layout: .utf8CSV)
        students[0].cosmetic = .multilineAddress
        let sheet = renderer.render(students)
        #expect(sheet.headerLine == 1)
        #expect(sheet.rowLines == [2, 4, 5])
        #expect(sheet.text.contains("\"" + students[0].address + "\n（"))
    }

    @Test func cellsWithTheDelimiterOrQuotesAreQuoted() throws {
        var (renderer, students) = try rows(2, layout: .utf8CSV)
        students[0].cosmetic = .commaInAddress
        students[1].name = "王\"小\"明"
        let text = renderer.render(students).text
        #expect(text.contains("\"" + students[0].address + ",村委会东侧\""))
        #expect(text.contains("\"王\"\"小\"\"明\""))
    }

    @Test func titledLayoutPutsTheHeaderOnLineFourAndTotalsAfterTheData() throws {
        let (renderer, students) = try rows(5, layout: .gb18030TitledCSV)
        let sheet = renderer.render(students)
        let lines = sheet.text.components(separatedBy: "\r\n")
        #expect(sheet.headerLine == 4)
        #expect(sheet.rowLines == [5, 6, 7, 8, 9])
        #expect(lines[9].hasPrefix("合计,共5人,"))
        #expect(lines[10].hasPrefix("制表人：王老师"))
    }

    @Test func tabTextUsesTabsAndGroupsNothingElse() throws {
        var (renderer, students) = try rows(2, layout: .utf16TabText)
        students[0].cosmetic = .cardInGroups
        students[1].cosmetic = .fullWidthPhone
        let lines = renderer.render(students).text.components(separatedBy: "\r\n")
        #expect(lines[0].split(separator: "\t").count == 22)
        #expect(lines[1].contains(SheetRenderer.inGroupsOfFour(students[0].card)))
        #expect(lines[2].contains(SheetRenderer.fullWidth(students[1].phone)))
    }

    @Test func cosmeticHelpers() {
        #expect(SheetRenderer.inGroupsOfFour("6228480012345678901") == "6228 4800 1234 5678 901")
        #expect(SheetRenderer.fullWidth("138") == "１３８")
    }
}
