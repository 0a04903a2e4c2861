/// A calendar date without time or zone (proleptic Gregorian): birth dates, the term start, holidays.
/// Dates are data here, so they are plain numbers, never `Date` with its time zone surprises.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A real date, or nil (month 13, 30 February, year 0 …).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-09-01`, `2026/9/1`, `2026.09.01`, `2026年9月1日` or `20260901`; nil when it is not a real date.
    public init?(_ text: String) {
        var groups: [Int] = []
        var digitsInGroup: [Int] = []
        var current = 0
        var count = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                guard count < 8 else { return nil }
                current = current * 10 + Int(byte - 48)
                count += 1
            } else if count > 0 {
                groups.append(current)
                digitsInGroup.append(count)
                current = 0
                count = 0
            }
        }
        if count > 0 {
            groups.append(current)
            digitsInGroup.append(count)
        }
        if groups.count == 1, digitsInGroup[0] == 8 {
            self.init(year: groups[0] / 10_000, month: groups[0] / 100 % 100, day: groups[0] % 100)
        } else if groups.count == 3, digitsInGroup[0] == 4, digitsInGroup[1] <= 2, digitsInGroup[2] <= 2 {
            self.init(year: groups[0], month: groups[1], day: groups[2])
        } else {
            return nil
        }
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1, year <= 9999, (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2010-02-30` for any three numbers, real date or not: what messages show.
    public static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Full years of age on `date` (the birthday itself counts; a 29 February birthday counts on 1 March
    /// in common years).
    public func age(on date: CivilDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let d = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        return ((d % 7 + 7) % 7 + 3) % 7 + 1
    }

    public var description: String { CivilDate.format(year: year, month: month, day: day) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension Policy {
    /// The first day of the term as a date, nil when `termStart` is not a real date (`validate` reports it).
    public var termStartDate: CivilDate? { CivilDate(termStart) }
}
