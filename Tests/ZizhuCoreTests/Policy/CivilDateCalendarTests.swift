import Testing
@testable import ZizhuCore

@Suite struct CivilDateCalendarTests {
    @Test func dayNumbersRoundTrip() throws {
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).daysSinceEpoch == 0)
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
        for day in stride(from: -40_000, through: 40_000, by: 37) {
            #expect(CivilDate(daysSinceEpoch: day).daysSinceEpoch == day)
        }
    }

    @Test func arithmetic() throws {
        let leapDay = try #require(CivilDate(year: 2024, month: 2, day: 29))
        #expect(leapDay.adding(days: 1).description == "2024-03-01")
        #expect(leapDay.addingYears(-1).description == "2023-02-28")
        #expect(leapDay.addingYears(4) == leapDay.adding(days: 1461))
        #expect(try #require(CivilDate(year: 2009, month: 3, day: 7)).compact == "20090307")
        #expect(try #require(CivilDate(year: 2026, month: 9, day: 14)).chinese == "2026年9月14日")
        #expect(try #require(CivilDate(year: 2026, month: 9, day: 14)).weekday == 1)  // a Monday
    }
}
