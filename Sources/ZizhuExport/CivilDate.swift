import Foundation

/// A calendar date without a time or a time zone (公示 dates, 填表日期). Arithmetic runs on day numbers
/// (days since 1970-01-01, proleptic Gregorian), so no time zone or daylight-saving rule can shift a day.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYY-M-D`); throws a message that quotes the text.
    public init(parsing text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[0].count == 4, let date = CivilDate(year: y, month: m, day: d) else {
            throw ExportError.invalidDate(text)
        }
        self = date
    }

    /// Today in the machine's time zone (the clerk's calendar).
    public static func today() -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(dayNumber: 0)
    }

    /// `2026-09-14`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `2026年9月14日`, as Chinese notices print dates.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let remainder = (dayNumber + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The period a public notice stays up.
///
/// Rule: a day is a working day when it is Monday to Friday and not in the policy's `holidays`, or when it is
/// in `extraWorkdays` (调休: a weekend day worked). The notice goes up on `start`; the period covers
/// `workingDays` working days counted from `start` itself when `start` is a working day, otherwise from the
/// next working day, and ends on the last of them. Example: start Monday 2026-09-14, 5 working days →
/// ends Friday 2026-09-18.
public struct NoticePeriod: Sendable, Equatable {
    public let start: CivilDate
    public let end: CivilDate
    public let workingDays: Int

    public init(start: CivilDate, workingDays: Int, holidays: Set<CivilDate>, extraWorkdays: Set<CivilDate>) {
        self.start = start
        self.workingDays = max(1, workingDays)
        var day = start
        var counted = 0
        while true {
            if NoticePeriod.isWorkingDay(day, holidays: holidays, extraWorkdays: extraWorkdays) {
                counted += 1
                if counted == self.workingDays { break }
            }
            day = day.adding(days: 1)
        }
        end = day
    }

    /// With the policy's holiday lists (dates that do not parse are reported, not skipped silently).
    public init(start: CivilDate, workingDays: Int, holidays: [String], extraWorkdays: [String]) throws {
        self.init(start: start, workingDays: workingDays,
                  holidays: Set(try holidays.map(CivilDate.init(parsing:))),
                  extraWorkdays: Set(try extraWorkdays.map(CivilDate.init(parsing:))))
    }

    public static func isWorkingDay(_ day: CivilDate, holidays: Set<CivilDate>, extraWorkdays: Set<CivilDate>) -> Bool {
        if extraWorkdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return day.isoWeekday <= 5
    }

    /// `2026年9月14日至2026年9月18日（5个工作日）`.
    public var chinese: String { "\(start.chinese)至\(end.chinese)（\(workingDays)个工作日）" }
}
