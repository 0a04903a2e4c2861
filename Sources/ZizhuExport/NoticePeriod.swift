import ZizhuCore

/// The dates of the documents are Core's `CivilDate` (one date type in zizhu); the alias keeps
/// `ZizhuExport.CivilDate` working for callers that name it so.
public typealias CivilDate = ZizhuCore.CivilDate

extension CivilDate {
    /// Parses a date option (`2026-09-14`; Core also reads `2026/9/14`, `2026年9月14日`, `20260914`), throwing
    /// a message that quotes the text.
    public init(parsing text: String) throws {
        guard let date = CivilDate(text.trimmingWhitespace()) else { throw ExportError.invalidDate(text) }
        self = date
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
        return day.weekday <= 5
    }

    /// `2026年9月14日至2026年9月18日（5个工作日）`.
    public var chinese: String { "\(start.chinese)至\(end.chinese)（\(workingDays)个工作日）" }
}
