import Foundation
import GRDB
import Testing
@testable import ZizhuArchive
import ZizhuTestSupport

@Suite struct RoundStoreTests {
    @Test(arguments: Engine.all)
    func aRoundKeepsWhatTheDistrictCountsAndWhenItWasSubmitted(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let store = try District.registered(engine.newRoundStore(in: folder).store)
        var round = District.round("r1", school: District.first)
        round.overAge = 1
        round.enrolled = 640
        let counts = [FindingCount(roundID: "r1", code: "card-luhn", severity: "error", count: 3),
                      FindingCount(roundID: "r1", code: "encoding-guessed", severity: "info", count: 1)]
        try store.insert(round, inputs: [], documents: [], rows: [], findings: counts)
        try store.insert(District.round("r2", school: District.second), inputs: [], documents: [], rows: [])
        let stored = try #require(try store.round(id: "r1"))
        #expect(stored.overAge == 1 && stored.enrolled == 640 && stored.submittedAt == "")
        #expect(try store.round(id: "r2")?.enrolled == nil)
        #expect(try store.findingCounts(of: ["r1", "r2", "nope"]) == counts)
        #expect(try store.findingCounts(of: []) == [])

        let submit = StateChange(state: .submitted, at: "2026-12-07T09:30:00+08:00", by: "zhang")
        let submitted = try #require(try store.change("r1", from: [.draft], to: submit, audit: District.audit("submitted", by: "zhang")))
        #expect(submitted.submittedAt == "2026-12-07T09:30:00+08:00")
        let approve = StateChange(state: .approved, at: "2026-12-08T10:00:00+08:00", by: "li")
        let approved = try #require(try store.change("r1", from: [.submitted], to: approve, audit: District.audit("approved", by: "li")))
        #expect(approved.submittedAt == "2026-12-07T09:30:00+08:00" && approved.changedAt == "2026-12-08T10:00:00+08:00")
    }

    @Test(arguments: Engine.all)
    func schoolsAndAccountsAreKeptAndTheirCodesAndLoginsAreUnique(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let store = try District.registered(engine.newRoundStore(in: folder).store)
        #expect(try store.schools() == [District.first, District.second])
        #expect(throws: ArchiveError(.conflict(message: RoundStoreMessages.schoolTaken("S001")))) {
            try store.add(School(code: "S001", name: "另一所学校"))
        }
        #expect(try !store.hasAccounts())
        let clerk = District.account("zhang", role: .clerk, school: District.first)
        try store.add(clerk)
        try store.add(District.account("li", role: .reviewer))
        #expect(try store.hasAccounts())
        #expect(try store.accounts().map(\.login) == ["li", "zhang"])
        #expect(try store.account(login: "zhang") == clerk)
        #expect(try store.account(id: clerk.id) == clerk)
        #expect(try store.account(login: "nobody") == nil)
        #expect(throws: ArchiveError(.conflict(message: RoundStoreMessages.loginTaken("zhang")))) {
            try store.add(District.account("zhang", role: .admin))
        }
        #expect(throws: ArchiveError(.conflict(message: RoundStoreMessages.noSuchSchool("S999")))) {
            try store.add(District.account("wang", role: .clerk, school: School(code: "S999", name: "")))
        }
        try store.setPasswordHash("$2b$12$new", account: clerk.id)
        try store.setDisabled(true, account: clerk.id)
        let changed = try #require(try store.account(id: clerk.id))
        #expect(changed.passwordHash == "$2b$12$new" && changed.disabled)
    }

    @Test(arguments: Engine.all)
    func aRoundIsStoredWithItsInputsDocumentsAndRowsAndListedBySchoolAndState(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let store = try District.registered(engine.newRoundStore(in: folder).store)
        let round = District.round("r1", school: District.first)
        let inputs = [StoredInput(roundID: "r1", position: 0, name: "高一(1)班.csv", sha256: "ab", size: 120)]
        let documents = [StoredDocument(roundID: "r1", position: 0, kind: "register", fileName: "花名册.xlsx",
                                        sha256: "cd", rows: 2),
                         StoredDocument(roundID: "r1", position: 1, kind: "manifest", fileName: "manifest.json",
                                        sha256: "ef", rows: nil)]
        let rows = [District.row(0, id: "370102201006150011", card: "6228480000000001"),
                    District.row(1, id: "370102201006150027", card: "6228480000000002")]
        try store.insert(round, inputs: inputs, documents: documents, rows: rows)
        try District.store(District.round("r2", school: District.second, createdAt: "2026-12-06T11:00:00+08:00"),
                           rows: [], in: store, state: .submitted)

        #expect(try store.round(id: "r1") == round)
        #expect(try store.round(id: "nope") == nil)
        #expect(try store.inputs(of: "r1") == inputs)
        #expect(try store.documents(of: "r1") == documents)
        #expect(try store.rows(of: "r1") == rows)
        #expect(try store.rounds(school: nil, states: nil, limit: 10).map(\.id) == ["r2", "r1"])
        #expect(try store.rounds(school: "S001", states: nil, limit: 10).map(\.id) == ["r1"])
        #expect(try store.rounds(school: nil, states: [.submitted], limit: 10).map(\.id) == ["r2"])
        #expect(try store.rounds(school: nil, states: RoundState.standing, limit: 1).map(\.id) == ["r2"])
    }

    @Test(arguments: Engine.all)
    func aChangeOfStateHappensOnlyFromTheStatesAndVersionGivenAndLogsItsAudit(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let store = try District.registered(engine.newRoundStore(in: folder).store)
        try store.insert(District.round("r1", school: District.first), inputs: [], documents: [], rows: [])

        let submitted = try #require(try store.change("r1", from: [.draft, .returned],
                                                     to: StateChange(state: .submitted, at: "t1", by: "zhang"),
                                                     audit: District.audit("submitted", by: "zhang", round: "r1")))
        #expect(submitted.state == .submitted && submitted.version == 2 && submitted.changedBy == "zhang")
        // Submitted twice: the second finds it no longer a draft.
        #expect(try store.change("r1", from: [.draft], to: StateChange(state: .submitted, at: "t2", by: "zhang"),
                                 audit: District.audit("submitted", by: "zhang", round: "r1")) == nil)
        // A reviewer who saw version 1 is too late.
        #expect(try store.change("r1", from: [.submitted],
                                 to: StateChange(state: .approved, at: "t3", by: "li", expectedVersion: 1),
                                 audit: District.audit("approved", by: "li", round: "r1")) == nil)
        let returned = try #require(try store.change(
            "r1", from: [.submitted], to: StateChange(state: .returned, reason: "缺少证明材料", at: "t4", by: "li",
                                                     expectedVersion: 2),
            audit: District.audit("returned", by: "li", round: "r1")))
        #expect(returned.state == .returned && returned.reason == "缺少证明材料" && returned.version == 3)
        let paid = try #require(try store.change("r1", from: [.returned],
                                                 to: StateChange(state: .paid, at: "t5", by: "li", archiveBatch: 42),
                                                 audit: District.audit("paid", by: "li", round: "r1")))
        #expect(paid.archiveBatch == 42)
        #expect(try store.audit(limit: 10).map(\.action) == ["paid", "returned", "submitted"])
        try store.log(District.audit("downloaded", by: "li", round: "r1"))
        #expect(try store.audit(limit: 1).map(\.action) == ["downloaded"])
    }

    @Test(arguments: Engine.all)
    func ofReviewersApprovingOneRoundAtOnceExactlyOneDoes(_ engine: Engine) async throws {
        let folder = TemporaryFolder()
        let location = try engine.location(in: folder, name: "rounds.sqlite")
        let store = try District.registered(RoundStores.open(location))
        try District.store(District.round("r1", school: District.first), rows: [], in: store, state: .submitted)
        // Each reviewer has a store of their own (a process, a connection pool) on the same database.
        let reviewers = try (0..<6).map { _ in try RoundStores.open(location) }
        let approvals = await withTaskGroup(of: Bool.self) { group in
            for (number, reviewer) in reviewers.enumerated() {
                group.addTask {
                    let approved = try? reviewer.change(
                        "r1", from: [.submitted], to: StateChange(state: .approved, at: "t", by: "reviewer\(number)"),
                        audit: District.audit("approved", by: "reviewer\(number)", round: "r1"))
                    return approved != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(approvals.filter { $0 }.count == 1)
        #expect(try store.audit(limit: 20).filter { $0.action == "approved" }.count == 1)
        #expect(try store.round(id: "r1")?.version == 3)
    }

    @Test func aServerFolderOfAnEarlierZizhuIsBroughtUpToDateWithItsRoundsAsDrafts() throws {
        let folder = TemporaryFolder()
        let path = folder.file("zizhu-server.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SQLiteRoundStore.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO round (id, createdAt, label, policyName, rows, accepted, returned, errors, warnings,
                                   amountIn, amountAccepted, amountReturned)
                VALUES ('old', '2026-11-01T09:00:00+08:00', '高一(1)班.csv', '默认政策', 3, 2, 1, 1, 0, '3000.00',
                        '2000.00', '1000.00')
                """)
        }
        try queue.close()
        let store = try SQLiteRoundStore(path: path)
        #expect(try store.schemaVersion() == 3)
        let round = try #require(try store.round(id: "old"))
        #expect(round.state == .draft && round.schoolCode == "" && round.accepted == 2 && round.version == 1)
    }

    @Test(arguments: Engine.all)
    func bothEnginesKnowTheSameMigrations(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let store = try engine.newRoundStore(in: folder).store
        #expect(try store.schemaVersion() == 3)
    }
}
