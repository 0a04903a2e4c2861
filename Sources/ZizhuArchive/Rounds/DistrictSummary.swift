import ZizhuCore

/// Which rounds the district's figures are about: one term of one year, of one program or of all.
public struct DistrictPeriod: Sendable, Hashable, Comparable {
    public var term: String
    public var year: Int
    /// nil: every program of the term.
    public var program: String?

    public init(term: String, year: Int, program: String? = nil) {
        self.term = term
        self.year = year
        self.program = program?.isEmpty == false ? program : nil
    }

    public func contains(_ round: StoredRound) -> Bool {
        round.term == term && round.year == year && (program == nil || round.program == program)
    }

    /// `2026年秋季学期` (with the program when there is one).
    public var title: String {
        "\(year)年\(term)" + (program.map { " · \($0)" } ?? "")
    }

    /// The periods of these rounds, newest first, each with every program and then per program when a term has
    /// more than one.
    public static func periods(of rounds: [StoredRound]) -> [DistrictPeriod] {
        var programs: [DistrictPeriod: Set<String>] = [:]
        for round in rounds where !round.term.isEmpty {
            programs[DistrictPeriod(term: round.term, year: round.year), default: []].insert(round.program)
        }
        return programs.keys.sorted(by: >).flatMap { period in
            let names = programs[period] ?? []
            return [period] + (names.count > 1 ? names.sorted().map { DistrictPeriod(term: period.term, year: period.year, program: $0) } : [])
        }
    }

    public static func < (a: DistrictPeriod, b: DistrictPeriod) -> Bool {
        (a.year, a.term, a.program ?? "") < (b.year, b.term, b.program ?? "")
    }
}

/// The district's figures for one period, per school: what the inspector's page and the 汇总表 show.
///
/// Counting rules. The figures (applicants, accepted, returned rows, amount, findings, 大龄, coverage) add up
/// the rounds handed to the district and standing (已提交, 已审核, 已发放); a round the district returned (退回)
/// is counted in its state only, since the school sends a corrected one. Drafts are the school's own and not
/// counted at all. Every registered school has a line, so a school that sent nothing shows as such.
public struct DistrictSummary: Sendable {
    public struct SchoolLine: Sendable, Hashable {
        public var code: String
        public var name: String
        /// Handed-in rounds per state (no drafts).
        public var states: [RoundState: Int] = [:]
        /// The standing rounds, whose rows the figures add up.
        public var rounds = 0
        public var applicants = 0
        public var accepted = 0
        public var returned = 0
        public var amount = Money.zero
        public var errors = 0
        public var warnings = 0
        public var overAge = 0
        /// Students of the enrolment exports the standing rounds were checked with (nil: none was given).
        public var enrolled: Int?
        /// Accepted rows of the rounds that gave an enrolment: coverage = this ÷ `enrolled`.
        public var acceptedAgainstEnrolment = 0
        /// The latest 已提交 of its rounds ("" when none).
        public var lastSubmittedAt = ""

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }

        /// Error findings per 100 rows of the standing rounds.
        public var errorsPer100Rows: Double? { applicants > 0 ? Double(errors) * 100 / Double(applicants) : nil }
        /// 大龄 among the accepted rows, in percent.
        public var overAgeShare: Double? { accepted > 0 ? Double(overAge) * 100 / Double(accepted) : nil }
        /// Accepted applicants against the enrolment, in percent.
        public var coverage: Double? {
            guard let enrolled, enrolled > 0 else { return nil }
            return Double(acceptedAgainstEnrolment) * 100 / Double(enrolled)
        }

        mutating func add(_ round: StoredRound) {
            if round.state != .draft { states[round.state, default: 0] += 1 }
            guard RoundState.standing.contains(round.state) else { return }
            rounds += 1
            applicants += round.rows
            accepted += round.accepted
            returned += round.returned
            if case .success(let money) = Money.parse(round.amountAccepted) { amount = amount + money }
            errors += round.errors
            warnings += round.warnings
            overAge += round.overAge
            if let students = round.enrolled {
                // One school's rounds are checked against the same export: its size once, not per round.
                enrolled = max(enrolled ?? 0, students)
                acceptedAgainstEnrolment += round.accepted
            }
            lastSubmittedAt = max(lastSubmittedAt, round.submittedAt)
        }

        mutating func add(_ line: SchoolLine) {
            for (state, count) in line.states { states[state, default: 0] += count }
            rounds += line.rounds
            applicants += line.applicants
            accepted += line.accepted
            returned += line.returned
            amount = amount + line.amount
            errors += line.errors
            warnings += line.warnings
            overAge += line.overAge
            if let students = line.enrolled {
                enrolled = (enrolled ?? 0) + students
                acceptedAgainstEnrolment += line.acceptedAgainstEnrolment
            }
            lastSubmittedAt = max(lastSubmittedAt, line.lastSubmittedAt)
        }
    }

    /// One finding code over the district: how often, in how many schools, and where most.
    public struct CodeLine: Sendable, Hashable {
        public var code: String
        public var severity: Severity
        public var count: Int
        public var schools: Int
        /// The school with the most of them (its name), and how many.
        public var worstSchool: String
        public var worstCount: Int
    }

    /// What a column of the table is sorted by.
    public enum SortKey: String, Sendable, CaseIterable {
        case school, rounds, applicants, accepted, returned, amount, errors, overAge, coverage
    }

    public let period: DistrictPeriod
    /// Every registered school (and any code a round names that is not), by code.
    public let schools: [SchoolLine]
    public let total: SchoolLine
    /// Errors first, then by count.
    public let codes: [CodeLine]

    /// `rounds` of every period and state (the summary picks its own); `findings` of those rounds.
    public init(period: DistrictPeriod, schools registered: [School], rounds: [StoredRound], findings: [FindingCount]) {
        self.period = period
        var lines: [String: SchoolLine] = [:]
        for school in registered { lines[school.code] = SchoolLine(code: school.code, name: school.name) }
        var standingSchool: [String: String] = [:]
        for round in rounds where period.contains(round) {
            lines[round.schoolCode, default: SchoolLine(code: round.schoolCode, name: round.schoolCode)].add(round)
            if RoundState.standing.contains(round.state) { standingSchool[round.id] = round.schoolCode }
        }
        schools = lines.values.sorted { $0.code < $1.code }
        var total = SchoolLine(code: "", name: "合计")
        for line in schools { total.add(line) }
        self.total = total

        codes = Self.codeLines(findings, schoolOf: standingSchool, names: schools)
    }

    /// The finding counts of the rounds in `schoolOf` (round id → school code) per code, errors first, then by
    /// count.
    static func codeLines(_ findings: [FindingCount], schoolOf: [String: String], names lines: [SchoolLine])
        -> [CodeLine] {
        var perCode: [String: (severity: Severity, bySchool: [String: Int])] = [:]
        for count in findings {
            guard let school = schoolOf[count.roundID] else { continue }
            let severity = Severity(rawValue: count.severity) ?? .warning
            var entry = perCode[count.code] ?? (severity, [:])
            entry.severity = max(entry.severity, severity)
            entry.bySchool[school, default: 0] += count.count
            perCode[count.code] = entry
        }
        let names = Dictionary(lines.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return perCode.map { code, entry in
            let worst = entry.bySchool.max { ($0.value, $1.key) < ($1.value, $0.key) }
            return CodeLine(code: code, severity: entry.severity, count: entry.bySchool.values.reduce(0, +),
                            schools: entry.bySchool.count, worstSchool: worst.map { names[$0.key] ?? $0.key } ?? "",
                            worstCount: worst?.value ?? 0)
        }
        .sorted { ($0.severity, $0.count, $1.code) > ($1.severity, $1.count, $0.code) }
    }

    /// The school lines in the order of `key`; a school without the figure (no rows, no enrolment) comes last
    /// either way, then by code.
    public func schools(sortedBy key: SortKey, descending: Bool) -> [SchoolLine] {
        func value(_ line: SchoolLine) -> Double? {
            switch key {
            case .school: nil
            case .rounds: Double(line.rounds)
            case .applicants: Double(line.applicants)
            case .accepted: Double(line.accepted)
            case .returned: Double(line.returned)
            case .amount: Double(line.amount.fen)
            case .errors: line.errorsPer100Rows
            case .overAge: line.overAgeShare
            case .coverage: line.coverage
            }
        }
        guard key != .school else {
            return descending ? schools.reversed() : schools
        }
        return schools.sorted { a, b in
            switch (value(a), value(b)) {
            case let (x?, y?) where x != y: descending ? x > y : x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.code < b.code
            }
        }
    }
}

extension DistrictSummary {
    /// The rounds the district's figures draw on: every school's, every state (the summary and the 通报 pick
    /// theirs), newest first.
    public static func rounds(in store: any RoundStore) throws(ArchiveError) -> [StoredRound] {
        try store.rounds(school: nil, states: nil, limit: 1_000_000)
    }

    /// The summary of `period` from the store (the newest period when nil); nil when no round names a term.
    public static func load(from store: any RoundStore, period: DistrictPeriod?) throws(ArchiveError)
        -> (summary: DistrictSummary, periods: [DistrictPeriod])? {
        let rounds = try rounds(in: store)
        let periods = DistrictPeriod.periods(of: rounds)
        guard let chosen = period ?? periods.first else { return nil }
        let counted = rounds.filter { chosen.contains($0) && RoundState.standing.contains($0.state) }.map(\.id)
        let summary = DistrictSummary(period: chosen, schools: try store.schools(), rounds: rounds,
                                      findings: try store.findingCounts(of: counted))
        return (summary, periods)
    }
}

extension DistrictBulletin {
    /// The 通报 of `month` (`YYYY-MM`) from the store.
    public static func load(from store: any RoundStore, month: String, deadline: String?) throws(ArchiveError)
        -> DistrictBulletin {
        let rounds = try DistrictSummary.rounds(in: store)
        let counted = rounds.filter { $0.submittedAt.hasPrefix(month) && RoundState.standing.contains($0.state) }
        return DistrictBulletin(month: month, deadline: deadline, schools: try store.schools(), rounds: rounds,
                                findings: try store.findingCounts(of: counted.map(\.id)))
    }
}
