import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct ValidatorTests {
    func run(_ round: ApplicantBuilder, policy: Policy = .default, importFindings: [Finding] = [],
             checks: [any RoundCheck] = []) -> RoundResult {
        Validator(policy: policy, additionalChecks: checks)
            .run(inputs: round.inputs, applicants: round.applicants, importFindings: importFindings)
    }

    @Test func cleanRowsDrawNoFinding() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv")
        round.rows(60)
        round.file("高一(2)班.csv")
        round.rows(60)
        let result = run(round)
        for finding in result.findings { Issue.record("\(finding.location) \(finding.code.rawValue): \(finding.text)") }
        #expect(result.summary.rows == 120)
        #expect(result.summary.accepted == 120)
        #expect(result.summary.returned == 0)
    }

    @Test func aRowWithAnErrorIsReturnedAndAWarningIsNot() {
        var round = ApplicantBuilder()
        round.row(["身份证号": "370102201005121231", "学籍号": ""])  // id-checksum: error
        round.row(["银行卡号": "6228480402564890017"])  // card-luhn: warning
        round.row()
        let result = run(round)
        #expect(result.isReturned == [true, false, false])
        #expect(result.returned.map(\.index) == [0])
        #expect(result.accepted.map(\.index) == [1, 2])
        #expect(result.findings(forRow: 0).contains { $0.code == .idChecksum })
        #expect(result.findings(forRow: 1).map(\.code).contains(.cardLuhn))
    }

    @Test func summaryConservesRowsAndMoney() {
        var round = ApplicantBuilder()
        round.row(["资助金额": "1500", "困难等级": "特别困难"])
        round.row(["资助金额": "壹仟"])  // invalid: returned, counts nothing
        round.row(["资助金额": "1,150", "困难等级": "困难", "困难类型": "其他"])
        round.row(["资助金额": "1200"])  // not standard: returned with its amount
        round.row(["资助金额": "800", "困难等级": "一般困难", "困难类型": "其他", "户口本": "无"])  // returned
        let s = run(round).summary
        #expect(s.rows == 5)
        #expect(s.returned == 3)
        #expect(s.accepted == 2)
        #expect(s.amountIn == Money(yuan: 1500 + 1150 + 1200 + 800))
        #expect(s.amountAccepted == Money(yuan: 1500 + 1150))
        #expect(s.amountReturned == Money(yuan: 1200 + 800))
        #expect(s.amountIn == s.amountAccepted + s.amountReturned)
        #expect(s.rows == s.accepted + s.returned)
        #expect(s.errors == 3)
    }

    @Test func bothRowsOfADuplicateAndEveryRowOfASharedCardAreReturned() {
        var round = ApplicantBuilder()
        let id = ApplicantBuilder.residentID(birth: "20100707")
        let card = ApplicantBuilder.card(serial: 777_777)
        round.file("高一(1)班.csv")
        round.row(["身份证号": id, "学籍号": "G" + id])
        round.row(["银行卡号": card])
        round.row(["银行卡号": card])
        round.row()
        round.file("高一(2)班.csv")
        round.row(["身份证号": id, "学籍号": "G" + id])
        let result = run(round)
        #expect(result.isReturned == [true, true, true, false, true])
        let across = result.findings.filter { $0.code == .duplicateIDAcrossFiles }
        #expect(across.map(\.location.file) == ["高一(1)班.csv", "高一(2)班.csv"])
    }

    @Test func thePolicyChangesSeverities() {
        var round = ApplicantBuilder()
        round.row(["银行卡号": "6228480402564890017"])
        round.row(["身份证号": "370102201005121231", "学籍号": ""])
        var policy = Policy.default
        policy.severity = ["card-luhn": .error, "id-checksum": .warning]
        let result = run(round, policy: policy)
        #expect(result.isReturned == [true, false])
        #expect(result.findings.first { $0.code == .cardLuhn }?.severity == .error)
        #expect(result.findings.first { $0.code == .idChecksum }?.severity == .warning)
    }

    @Test func importFindingsAreKeptDecideAndSilenceRulesOnTheSameCell() {
        var round = ApplicantBuilder()
        round.row(["身份证号": "3.70102E+17"])
        round.row()
        let mangled = Finding(.valueExcelMangled, for: round.applicants[0], field: .idNumber, value: "3.70102E+17")
        let fileLevel = Finding(.encodingGuessed, at: SourceLocation(file: "高一(1)班.csv", line: nil),
                                arguments: ["encoding": "GB18030"])
        let result = run(round, importFindings: [mangled, fileLevel])
        #expect(result.findings.map(\.code) == [.encodingGuessed, .valueExcelMangled])
        #expect(result.isReturned == [true, false])
        #expect(result.summary.errors == 1)
        #expect(result.summary.warnings == 1)
    }

    @Test func fileLevelFindingsDoNotReturnRows() {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "申请表" })
        round.rows(5) { _ in ["资助金额": "1150", "困难等级": "困难", "困难类型": "其他"] }
        let result = run(round)
        #expect(Set(result.findings.map(\.code)) == [.documentMissing, .amountUniform])
        #expect(result.findings.allSatisfy { $0.location.line == nil && $0.row == nil })
        #expect(result.summary.returned == 0)
    }

    @Test func findingsAreSortedByFileLineAndCode() {
        var round = ApplicantBuilder()
        round.file("b.csv")
        round.row(["姓名": "", "银行卡号": "123"])
        round.file("a.csv")
        round.row()
        round.row(["资助金额": "1200", "身份证号": "12"])
        let result = run(round)
        let keys = result.findings.map { "\($0.location.file):\($0.location.line ?? 0):\($0.code.rawValue)" }
        #expect(keys == ["a.csv:3:amount-not-standard", "a.csv:3:id-format", "b.csv:2:card-format", "b.csv:2:name-invalid"])
    }

    struct Flagger: RoundCheck {
        func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
            if let last = applicants.last {
                findings.emit(Finding(.repeatAid, for: last, field: .idNumber, arguments: ["batch": "2026-1", "date": "2026-03-01"]))
            }
        }
    }

    @Test func additionalChecksTakePartInTheDecision() {
        var round = ApplicantBuilder()
        round.rows(3)
        let result = run(round, checks: [Flagger()])
        #expect(result.isReturned == [false, false, true])
        #expect(result.findings.map(\.code) == [.repeatAid])
    }

    @Test func rowIndicesAreMadeConsistent() {
        var round = ApplicantBuilder()
        round.rows(2)
        var applicants = round.applicants
        applicants[0].index = 5
        applicants[1].index = 5
        applicants[1].cells[3] = "bad"
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: applicants, importFindings: [])
        #expect(result.applicants.map(\.index) == [0, 1])
        #expect(result.isReturned == [false, true])
    }

    @Test func malformedIDsStillTakePartInOtherChecks() {
        var round = ApplicantBuilder()
        let card = ApplicantBuilder.card(serial: 4242)
        round.row(["身份证号": "abc", "银行卡号": card])
        round.row(["身份证号": "", "银行卡号": card])
        let codes = run(round).findings.map(\.code)
        #expect(codes.filter { $0 == .cardShared }.count == 2)
        #expect(codes.filter { $0 == .idFormat }.count == 2)
    }
}
