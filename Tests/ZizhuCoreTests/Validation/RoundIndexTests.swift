import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct RoundIndexTests {
    @Test func groupingFindsExactlyTheRepeatedKeys() {
        let rows = 20_000
        var grouping = Grouping(rows: rows)
        // Keys 0..<rows/2, each twice, and a few three times; key 0 is a valid key.
        for row in 0..<rows { grouping.add(UInt64(row % (rows / 2)), row: row) }
        let groups = grouping.groups
        #expect(groups.count == rows / 2)
        #expect(groups.allSatisfy { $0.count == 2 && $0[1] == $0[0] + rows / 2 })
        #expect(groups.first == [0, rows / 2])
    }

    @Test func singletonsAreNoGroup() {
        var grouping = Grouping(rows: 100)
        for row in 0..<100 { grouping.add(UInt64(row) &* 0x9E37_79B9_7F4A_7C15, row: row) }
        #expect(grouping.groups.isEmpty)
    }

    @Test func emptyRound() {
        var grouping = Grouping(rows: 0)
        grouping.add(1, row: 0)
        #expect(grouping.groups.isEmpty)
    }

    @Test func splitKeepsOnlyRealRepeats() {
        let values = ["a", "b", "a", "c", "b", "d"]
        #expect(RoundContext.split(Array(0..<6), by: { values[$0] }) == [[0, 2], [1, 4]])
        #expect(RoundContext.split([0, 3, 5], by: { values[$0] }).isEmpty)
    }

    @Test(arguments: [("13912345678", "13912345678"), ("+86 139 1234 5678", "13912345678"), ("0531-12345678", "053112345678")])
    func phoneKeys(text: String, same: String) {
        #expect(RoundIndex.phoneKey(text) == RoundIndex.phoneKey(same))
        #expect(RoundIndex.phoneKey(text) != nil)
    }

    @Test func shortPhonesHaveNoKey() {
        #expect(RoundIndex.phoneKey("无") == nil)
        #expect(RoundIndex.phoneKey("123456") == nil)
    }

    @Test func classNamesJoinGradeAndClass() {
        let layout = ApplicantBuilder.layout(file: "x.csv", headers: ["年级", "班级"])
        func name(_ grade: String, _ className: String) -> String {
            RoundIndex.className(of: Applicant(layout: layout, line: 2, index: 0, cells: [grade, className]))
        }
        #expect(name("高一", "(1)班") == "高一(1)班")
        #expect(name("高一", "高一(1)班") == "高一(1)班")
        #expect(name("", "1班") == "1班")
        #expect(name("高一", "") == "")
    }
}
