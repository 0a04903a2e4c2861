import Testing
@testable import ZizhuGenerate

@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTrip() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        for day in stride(from: -40_000, to: 40_000, by: 37) {
            #expect(CivilDate(dayNumber: day).dayNumber == day)
        }
    }

    @Test func parsesISODates() {
        #expect(CivilDate(iso: "2026-09-01") == CivilDate(year: 2026, month: 9, day: 1))
        #expect(CivilDate(iso: "2026-02-30") == nil)
        #expect(CivilDate(iso: "2026/09/01") == nil)
    }

    @Test func agesCountCompletedYears() {
        let term = CivilDate(year: 2026, month: 9, day: 1)
        #expect(CivilDate(year: 2010, month: 9, day: 1).age(on: term) == 16)
        #expect(CivilDate(year: 2010, month: 9, day: 2).age(on: term) == 15)
    }

    @Test func leapDayBecomesTwentyEighth() {
        #expect(CivilDate(year: 2024, month: 2, day: 29).addingYears(-1) == CivilDate(year: 2023, month: 2, day: 28))
        #expect(CivilDate.isLeap(2000) && !CivilDate.isLeap(1900))
    }

    @Test func compactFormIsEightDigits() {
        #expect(CivilDate(year: 2009, month: 3, day: 7).compact == "20090307")
    }
}
