import Testing
@testable import ZizhuExport

@Suite struct CivilDateParsingTests {
    @Test func parsesDateOptions() throws {
        let date = try CivilDate(parsing: "2026-09-14")
        #expect(date.description == "2026-09-14")
        #expect(date.chinese == "2026年9月14日")
        #expect(try CivilDate(parsing: "2026-9-4").description == "2026-09-04")
        #expect(try CivilDate(parsing: " 2026年9月14日 ") == date)
        for bad in ["2026-02-30", "26-09-14", "", "2026-13-01", "abcd-ef-gh", "14/09/2026"] {
            #expect(throws: ExportError.self) { try CivilDate(parsing: bad) }
        }
        #expect(date.weekday == 1)   // a Monday
    }
}

@Suite struct NoticePeriodTests {
    static let holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"]
    static let extra = ["2026-09-27", "2026-10-10"]

    /// The rule: the start day counts when it is a working day; weekends and holidays are skipped; 调休
    /// weekend days count.
    @Test(arguments: [
        ("2026-09-14", 5, "2026-09-18"),   // Monday → Friday
        ("2026-09-16", 5, "2026-09-22"),   // Wednesday → next Tuesday, weekend skipped
        ("2026-09-12", 5, "2026-09-18"),   // a Saturday start counts from Monday
        ("2026-09-24", 5, "2026-09-29"),   // 24, 25, Sunday 27 (调休), 28, 29
        ("2026-09-28", 5, "2026-10-10"),   // 28, 29, 30 Sep; holiday week; Saturday 10 Oct worked
        ("2026-10-01", 5, "2026-10-14"),   // starting on a holiday: 9, Saturday 10 (调休), 12, 13, 14
        ("2026-09-14", 1, "2026-09-14"),
    ])
    func endDates(start: String, days: Int, end: String) throws {
        let period = try NoticePeriod(start: CivilDate(parsing: start), workingDays: days,
                                      holidays: Self.holidays, extraWorkdays: Self.extra)
        #expect(period.end.description == end)
    }

    @Test func textAndBadHolidays() throws {
        let period = try NoticePeriod(start: CivilDate(parsing: "2026-09-14"), workingDays: 5, holidays: [],
                                      extraWorkdays: [])
        #expect(period.chinese == "2026年9月14日至2026年9月18日（5个工作日）")
        #expect(throws: ExportError.self) {
            _ = try NoticePeriod(start: CivilDate(parsing: "2026-09-14"), workingDays: 5, holidays: ["十月一日"],
                                 extraWorkdays: [])
        }
    }
}
