import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct DuplicateIDInFileTests {
    let id = ApplicantBuilder.residentID(birth: "20100303", sequence: 555)

    @Test func catchesBothRowsOfADuplicateWithEachOtherRelated() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.row(["身份证号": id])
        round.row()
        round.row(["身份证号": id.lowercased()])
        let findings = RuleHarness.run(DuplicateIDInFile(), round)
        #expect(findings.map(\.code) == [.duplicateIDInFile, .duplicateIDInFile])
        #expect(findings.map(\.row) == [0, 2])
        #expect(findings[0].related == [SourceLocation(file: "高一(1)班.csv", line: 4)])
        #expect(findings[1].related == [SourceLocation(file: "高一(1)班.csv", line: 2)])
        #expect(findings[0].text == "同一身份证号在本文件中出现 2 次（另见第 4 行）。")
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func aLegacyNumberDuplicatesItsEighteenDigitForm() {
        var round = ApplicantBuilder()
        round.row(["身份证号": "110105491231002"])
        round.row(["身份证号": "11010519491231002X"])
        #expect(RuleHarness.run(DuplicateIDInFile(), round).count == 2)
    }

    @Test func threeRowsEachListTheOtherTwo() {
        var round = ApplicantBuilder()
        round.rows(3) { _ in ["身份证号": id] }
        let findings = RuleHarness.run(DuplicateIDInFile(), round)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.related.count == 2 && $0.arguments["count"] == "3" })
    }

    @Test func leavesTheSameIDInAnotherFileAndDistinctIDsAlone() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.row(["身份证号": id])
        round.row()
        round.file("高一(2)班.csv")
        round.row(["身份证号": id])
        #expect(RuleHarness.run(DuplicateIDInFile(), round).isEmpty)
    }

    @Test func malformedIDsTakeNoPart() {
        var round = ApplicantBuilder()
        round.rows(2) { _ in ["身份证号": "37010220100512"] }
        #expect(RuleHarness.run(DuplicateIDInFile(), round).isEmpty)
    }
}
