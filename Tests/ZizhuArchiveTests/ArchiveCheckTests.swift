import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// The archive's findings: each caught, with its near misses.
@Suite struct ArchiveCheckTests {
    let folder = TemporaryFolder()
    /// Paid in batch 1: 示例县第一中学, 普通高中国家助学金, 2026 秋季学期, recorded 2026-09-30.
    let paid = Rounds.student(1)
    /// Paid in batch 2: 示例县第二中学, 中职国家助学金, 2026 秋季学期, recorded 2026-03-02 (a 中职 student).
    let paidElsewhere = Rounds.student(2)
    let newcomer = Rounds.student(3)
    static let september30 = Date(timeIntervalSince1970: 1_790_769_600)
    static let march2 = Date(timeIntervalSince1970: 1_772_452_800)

    /// An archive of this engine holding the two batches above.
    func seeded(_ engine: Engine) throws -> any ArchiveStore {
        let archive = try engine.newArchive(in: folder)
        var first = ApplicantBuilder()
        first.row(paid.cells)
        first.rows(2)
        _ = try archive.record(Rounds.result(first), inputHash: "a", outputHash: "", label: "2026秋第一批",
                               at: Self.september30)
        var second = ApplicantBuilder()
        second.file("中职一年级.csv")
        second.row(paidElsewhere.cells)
        let elsewhere = Rounds.policy(school: "示例县第二中学", program: "中职国家助学金")
        _ = try archive.record(Rounds.result(second, policy: elsewhere), inputHash: "b", outputHash: "", label: "",
                               at: Self.march2)
        return archive
    }

    func findings(_ rows: [[String: String]], policy: Policy = .default, in archive: any ArchiveStore) throws
        -> [Finding] {
        var round = ApplicantBuilder()
        for row in rows { round.row(row) }
        return try archive.check().findings(for: round.applicants, policy: policy)
    }

    // MARK: repeat-aid

    @Test(arguments: Engine.all) func repeatAidNamesTheEarlierBatchAndItsDay(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let found = try findings([newcomer.cells, paid.cells], in: archive)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.code == .repeatAid)
        #expect(finding.severity == .error)
        #expect(finding.row == 1)
        #expect(finding.location == SourceLocation(file: "高一(1)班.csv", line: 3))
        #expect(finding.field == "身份证号")
        #expect(finding.value == paid.id)
        #expect(finding.text == "该学生本学期已领取过本项目资助（批次 1“2026秋第一批”，2026-09-30），属重复资助。")
        #expect(finding.english == "This student was already paid by this program for this term (batch 1“2026秋第一批”, 2026-09-30): repeat aid.")
        #expect(finding.arguments["batchID"] == "1")
        // Rendered for screens, the ID in the value stays masked.
        #expect(!MessageCatalog.message(for: finding).contains(paid.id))
    }

    /// How an ID may be written, and the 18-character form it is recorded under.
    static let writings: [String: (written: String, recorded: String)] = [
        "lower-case x": ("11010519491231002x", "11010519491231002X"),
        "legacy 15 digits": ("110105491231002", "11010519491231002X"),
    ]

    @Test(arguments: Engine.all, ["lower-case x", "legacy 15 digits"])
    func repeatAidFindsAnIDHoweverItIsWritten(_ engine: Engine, _ writing: String) throws {
        let archive = try seeded(engine)
        let (written, recorded) = try #require(Self.writings[writing])
        var round = ApplicantBuilder()
        round.row(["身份证号": recorded, "学籍号": "G" + recorded, "性别": "女"])
        _ = try archive.record(Rounds.result(round, policy: Rounds.policy(term: "春季学期")), inputHash: "x",
                               outputHash: "", label: "")
        let found = try findings([["身份证号": written]], policy: Rounds.policy(term: "春季学期"), in: archive)
        #expect(found.map(\.code) == [.repeatAid])
    }

    /// Rounds that differ from the default one (示例县第一中学, 普通高中国家助学金, 2026 秋季学期) in one way.
    static let otherRounds: [String: Policy] = [
        "another term": Rounds.policy(term: "春季学期"),
        "another year": Rounds.policy(year: 2027),
        "last year": Rounds.policy(year: 2025),
        "another program": Rounds.policy(program: "免学费"),
    ]

    @Test(arguments: Engine.all, ["another term", "another year", "another program"])
    func repeatAidNearMisses(_ engine: Engine, _ round: String) throws {
        let archive = try seeded(engine)
        let policy = try #require(Self.otherRounds[round])
        #expect(try findings([paid.cells], policy: policy, in: archive).isEmpty)
    }

    @Test(arguments: Engine.all) func repeatAidAcrossSchoolsIsAlsoEnrolledElsewhere(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let policy = Rounds.policy(program: "中职国家助学金")
        let found = try findings([paidElsewhere.cells], policy: policy, in: archive)
        #expect(found.map(\.code) == [.repeatAid, .enrolledElsewhere])
        #expect(found[0].text == "该学生本学期已领取过本项目资助（批次 2，2026-03-02），属重复资助。")
    }

    // MARK: enrolled-elsewhere

    @Test(arguments: Engine.all) func enrolledElsewhereNamesTheOtherSchool(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let found = try findings([paidElsewhere.cells], in: archive)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.code == .enrolledElsewhere)
        #expect(finding.severity == .warning)
        #expect(finding.field == "身份证号")
        #expect(finding.text == "该身份证号本学期出现在其他学校（示例县第二中学）的发放批次中，疑似双学籍。")
    }

    @Test(arguments: Engine.all) func enrolledElsewhereListsEachOtherSchoolOnce(_ engine: Engine) throws {
        let archive = try seeded(engine)
        for (school, hash) in [("示例县第三中学", "c"), ("示例县第二中学", "d")] {
            var round = ApplicantBuilder()
            round.row(paidElsewhere.cells)
            _ = try archive.record(Rounds.result(round, policy: Rounds.policy(school: school, program: "免学费")),
                                   inputHash: hash, outputHash: "", label: "")
        }
        let found = try findings([paidElsewhere.cells], in: archive)
        #expect(found.map(\.arguments["school"]) == ["示例县第二中学、示例县第三中学"])
    }

    @Test(arguments: Engine.all) func enrolledElsewhereIgnoresThisSchoolsOwnOtherPrograms(_ engine: Engine) throws {
        let archive = try seeded(engine)
        // `paid` was paid by this school: its other programs this term are not 双学籍.
        #expect(try findings([paid.cells], policy: Self.otherRounds["another program"] ?? .default, in: archive).isEmpty)
    }

    @Test(arguments: Engine.all, ["another term", "last year"])
    func enrolledElsewhereIgnoresOtherTermsAndYears(_ engine: Engine, _ round: String) throws {
        let archive = try seeded(engine)
        let policy = try #require(Self.otherRounds[round])
        #expect(try findings([paidElsewhere.cells], policy: policy, in: archive).isEmpty)
    }

    // MARK: card-shared across batches

    @Test(arguments: Engine.all) func aCardPaidToAnotherStudentIsShared(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let found = try findings([newcomer.cells(card: paid.card)], in: archive)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.code == .cardShared)
        #expect(finding.severity == .error)
        #expect(finding.field == "银行卡号")
        #expect(finding.value == paid.card)
        #expect(finding.related.isEmpty)
        #expect(finding.text == "同一银行卡号用于 2 名学生（另见档案批次 1：示例县第一中学，2026-09-30）。")
        #expect(finding.english == "One card number is used for 2 students (also archive batch 1: 示例县第一中学, 2026-09-30).")
    }

    @Test(arguments: Engine.all) func aCardTypedInGroupsIsStillTheSameCard(_ engine: Engine) throws {
        let archive = try seeded(engine)
        var grouped = paid.card
        grouped.insert(" ", at: grouped.index(grouped.startIndex, offsetBy: 4))
        let found = try findings([newcomer.cells(card: grouped)], policy: Rounds.policy(term: "春季学期"), in: archive)
        #expect(found.map(\.code) == [.cardShared])
    }

    @Test(arguments: Engine.all) func aCardOnSeveralStudentsAcrossBatchesCountsThemAll(_ engine: Engine) throws {
        let archive = try seeded(engine)
        var round = ApplicantBuilder()
        round.row(Rounds.student(4).cells(card: paid.card))
        _ = try archive.record(Rounds.result(round, policy: Rounds.policy(term: "春季学期")), inputHash: "e",
                               outputHash: "", label: "")
        let found = try findings([newcomer.cells(card: paid.card)], policy: Rounds.policy(year: 2027), in: archive)
        #expect(found.map(\.arguments["count"]) == ["3"])
        #expect(found.map(\.arguments["batches"]) == ["1,3"])
    }

    @Test(arguments: Engine.all) func sameStudentSameCardIsNotShared(_ engine: Engine) throws {
        let archive = try seeded(engine)
        // Another term, so no repeat-aid either: the student's own card, paid again, is fine.
        #expect(try findings([paid.cells], policy: Rounds.policy(term: "春季学期"), in: archive).isEmpty)
        #expect(try findings([newcomer.cells], in: archive).isEmpty)
    }

    // MARK: In the validator

    @Test(arguments: Engine.all) func theValidatorReturnsRowsTheArchiveFlags(_ engine: Engine) throws {
        let archive = try seeded(engine)
        var round = ApplicantBuilder()
        round.row(newcomer.cells)
        round.row(paid.cells)
        round.row(paidElsewhere.cells)
        let check = archive.check()
        let result = Validator(policy: .default, additionalChecks: [check])
            .run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(check.failure == nil)
        #expect(result.isReturned == [false, true, false])
        #expect(result.findings.map(\.code) == [.repeatAid, .enrolledElsewhere])
        #expect(result.summary.errors == 1 && result.summary.warnings == 1)
    }

    @Test(arguments: Engine.all) func chunkedLookupsFindEveryOneOfManyStudents(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let count = engine.lookupChunk * 2 + 17
        let round = Rounds.clean(count)
        _ = try archive.record(Rounds.result(round, policy: Rounds.policy(term: "春季学期")), inputHash: "many",
                               outputHash: "", label: "")
        let found = try archive.check().findings(for: round.applicants, policy: Rounds.policy(term: "春季学期"))
        #expect(found.count == count)
        #expect(found.allSatisfy { $0.code == .repeatAid })
        #expect(found.map(\.row) == Array(0..<count).map(Optional.some))

        // The same cards on other students: every one is shared with the archive.
        let others = Rounds.clean(count) { ["身份证号": Rounds.student(1_000 + $0).id] }
        let shared = try archive.check().findings(for: others.applicants, policy: Rounds.policy(year: 2030))
        #expect(shared.count == count)
        #expect(shared.allSatisfy { $0.code == .cardShared })
    }

    // MARK: Failure

    struct UnreadableArchive: PaymentLookup {
        func payments(toIDNumbers ids: [String], term: String, year: Int) throws(ArchiveError) -> [PaymentRecord] {
            throw ArchiveError(.io(message: "disk I/O error"))
        }
        func payments(intoCardsOf holders: [CardHolder]) throws(ArchiveError) -> [PaymentRecord] { [] }
    }

    @Test(arguments: Engine.all) func anUnreadableArchiveAddsNoFindingsAndReportsItsFailure(_ engine: Engine) throws {
        let archive = try seeded(engine)
        let check = ArchiveCheck(lookup: UnreadableArchive())
        var findings: [Finding] = []
        var round = ApplicantBuilder()
        round.row()
        check.check(round.applicants, policy: .default, into: &findings)
        #expect(findings.isEmpty)
        #expect(check.failure?.kind == .io(message: "disk I/O error"))

        let working = archive.check()
        working.check(round.applicants, policy: .default, into: &findings)
        #expect(working.failure == nil)
    }
}
