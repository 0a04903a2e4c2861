import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct DuplicateIDAcrossFilesTests {
    let id = ApplicantBuilder.residentID(birth: "20100303", sequence: 555)

    @Test func catchesEveryRowOfAnIDInTwoFiles() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.row(["身份证号": id])
        round.row(["身份证号": id])
        round.file("高二(3)班.csv")
        round.row()
        round.row(["身份证号": id])
        let findings = RuleHarness.run(DuplicateIDAcrossFiles(), round)
        #expect(findings.map(\.row) == [0, 1, 3])
        #expect(findings.allSatisfy { $0.code == .duplicateIDAcrossFiles && $0.severity == .error })
        #expect(findings[0].related == [SourceLocation(file: "高一(1)班.csv", line: 3),
                                        SourceLocation(file: "高二(3)班.csv", line: 3)])
        #expect(findings[2].related == [SourceLocation(file: "高一(1)班.csv", line: 2),
                                        SourceLocation(file: "高一(1)班.csv", line: 3)])
        #expect(findings[0].text == "同一身份证号出现在 2 个文件中（另见第 3 行、高二(3)班.csv 第 3 行），疑似双学籍或重复申报。")
    }

    @Test func leavesDuplicatesInsideOneFileAlone() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.rows(2) { _ in ["身份证号": id] }
        round.file("高一(2)班.csv")
        round.row()
        #expect(RuleHarness.run(DuplicateIDAcrossFiles(), round).isEmpty)
    }
}
