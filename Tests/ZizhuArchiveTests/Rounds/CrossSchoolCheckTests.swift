import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

@Suite struct CrossSchoolCheckTests {
    let shared = Rounds.student(1)
    let other = Rounds.student(2)
    let own = Rounds.student(3)

    @Test(arguments: Engine.all)
    func anIDOrACardInAnotherSchoolsStandingRoundOfTheTermIsFound(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let (opened, archive) = try engine.newRoundStore(in: folder)
        let store = try District.registered(opened)
        try District.store(District.round("b", school: District.second),
                           rows: [District.row(0, id: shared.id, card: shared.card),
                                  District.row(1, id: other.id, card: own.card)], in: store, state: .submitted)
        let round = District.round("a", school: District.first)
        try District.store(round, rows: [District.row(0, id: own.id, card: own.card),
                                         District.row(1, id: shared.id, card: shared.card)], in: store)

        let findings = try CrossSchoolCheck(store: store, archive: archive).findings(for: round)
        #expect(findings.map(\.code) == [.cardShared, .duplicateIDAcrossSchools])
        let card = findings[0], duplicate = findings[1]
        #expect(card.row == 0 && card.severity == .error && card.arguments["count"] == "2")
        #expect(card.arguments["places"] == "示例县第二中学报送区里的名单")
        #expect(duplicate.row == 1 && duplicate.severity == .error && duplicate.location.line == 3)
        #expect(duplicate.arguments == ["school": "示例县第二中学"])
        #expect(MessageCatalog.message(for: duplicate).contains("示例县第二中学"))
        // The other school's round says nothing of its pupils: no name, no row of theirs.
        #expect(!MessageCatalog.message(for: duplicate, showValues: true).contains("学生"))
    }

    @Test(arguments: Engine.all)
    func returnedDraftOtherTermAndOwnSchoolRoundsDoNotCount(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let (opened, archive) = try engine.newRoundStore(in: folder)
        let store = try District.registered(opened)
        let rows = [District.row(0, id: shared.id, card: shared.card)]
        try District.store(District.round("returned", school: District.second), rows: rows, in: store, state: .returned)
        try District.store(District.round("draft", school: District.second), rows: rows, in: store)
        try District.store(District.round("spring", school: District.second, term: "2026春季学期"), rows: rows,
                           in: store, state: .approved)
        try District.store(District.round("own", school: District.first), rows: rows, in: store, state: .submitted)
        let round = District.round("a", school: District.first)
        try District.store(round, rows: rows, in: store)
        #expect(try CrossSchoolCheck(store: store, archive: archive).findings(for: round).isEmpty)
    }

    @Test(arguments: Engine.all)
    func aPaidRoundIsRecordedOnceAndItsPaymentsAreRepeatAidForAnotherSchoolButNotForItself(_ engine: Engine) throws {
        let folder = TemporaryFolder()
        let (opened, archive) = try engine.newRoundStore(in: folder)
        let store = try District.registered(opened)
        let rows = [District.row(0, id: shared.id, card: shared.card, amountFen: 100_000)]
        try District.store(District.round("b", school: District.second), rows: rows, in: store, state: .approved)
        let approved = try #require(try store.round(id: "b"))
        let batch = try archive.record(paid: approved, school: District.second.name, rows: try store.rows(of: "b"))
        // A retry after a crash between recording and marking paid finds the same batch.
        #expect(try archive.record(paid: approved, school: District.second.name, rows: rows) == batch)
        #expect(try archive.batches().count == 1 && archive.batches()[0].total == Money(fen: 100_000))
        // Returned after a recording that was never marked paid: the batch is taken back, and can be made again.
        try archive.unrecord(paid: approved)
        #expect(try archive.batches().isEmpty)
        try archive.unrecord(paid: approved)
        #expect(try archive.record(paid: approved, school: District.second.name, rows: rows) != batch)
        let recorded = try #require(try archive.batches().first).id
        let paid = try #require(try store.change("b", from: [.approved],
                                                 to: StateChange(state: .paid, at: "t", by: "li", archiveBatch: recorded),
                                                 audit: District.audit("paid", by: "li", round: "b")))
        #expect(try CrossSchoolCheck(store: store, archive: archive).findings(for: paid).isEmpty)

        let round = District.round("a", school: District.first)
        try District.store(round, rows: [District.row(0, id: shared.id, card: own.card)], in: store)
        let findings = try CrossSchoolCheck(store: store, archive: archive).findings(for: round)
        #expect(findings.map(\.code) == [.duplicateIDAcrossSchools, .repeatAid])
        #expect(findings[1].arguments["batchID"] == String(recorded) && findings[1].arguments["school"] == "示例县第二中学")
    }
}
