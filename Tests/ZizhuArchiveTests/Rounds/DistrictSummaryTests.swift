import Testing
import ZizhuCore
@testable import ZizhuArchive

@Suite struct DistrictSummaryTests {
    static let third = School(code: "S003", name: "示例县第三中学")
    static let autumn = DistrictPeriod(term: "2026秋季学期", year: 2026)

    /// A round of `school` in `state` with its figures.
    static func round(_ id: String, _ school: School, _ state: RoundState, rows: Int, accepted: Int, errors: Int = 0,
                      amount: String, overAge: Int = 0, enrolled: Int? = nil, term: String = "2026秋季学期",
                      program: String = "普通高中国家助学金", submittedAt: String = "2026-11-10T09:00:00+08:00",
                      changedAt: String = "2026-11-12T09:00:00+08:00", reason: String = "") -> StoredRound {
        var round = District.round(id, school: school, term: term, rows: rows)
        round.accepted = accepted
        round.returned = rows - accepted
        round.errors = errors
        round.amountAccepted = amount
        round.overAge = overAge
        round.enrolled = enrolled
        round.program = program
        round.state = state
        round.submittedAt = state == .draft ? "" : submittedAt
        round.changedAt = changedAt
        round.reason = reason
        return round
    }

    static let rounds = [
        round("a1", District.first, .approved, rows: 100, accepted: 90, errors: 12, amount: "90000.00", overAge: 9,
              enrolled: 600),
        round("a2", District.first, .submitted, rows: 50, accepted: 50, amount: "50000.50", enrolled: 600),
        round("b1", District.second, .returned, rows: 40, accepted: 30, errors: 10, amount: "30000.00",
              changedAt: "2026-11-20T15:00:00+08:00", reason: "银行卡号有误"),
        round("b2", District.second, .submitted, rows: 40, accepted: 40, errors: 2, amount: "40000.00",
              submittedAt: "2026-11-25T16:00:00+08:00"),
        round("c1", third, .draft, rows: 80, accepted: 80, amount: "80000.00"),
        round("old", District.first, .paid, rows: 70, accepted: 70, amount: "70000.00", term: "2026春季学期",
              submittedAt: "2026-04-01T09:00:00+08:00"),
    ]

    static let findings = [
        FindingCount(roundID: "a1", code: "card-luhn", severity: "error", count: 12),
        FindingCount(roundID: "a1", code: "encoding-guessed", severity: "info", count: 1),
        FindingCount(roundID: "b1", code: "card-luhn", severity: "error", count: 10),
        FindingCount(roundID: "b2", code: "card-luhn", severity: "error", count: 2),
        FindingCount(roundID: "b2", code: "document-missing", severity: "warning", count: 30),
        FindingCount(roundID: "c1", code: "id-checksum", severity: "error", count: 5),
    ]

    static var summary: DistrictSummary {
        DistrictSummary(period: autumn, schools: [District.first, District.second, third], rounds: rounds,
                        findings: findings)
    }

    @Test func standingRoundsAddUpAndReturnedAndDraftRoundsCountOnlyAsStates() throws {
        let lines = Dictionary(uniqueKeysWithValues: Self.summary.schools.map { ($0.code, $0) })
        let first = try #require(lines["S001"])
        #expect(first.states == [.approved: 1, .submitted: 1])
        #expect(first.rounds == 2 && first.applicants == 150 && first.accepted == 140 && first.returned == 10)
        #expect(first.amount == Money(fen: 14_000_050))
        #expect(first.errorsPer100Rows == 8)
        #expect(first.overAgeShare == 900.0 / 140)
        // One school's rounds are checked against the same enrolment export: 600 students, not 1,200.
        #expect(first.enrolled == 600 && first.coverage == 140.0 * 100 / 600)
        let second = try #require(lines["S002"])
        #expect(second.states == [.returned: 1, .submitted: 1])
        #expect(second.applicants == 40 && second.amount == Money(fen: 4_000_000) && second.errors == 2)
        #expect(second.enrolled == nil && second.coverage == nil)
        let third = try #require(lines["S003"])
        #expect(third.states.isEmpty && third.rounds == 0 && third.errorsPer100Rows == nil && third.overAgeShare == nil)
        let total = Self.summary.total
        #expect(total.applicants == 190 && total.accepted == 180 && total.amount == Money(fen: 18_000_050))
        #expect(total.states == [.approved: 1, .submitted: 2, .returned: 1])
        #expect(total.enrolled == 600 && total.acceptedAgainstEnrolment == 140)
    }

    @Test func findingsArePerCodeOfStandingRoundsErrorsFirst() {
        let codes = Self.summary.codes
        #expect(codes.map(\.code) == ["card-luhn", "document-missing", "encoding-guessed"])
        #expect(codes[0].count == 14 && codes[0].schools == 2 && codes[0].severity == .error)
        #expect(codes[0].worstSchool == "示例县第一中学" && codes[0].worstCount == 12)
        #expect(codes[1].severity == .warning && codes[1].count == 30)
    }

    @Test func sortingPutsSchoolsWithoutTheFigureLast() {
        let summary = Self.summary
        #expect(summary.schools(sortedBy: .amount, descending: true).map(\.code) == ["S001", "S002", "S003"])
        #expect(summary.schools(sortedBy: .amount, descending: false).map(\.code) == ["S003", "S002", "S001"])
        #expect(summary.schools(sortedBy: .errors, descending: true).map(\.code) == ["S001", "S002", "S003"])
        #expect(summary.schools(sortedBy: .errors, descending: false).map(\.code) == ["S002", "S001", "S003"])
        #expect(summary.schools(sortedBy: .coverage, descending: false).map(\.code) == ["S001", "S002", "S003"])
        #expect(summary.schools(sortedBy: .school, descending: true).map(\.code) == ["S003", "S002", "S001"])
    }

    @Test func periodsAreNewestFirstWithEachProgramWhenATermHasSeveral() {
        var rounds = Self.rounds
        rounds.append(Self.round("f1", District.first, .submitted, rows: 1, accepted: 1, amount: "100.00",
                                 program: "中职免学费"))
        let periods = DistrictPeriod.periods(of: rounds)
        #expect(periods == [Self.autumn,
                            DistrictPeriod(term: "2026秋季学期", year: 2026, program: "中职免学费"),
                            DistrictPeriod(term: "2026秋季学期", year: 2026, program: "普通高中国家助学金"),
                            DistrictPeriod(term: "2026春季学期", year: 2026)])
        let one = DistrictSummary(period: periods[1], schools: [District.first], rounds: rounds, findings: [])
        #expect(one.total.applicants == 1)
    }

    @Test func theBulletinCountsTheMonthsSubmissionsReturnsAndLateRounds() {
        let bulletin = DistrictBulletin(month: "2026-11", deadline: "2026-11-20",
                                        schools: [District.first, District.second, Self.third], rounds: Self.rounds,
                                        findings: Self.findings)
        let lines = Dictionary(uniqueKeysWithValues: bulletin.schools.map { ($0.figures.code, $0) })
        #expect(lines["S001"]?.submitted == 2 && lines["S001"]?.late == 0 && lines["S001"]?.figures.applicants == 150)
        #expect(lines["S002"]?.submitted == 2 && lines["S002"]?.returned == 1 && lines["S002"]?.late == 1)
        #expect(lines["S002"]?.figures.applicants == 40)
        #expect(bulletin.late.map(\.label) == ["高一(1)班"] && bulletin.late.first?.school == "示例县第二中学")
        #expect(bulletin.returned.map(\.reason) == ["银行卡号有误"])
        #expect(bulletin.silent == ["示例县第三中学"])
        #expect(bulletin.total.submitted == 4 && bulletin.total.returned == 1 && bulletin.total.late == 1)
        #expect(bulletin.codes.first?.code == "card-luhn" && bulletin.codes.first?.count == 14)
        let april = DistrictBulletin(month: "2026-04", deadline: nil, schools: [District.first], rounds: Self.rounds,
                                     findings: [])
        #expect(april.total.submitted == 1 && april.late.isEmpty && april.total.figures.amount == Money(fen: 7_000_000))
    }

    @Test func monthsAndDaysAreCheckedAsTheyAreWritten() {
        #expect(DistrictBulletin.isMonth("2026-11") && !DistrictBulletin.isMonth("2026-13") && !DistrictBulletin.isMonth("11-2026"))
        #expect(!DistrictBulletin.isMonth("2026-1") && !DistrictBulletin.isMonth("2026-11-01"))
        #expect(DistrictBulletin.isDate("2026-11-20") && !DistrictBulletin.isDate("2026-11-32") && !DistrictBulletin.isDate("2026/11/20"))
    }

    @Test func findingCountsAreByCodeUnderTheWorstSeverity() {
        let location = SourceLocation(file: "a.csv", line: 3)
        let findings = [Finding(.cardLuhn, at: location), Finding(.cardLuhn, at: location),
                        Finding(.encodingGuessed, at: SourceLocation(file: "a.csv", line: nil))]
        let counts = FindingCount.counting(findings, roundID: "r")
        #expect(counts.map(\.code) == ["card-luhn", "encoding-guessed"])
        #expect(counts.map(\.count) == [2, 1])
        #expect(counts[0].severity == FindingCode.cardLuhn.defaultSeverity.rawValue)
    }
}
