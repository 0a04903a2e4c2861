import ZizhuCore

/// The district's monthly 通报 (一月一通报): per school what it handed in during the month, which rounds came
/// late or were returned, which schools sent nothing, and the findings met most often.
///
/// Counting rules. A round belongs to the month it was submitted in (`submittedAt`, Beijing time); its figures
/// count while it stands (已提交, 已审核, 已发放). A round counts as returned in the month its 退回 happened, and
/// as late when it was submitted after `deadline`.
public struct DistrictBulletin: Sendable {
    public struct SchoolLine: Sendable, Hashable {
        /// The standing rounds submitted in the month, added up as on the district's page.
        public var figures: DistrictSummary.SchoolLine
        /// Rounds submitted in the month (standing or since returned).
        public var submitted = 0
        /// Rounds the district returned in the month.
        public var returned = 0
        /// Rounds submitted in the month after the deadline.
        public var late = 0
    }

    /// A round the 通报 names: late, or returned with its reason.
    public struct RoundNote: Sendable, Hashable {
        public var school: String
        public var label: String
        /// When it was submitted (late) or returned.
        public var at: String
        public var reason: String
    }

    /// `YYYY-MM`.
    public let month: String
    /// `YYYY-MM-DD`, when the district set one.
    public let deadline: String?
    public let schools: [SchoolLine]
    public let total: SchoolLine
    public let late: [RoundNote]
    public let returned: [RoundNote]
    /// Schools (their names) that submitted no round in the month.
    public let silent: [String]
    /// The month's findings per code, errors first.
    public let codes: [DistrictSummary.CodeLine]

    /// Whether `text` names a month as `YYYY-MM`.
    public static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
              let month = Int(parts[1]) else { return false }
        return year >= 2000 && (1...12).contains(month)
    }

    /// Whether `text` names a day as `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        text.count == 10 && isMonth(String(text.prefix(7))) && text.dropFirst(7).first == "-"
            && Int(text.suffix(2)).map { (1...31).contains($0) } == true
    }

    public init(month: String, deadline: String?, schools registered: [School], rounds: [StoredRound],
                findings: [FindingCount]) {
        self.month = month
        self.deadline = deadline
        var lines: [String: SchoolLine] = [:]
        for school in registered {
            lines[school.code] = SchoolLine(figures: .init(code: school.code, name: school.name))
        }
        var late: [RoundNote] = []
        var returned: [RoundNote] = []
        var standingSchool: [String: String] = [:]
        for round in rounds {
            let code = round.schoolCode
            if lines[code] == nil { lines[code] = SchoolLine(figures: .init(code: code, name: code)) }
            let name = lines[code]?.figures.name ?? code
            if round.submittedAt.hasPrefix(month) {
                lines[code]?.submitted += 1
                lines[code]?.figures.add(round)
                if RoundState.standing.contains(round.state) { standingSchool[round.id] = code }
                if let deadline, String(round.submittedAt.prefix(10)) > deadline {
                    lines[code]?.late += 1
                    late.append(RoundNote(school: name, label: round.label, at: round.submittedAt, reason: ""))
                }
            }
            if round.state == .returned && round.changedAt.hasPrefix(month) {
                lines[code]?.returned += 1
                returned.append(RoundNote(school: name, label: round.label, at: round.changedAt, reason: round.reason))
            }
        }
        schools = lines.values.sorted { $0.figures.code < $1.figures.code }
        var total = SchoolLine(figures: .init(code: "", name: "合计"))
        for line in schools {
            total.figures.add(line.figures)
            total.submitted += line.submitted
            total.returned += line.returned
            total.late += line.late
        }
        self.total = total
        self.late = late.sorted { ($0.at, $0.school) < ($1.at, $1.school) }
        self.returned = returned.sorted { ($0.at, $0.school) < ($1.at, $1.school) }
        silent = schools.filter { $0.submitted == 0 }.map(\.figures.name)
        codes = DistrictSummary.codeLines(findings, schoolOf: standingSchool, names: schools.map(\.figures))
    }
}
