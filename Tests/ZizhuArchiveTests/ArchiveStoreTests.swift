import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// What both engines of `ArchiveStore` do alike: each test runs on SQLite and on PostgreSQL.
@Suite struct ArchiveStoreTests {
    let folder = TemporaryFolder()
    let septemberDay = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21

    func newArchive(_ engine: Engine) throws -> any ArchiveStore {
        try engine.newArchive(in: folder)
    }

    @Test(arguments: Engine.all) func recordsTheAcceptedRowsOfARoundAsOneBatch(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        var round = Rounds.clean(3)
        round.row(["身份证号": "123"])  // returned (id-format): not paid, not recorded
        let result = Rounds.result(round)
        #expect(result.summary.accepted == 3)

        let batch = try archive.record(result, inputHash: "sha256:in", outputHash: "sha256:out", label: "2026秋第一批",
                                       at: septemberDay)
        #expect(batch.id == 1)
        #expect(batch.school == "示例县第一中学")
        #expect(batch.program == "普通高中国家助学金")
        #expect(batch.term == "秋季学期")
        #expect(batch.year == 2026)
        #expect(batch.rows == 3)
        #expect(batch.total == Money(yuan: 1500 + 1150 + 800))
        #expect(batch.inputHash == "sha256:in")
        #expect(batch.outputHash == "sha256:out")
        #expect(batch.label == "2026秋第一批")
        #expect(batch.kind == .round)
        #expect(batch.recordedAt.hasPrefix("2026-09-2"))
        #expect(try archive.batches() == [batch])
    }

    @Test(arguments: Engine.all) func historyListsEveryPaymentToOneStudentFoundByAnyWritingOfTheID(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        let student = Rounds.student(1)
        let lowerX = "11010519491231002x"
        for (term, year) in [("春季学期", 2026), ("秋季学期", 2025), ("秋季学期", 2026)] {
            var round = ApplicantBuilder()
            round.row(student.cells.merging(["年级": "高一", "班级": "(2)班"]) { $1 })
            round.row(["身份证号": lowerX, "性别": "女", "学籍号": "G11010519491231002X"])
            _ = try archive.record(Rounds.result(round, policy: Rounds.policy(term: term, year: year)),
                                   inputHash: "\(year)\(term)", outputHash: "", label: "\(year)\(term)")
        }
        let history = try archive.history(idNumber: student.id)
        #expect(history.map(\.year) == [2025, 2026, 2026])
        #expect(history.map(\.term) == ["秋季学期", "春季学期", "秋季学期"])
        #expect(history.allSatisfy { $0.card == student.card && $0.className == "高一(2)班" })
        #expect(history.allSatisfy { $0.sourceFile == "高一(1)班.csv" && $0.sourceLine == 2 })
        #expect(history[0].amount == Money(yuan: 1500))

        // Stored in its normalised form, found by either form.
        #expect(try archive.history(idNumber: lowerX).map(\.idNumber) == Array(repeating: "11010519491231002X", count: 3))
        #expect(try archive.history(idNumber: " 11010519491231002X ").count == 3)
        #expect(try archive.history(idNumber: Rounds.student(2).id).isEmpty)
    }

    @Test(arguments: Engine.all) func cardsAreStoredAsDigitsWithoutTheGroupsTheyWereTypedIn(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        let student = Rounds.student(3)
        let grouped = stride(from: 0, to: student.card.count, by: 4).map { offset -> String in
            let start = student.card.index(student.card.startIndex, offsetBy: offset)
            return String(student.card[start...].prefix(4))
        }.joined(separator: " ")
        var round = ApplicantBuilder()
        round.row(student.cells(card: grouped))
        _ = try archive.record(Rounds.result(round), inputHash: "h", outputHash: "", label: "")
        #expect(try archive.payments(intoCardsOf: [CardHolder(card: student.card, idNumber: "")]).map(\.idNumber) == [student.id])
    }

    @Test(arguments: Engine.all) func refusesToRecordTheSameInputTwiceForTheSameRoundNamingTheEarlierBatch(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        let result = Rounds.result(Rounds.clean(2))
        let first = try archive.record(result, inputHash: "same", outputHash: "o1", label: "第一次")
        let error = #expect(throws: ArchiveError.self) {
            try archive.record(result, inputHash: "same", outputHash: "o2", label: "第二次")
        }
        #expect(error?.kind == .duplicateBatch(id: first.id, recordedAt: first.recordedAt))
        #expect(error?.description == "该批次已于 \(first.recordedAt) 记录为档案批次 1，不能重复记录")
        #expect(try archive.batches().count == 1)

        // The same input for another round (term, school) is another batch.
        let spring = Rounds.result(Rounds.clean(2), policy: Rounds.policy(term: "春季学期"))
        #expect(try archive.record(spring, inputHash: "same", outputHash: "o3", label: "").id == 2)
        let other = Rounds.result(Rounds.clean(2), policy: Rounds.policy(school: "示例县第二中学"))
        #expect(try archive.record(other, inputHash: "same", outputHash: "o4", label: "").id == 3)
    }

    @Test(arguments: Engine.all) func refusesARoundWithNothingAccepted(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        var round = ApplicantBuilder()
        round.row(["身份证号": "123"])
        let error = #expect(throws: ArchiveError.self) {
            try archive.record(Rounds.result(round), inputHash: "h", outputHash: "", label: "")
        }
        #expect(error?.kind == .invalidBatch(reason: "本轮没有审核通过的行"))
        #expect(try archive.batches().isEmpty)
    }

    @Test(arguments: Engine.all) func removeUndoesABatchWithItsPaymentsAndNeverReusesItsID(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        let student = Rounds.student(4)
        var round = Rounds.clean(2)
        round.row(student.cells)
        let first = try archive.record(Rounds.result(round), inputHash: "a", outputHash: "", label: "误记")
        let spring = Rounds.result(Rounds.clean(1), policy: Rounds.policy(term: "春季学期"))
        let second = try archive.record(spring, inputHash: "b", outputHash: "", label: "")

        #expect(try archive.remove(batch: first.id) == first)
        #expect(try archive.batches() == [second])
        #expect(try archive.history(idNumber: student.id).isEmpty)
        #expect(try archive.payments(intoCardsOf: [CardHolder(card: student.card, idNumber: "")]).isEmpty)

        let error = #expect(throws: ArchiveError.self) { try archive.remove(batch: first.id) }
        #expect(error?.kind == .batchNotFound(id: first.id))
        #expect(error?.description == "档案中没有批次 1")

        // The removed id stays retired, so "batch 1" in an old report cannot come to mean another batch.
        let third = try archive.record(Rounds.result(round), inputHash: "a", outputHash: "", label: "重记")
        #expect(third.id == 3)
        if let file = archive as? AidArchive { #expect(try file.integrityCheck() == ["ok"]) }
    }

    @Test(arguments: Engine.all) func importsAnEarlierRegisterOnceAsAnImportBatch(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        let round = Rounds.clean(4, file: "2025秋花名册.xlsx")
        let batch = try archive.importRegister(round.applicants, school: "示例县第一中学", program: "普通高中国家助学金",
                                               term: "秋季学期", year: 2025, source: "2025秋花名册.xlsx")
        #expect(batch.kind == .import)
        #expect(batch.rows == 4)
        #expect(batch.total == Money(yuan: 1500 + 1150 + 800 + 1500))
        #expect(batch.label == "2025秋花名册.xlsx")
        #expect(batch.inputHash.hasPrefix("fnv1a64:") && batch.inputHash.count == 24)
        #expect(batch.year == 2025)

        let error = #expect(throws: ArchiveError.self) {
            try archive.importRegister(round.applicants, school: "示例县第一中学", program: "普通高中国家助学金",
                                       term: "秋季学期", year: 2025, source: "副本.xlsx")
        }
        #expect(error?.kind == .duplicateBatch(id: batch.id, recordedAt: batch.recordedAt))

        let history = try archive.history(idNumber: round.applicants[0].value(.idNumber))
        #expect(history.map(\.batchLabel) == ["2025秋花名册.xlsx"])
        #expect(history.first?.sourceFile == "2025秋花名册.xlsx")
    }

    @Test(arguments: Engine.all) func importRefusesARowWithoutAnAmountNamingOnlyItsPlace(_ engine: Engine) throws {
        let archive = try newArchive(engine)
        var round = Rounds.clean(1, file: "旧花名册.csv")
        round.row(["资助金额": "壹仟元"])
        let error = #expect(throws: ArchiveError.self) {
            try archive.importRegister(round.applicants, school: "s", program: "p", term: "t", year: 2025, source: "旧花名册.csv")
        }
        #expect(error?.kind == .invalidBatch(reason: "旧花名册.csv 第 3 行没有有效的资助金额"))
        #expect(try archive.batches().isEmpty)
    }

    @Test(arguments: Engine.all) func schemaVersionIsTheNumberOfMigrations(_ engine: Engine) throws {
        let migrations = switch engine {
        case .sqlite: ArchiveSchema.migrations.count
        case .postgres: Self.postgresMigrations
        }
        #expect(try newArchive(engine).schemaVersion() == migrations)
    }

    static var postgresMigrations: Int {
        #if PostgreSQL
        PostgresSchema.currentVersion
        #else
        0
        #endif
    }

    @Test func defaultPathFollowsXDGDataHome() {
        let path = AidArchive.defaultPath
        if let dataHome = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            #expect(path == dataHome + "/zizhu/archive.sqlite")
        } else {
            #expect(path.hasSuffix("/.local/share/zizhu/archive.sqlite"))
        }
    }
}
