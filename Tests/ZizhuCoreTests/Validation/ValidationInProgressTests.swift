import Testing
@testable import ZizhuCore
import ZizhuTestSupport

/// `Validator.start` must decide every row as `run` does, whatever order its row rules take and wherever its
/// additional checks run, and give the same result at the end.
@Suite struct ValidationInProgressTests {
    /// Rows in three files and several classes, with row errors (ID check character, card, amount), cross-row
    /// errors (a shared card, a repeated ID), warnings, and rows for the two additional checks below.
    static func round() -> ApplicantBuilder {
        var round = ApplicantBuilder()
        for file in 0..<3 {
            round.file("第\(file + 1)批.csv")
            round.rows(40) { i in
                var values = ["班级": "高\(["一", "二", "三"][(i + file) % 3])(\(i % 4 + 1))班"]
                switch (i * 7 + file) % 13 {
                case 1: values["身份证号"] = "370102201005121231"  // wrong check character
                case 2: values["银行卡号"] = ApplicantBuilder.card(serial: 99)  // shared by several rows
                case 3: values["资助金额"] = "1200"  // not a tier
                case 4: values["姓名"] = "王䶮"  // flagged by the row-wise check
                case 5: values["联系电话"] = "13900000000"  // shared phone
                default: break
                }
                return values
            }
        }
        let repeated = round.applicants[5].value(.idNumber)
        round.row(["身份证号": repeated])  // a repeated ID
        return round
    }

    /// Returns the rows whose name holds 䶮, as the bank template check does for GBK; row-wise.
    struct RareCharacterCheck: RowWiseCheck {
        func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
            for applicant in applicants where applicant.value(.name).contains("䶮") {
                findings.append(Finding(.bankValueUnwritable, for: applicant, field: .name,
                                        arguments: ["template": "t", "encoding": "GBK", "detail": "䶮", "detailEn": "䶮"]))
            }
        }
    }

    /// Needs the whole round: reports the last row of the round.
    struct LastRowCheck: RoundCheck {
        func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding]) {
            guard let last = applicants.last else { return }
            findings.append(Finding(.bankValueUnwritable, for: last, field: .name,
                                    arguments: ["template": "t", "encoding": "GBK", "detail": "x", "detailEn": "x"]))
        }
    }

    static func text(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.code.rawValue)|\($0.severity)|\($0.location)|\($0.row ?? -1)|\($0.field ?? "")|\($0.arguments.sorted { $0.key < $1.key })" }
    }

    @Test(arguments: [false, true])
    func everyOrderDecidesAsRunDoes(writesMeanwhile: Bool) {
        let round = ValidationInProgressTests.round()
        var policy = Policy.default
        policy.severity["phone-shared"] = .error  // a policy's severity decides too
        let validator = Validator(policy: policy, additionalChecks: [RareCharacterCheck(), LastRowCheck()])
        let expected = validator.run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(expected.summary.returned > 10 && expected.summary.accepted > 10)
        #expect(expected.findings.contains { $0.code == .phoneShared && $0.severity == .error })

        let count = round.applicants.count
        var random = SeededRandom(seed: 7)
        var shuffled = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        for order in [Array(0..<count), Array((0..<count).reversed()), shuffled] {
            let validation = validator.start(inputs: round.inputs, applicants: round.applicants, importFindings: [],
                                             writesMeanwhile: writesMeanwhile, rowOrder: { _ in order })
            #expect(validation.order == order)
            for position in order.indices {
                #expect(validation.isReturned(at: position) == expected.isReturned[order[position]])
            }
            for row in 0..<count {
                #expect(validation.fenPerRow[row] == (round.applicants[row].amount?.fen ?? .min))
            }
            let result = validation.finish()
            #expect(result.isReturned == expected.isReturned)
            #expect(result.summary == expected.summary)
            #expect(ValidationInProgressTests.text(result.findings) == ValidationInProgressTests.text(expected.findings))
        }
    }

    @Test func aRowIsDecidedAsSoonAsItsRulesHaveRun() {
        // The reader asks for the rows in order while the rules are still running: it must wait, not guess.
        var round = ApplicantBuilder()
        round.rows(RowRulesStream.chunk * 3 + 5) { i in i % 500 == 499 ? ["资助金额": "1200"] : [:] }
        let validator = Validator(policy: .default)
        let expected = validator.run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let validation = validator.start(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let decisions = (0..<round.applicants.count).map { validation.isReturned(at: $0) }
        #expect(decisions == expected.isReturned)
        #expect(decisions.filter { $0 }.count == round.applicants.count / 500)
        _ = validation.finish()
    }

    @Test func rowsHandedOverAreNoLongerHeldAndTheDecisionStands() {
        var round = ApplicantBuilder()
        round.rows(RowRulesStream.chunk + 7) { i in i % 100 == 99 ? ["资助金额": "1200"] : [:] }
        let validator = Validator(policy: .default)
        let expected = validator.run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let validation = validator.start(inputs: round.inputs, applicants: round.applicants, importFindings: [],
                                         writesMeanwhile: true)
        let decided = validation.finish()
        let rows = validation.handOverRows()
        #expect(rows.count == round.applicants.count)
        #expect(validation.applicants.isEmpty)
        #expect(decided.isReturned == expected.isReturned)
        #expect(decided.applicants.count == rows.count)
    }
}
