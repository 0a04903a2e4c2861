import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CardSharedTests {
    let card = ApplicantBuilder.card(bin: "622848", serial: 99)

    @Test func catchesOneCardOnTwoStudentsOnBothRows() {
        var round = ApplicantBuilder()
        round.row(["银行卡号": card])
        round.row()
        round.row(["银行卡号": card])
        let findings = RuleHarness.run(CardShared(), round)
        #expect(findings.map(\.code) == [.cardShared, .cardShared])
        #expect(findings.map(\.row) == [0, 2])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings[0].related == [round.applicants[2].location])
        #expect(findings[1].related == [round.applicants[0].location])
        #expect(findings[0].text == "同一银行卡号用于 2 名学生（另见第 4 行）。")
    }

    @Test func everyRowOfTheCardListsEveryOtherAcrossFiles() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.row(["银行卡号": card])
        round.row(["银行卡号": String(card.prefix(4)) + " " + String(card.dropFirst(4))])
        round.file("高一(2)班.csv")
        round.row(["银行卡号": card])
        let findings = RuleHarness.run(CardShared(), round)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.related.count == 2 })
        #expect(findings[0].text.contains("高一(2)班.csv 第 2 行"))
    }

    @Test func leavesOneStudentsRepeatedRowsAndDistinctCardsAlone() {
        var round = ApplicantBuilder()
        let id = ApplicantBuilder.residentID()
        round.row(["身份证号": id, "银行卡号": card])
        round.row(["身份证号": id, "银行卡号": card])
        round.row()
        round.row()
        #expect(RuleHarness.run(CardShared(), round).isEmpty)
    }
}
