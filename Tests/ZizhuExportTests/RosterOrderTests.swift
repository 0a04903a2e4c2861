import Testing
import ZizhuCore
@testable import ZizhuExport

@Suite struct RosterOrderTests {
    @Test func gradesAndClassesSortNaturallyAndRowsKeepInputOrder() {
        let result = Fixture.round(classes: 5, perClass: 2, otherRows: 2, returnedRows: [])
        let order = RosterOrder.accepted(result)
        #expect(order.groups.map(\.label) == ["高一(1)班", "高一(3)班", "高二(2)班", "高二(10)班", "高三(1)班"])
        // The 补报名单 rows (class "(1)班", grade 高一) join 高一(1)班 after that class's own rows.
        let first = order.groups[0]
        #expect(first.rows.count == 4)
        let lines = order.rows[first.rows].map { result.applicants[$0].line }
        #expect(lines == [8, 9, 2, 3])
        #expect(Set(order.rows).count == result.applicants.count)
    }

    /// Rows of a class need not come together: every row comes once, in its class, and in input order there.
    @Test func classesThatInterleaveKeepEachClassInInputOrder() {
        let round = Fixture.round(classes: 10, perClass: 3, otherRows: 3, returnedRows: [])
        // Deal the rows out like cards (row 0, 3, 6, … then 1, 4, 7, …) so that classes alternate and repeat.
        var applicants: [Applicant] = []
        for start in 0..<3 {
            for row in stride(from: start, to: round.applicants.count, by: 3) { applicants.append(round.applicants[row]) }
        }
        for position in applicants.indices { applicants[position].index = position }
        let order = RosterOrder(every: applicants)
        #expect(order.rows.sorted() == Array(applicants.indices))
        #expect(order.groups.map(\.label) == ["高一(1)班", "高一(3)班", "高二(2)班", "高二(10)班", "高三(1)班"])
        for group in order.groups {
            let rows = Array(order.rows[group.rows])
            #expect(rows == rows.sorted())
            #expect(rows.allSatisfy {
                RosterOrder.classLabel(grade: applicants[$0].value(.grade), className: applicants[$0].value(.className))
                    == group.label
            })
        }
        #expect(order.groups.map(\.rows.count) == [9, 6, 6, 6, 6])
    }

    @Test func everyListIsAPartOfTheOrderOfEveryRow() {
        let result = Fixture.round(classes: 5, perClass: 2, otherRows: 2, returnedRows: [0, 1, 4])
        let everyone = RosterOrder(every: result.applicants)
        let accepted = RosterOrder.accepted(result)
        let returned = RosterOrder.returned(result)
        #expect(accepted.rows == everyone.rows.filter { !result.isReturned[$0] })
        #expect(returned.rows == everyone.rows.filter { result.isReturned[$0] })
        // A class whose rows all went back is left out of the accepted list, and only there.
        let emptied = Set(everyone.groups.map(\.label)).subtracting(accepted.groups.map(\.label))
        #expect(!emptied.isEmpty)
        #expect(emptied.isSubset(of: Set(returned.groups.map(\.label))))
        for order in [accepted, returned] {
            #expect(order.groups.map(\.label) == everyone.groups.map(\.label).filter { label in
                order.groups.contains { $0.label == label }
            })
            #expect(order.groups.allSatisfy { !$0.rows.isEmpty })
            #expect(order.groups.map(\.rows.count).reduce(0, +) == order.rows.count)
            for group in order.groups {
                #expect(order.rows[group.rows].allSatisfy { everyone.rows[everyone.groups.first { $0.label == group.label }!.rows].contains($0) })
            }
        }
    }

    @Test(arguments: [
        ("高一", "高二"), ("高二", "高三"), ("初三", "高一"), ("2班", "10班"), ("高一(2)班", "高一(10)班"),
        ("九年级", "十年级"), ("十一班", "十二班"), ("二十班", "二十一班"), ("３班", "12班"), ("高一", ""),
    ])
    func naturalKeys(smaller: String, larger: String) {
        #expect(NaturalKey(smaller) < NaturalKey(larger))
        #expect(!(NaturalKey(larger) < NaturalKey(smaller)))
    }

    @Test func classLabels() {
        #expect(RosterOrder.classLabel(grade: "高一", className: "高一(1)班") == "高一(1)班")
        #expect(RosterOrder.classLabel(grade: "高一", className: "1班") == "高一1班")
        #expect(RosterOrder.classLabel(grade: "", className: "") == "未填班级")
        #expect(RosterOrder.classLabel(grade: "高二", className: "") == "高二")
    }
}

@Suite struct AmountTableTests {
    /// The table holds what Money.parse gives for each row.
    @Test(arguments: ["1150", "1150.5", "312.50", "0", "0.05", ".5", "1500.", "000800.00", "999999999999999",
                      "1,150.00", "¥800", " 800 ", "800元", "1.234", "12..5", "", "一千", "-5", "9999999999999999"])
    func matchesMoneyParse(text: String) {
        let parsed = try? Money.parse(text).get()
        let layout = ColumnLayout(file: "a.csv", headers: ["资助金额"], headerLine: 1, columns: [.amount: 0])
        let result = RoundResult(policy: .default, inputs: [], applicants: [Applicant(layout: layout, line: 2, index: 0, cells: [text])],
                                 findings: [], isReturned: [false], summary: Summary())
        #expect(AmountTable(result)[0] == parsed)
    }

    /// sameBytes answers as byte equality of the UTF-8 for small (inline) and large strings, ASCII and not,
    /// and for canonically equal text spelled differently (not the same bytes).
    @Test func sameBytesIsByteEquality() {
        let long = String(repeating: "高一(1)班", count: 4)
        let samples = ["", "a", "高一(1)班", "高一(2)班", "高二(1)班", long, long + "x", String(long.dropLast()) + "班",
                       "特别困难", "困难", "\u{E9}", "e\u{301}", "中国农业银行股份有限公司"]
        for a in samples {
            for b in samples {
                #expect(sameBytes(a, b) == Array(a.utf8).elementsEqual(Array(b.utf8)), "\(a) / \(b)")
            }
            // A copy in other storage (not shared with `a`) compares equal too.
            #expect(sameBytes(a, String(decoding: Array(a.utf8), as: UTF8.self)))
        }
    }
}
