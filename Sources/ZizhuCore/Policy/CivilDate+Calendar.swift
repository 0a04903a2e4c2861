import Foundation

extension CivilDate {
    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `years` later (or earlier); 29 February becomes 28 February in other years.
    public func addingYears(_ years: Int) -> CivilDate {
        let target = year + years
        let lastDay = CivilDate.daysInMonth(year: target, month: month)
        return CivilDate(year: target, month: month, day: min(day, lastDay)) ?? self
    }

    /// `20090307`, as the birth date inside an ID number.
    public var compact: String { description.replacingOccurrences(of: "-", with: "") }

    /// `2026年9月14日`, as Chinese notices print dates.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Today in the machine's time zone (the clerk's calendar).
    public static func today() -> CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
    }
}
