import Testing
@testable import ZizhuCore

@Suite struct CivilDateTests {
    @Test(arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (1900, 2, 29, false), (2010, 2, 30, false),
        (2010, 13, 1, false), (2010, 4, 31, false), (2010, 12, 31, true), (2010, 0, 1, false), (2010, 1, 0, false),
    ])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect(CivilDate.isValid(year: year, month: month, day: day) == valid)
        #expect((CivilDate(year: year, month: month, day: day) != nil) == valid)
    }

    @Test(arguments: ["2026-09-01", "2026/9/1", "2026.09.01", "2026年9月1日", "20260901", " 2026-9-01 "])
    func parses(text: String) {
        #expect(CivilDate(text) == CivilDate(year: 2026, month: 9, day: 1))
    }

    @Test(arguments: ["", "2026-02-30", "2026-9", "26-09-01", "202609011", "abc"])
    func rejects(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func age() throws {
        let birth = try #require(CivilDate(year: 2010, month: 9, day: 1))
        #expect(birth.age(on: try #require(CivilDate(year: 2026, month: 9, day: 1))) == 16)
        #expect(birth.age(on: try #require(CivilDate(year: 2026, month: 8, day: 31))) == 15)
        let leap = try #require(CivilDate(year: 2008, month: 2, day: 29))
        #expect(leap.age(on: try #require(CivilDate(year: 2026, month: 2, day: 28))) == 17)
        #expect(leap.age(on: try #require(CivilDate(year: 2026, month: 3, day: 1))) == 18)
    }

    @Test func weekdayAndOrder() throws {
        #expect(CivilDate(year: 2026, month: 9, day: 1)?.weekday == 2)  // Tuesday
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.weekday == 4)
        #expect(try #require(CivilDate("2010-05-12")) < (try #require(CivilDate("2010-05-13"))))
        #expect(CivilDate(year: 2010, month: 5, day: 2)?.description == "2010-05-02")
    }

    @Test func policyTermStart() {
        #expect(Policy.default.termStartDate == CivilDate(year: 2026, month: 9, day: 1))
    }
}
