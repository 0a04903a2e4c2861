import Testing
@testable import ZizhuCore
import ZizhuTestSupport

/// The Validator's hook through which an assistance list stands for a category's proof document.
@Suite struct ProofOnRecordTests {
    /// Every document but the proof is handed in; the 低保证 column says 无 on every row.
    static let headers = ApplicantBuilder.standardHeaders.filter { $0 != "监护人" && $0 != "困难证明" }
        + ["监护人", "监护人身份证号", "低保证"]
    static let guardianID = ApplicantBuilder.residentID(birth: "19780101", sequence: 211)

    /// Line 2: the student on the list; 3: not on it; 4: the guardian's ID on it; 5: the guardian's name only.
    static func round() -> (ApplicantBuilder, AssistanceList) {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headers: headers)
        let claim = ["困难类型": "低保", "困难等级": "特别困难", "资助金额": "1500", "低保证": "无"]
        round.row(claim)
        round.row(claim)
        round.row(claim.merging(["监护人身份证号": guardianID]) { $1 })
        round.row(claim.merging(["监护人": "杨建国"]) { $1 })
        var list = AssistanceList(kind: "低保", category: "低保", file: "低保名单.csv")
        list.addRow(line: 4, ids: [round.applicants[0].value(.idNumber)], names: [round.applicants[0].value(.name)])
        list.addRow(line: 5, ids: [guardianID], names: ["李志明"])
        list.addRow(line: 6, ids: [], names: ["杨建国"])
        return (round, list)
    }

    static func codes(_ result: RoundResult) -> [String] {
        result.findings.map { "\($0.code.rawValue) \($0.location.line ?? 0)" }
    }

    @Test func aListThatConfirmsTheClaimByIDStandsForTheMissingProof() {
        let (round, list) = Self.round()
        let result = Validator(policy: .default, additionalChecks: [EvidenceCheck(lists: [list])])
            .run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(Self.codes(result) == [
            "category-verified 2",
            "category-unverified 3", "document-missing 3",
            "category-verified 4",
            "category-verified 5", "document-missing 5",
        ])
        // The student on the list and the one whose guardian's ID is on it are accepted; the unverified one
        // and the name-only match still lack the 低保证.
        #expect(result.isReturned == [false, true, false, true])
        let nameOnly = result.findings.first { $0.code == .categoryVerified && $0.location.line == 5 }
        #expect(nameOnly.map { MessageCatalog.message(for: $0) }?.contains("仅按姓名匹配") == true)
        #expect(nameOnly.map { MessageCatalog.fix(for: $0) }?.contains("名单不能代替证明材料") == true)
        let byID = result.findings.first { $0.code == .categoryVerified && $0.location.line == 2 }
        #expect(byID.map { MessageCatalog.fix(for: $0) } == "无需处理；按政策，名单代替“低保证”，不必另交。")
        #expect(byID.map { MessageCatalog.fix(for: $0, language: .en) }?.contains("stands for the “低保证”") == true)
    }

    @Test func thePolicyCanKeepRequiringTheProof() {
        let (round, list) = Self.round()
        var policy = Policy.default
        policy.documents.listCountsAsProof = false
        let result = Validator(policy: policy, additionalChecks: [EvidenceCheck(lists: [list])])
            .run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(result.findings.filter { $0.code == .documentMissing }.map { $0.location.line ?? 0 } == [2, 3, 4, 5])
        #expect(result.isReturned == [true, true, true, true])
        let byID = result.findings.first { $0.code == .categoryVerified && $0.location.line == 2 }
        #expect(byID.map { MessageCatalog.fix(for: $0) }?.contains("仍需上交“低保证”") == true)
    }

    /// A file without any proof column reports it once, at file level: not when every claimant's proof is
    /// on record, but still for a claimant whose proof is not.
    @Test func theFileLevelNoteIsOnlyForClaimsNotOnRecord() {
        var round = ApplicantBuilder()
        round.file("高一(2)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "困难证明" })
        round.row(["困难类型": "低保", "困难等级": "特别困难", "资助金额": "1500"])
        round.row(["困难类型": "低保", "困难等级": "特别困难", "资助金额": "1500"])
        var list = AssistanceList(kind: "低保", category: "低保", file: "低保名单.csv")
        list.addRow(line: 2, ids: [round.applicants[0].value(.idNumber)], names: [])
        let check = EvidenceCheck(lists: [list])
        func documentFindings(_ applicants: [Applicant]) -> [Finding] {
            Validator(policy: .default, additionalChecks: [check])
                .run(inputs: round.inputs, applicants: applicants, importFindings: [])
                .findings.filter { $0.code == .documentMissing && $0.arguments["document"] == "低保证" }
        }
        #expect(documentFindings(Array(round.applicants.prefix(1))).isEmpty)
        let both = documentFindings(round.applicants)
        #expect(both.count == 1)
        #expect(both.first?.location.line == nil)
    }

    @Test func proofsOnRecordListsIDMatchesOnly() {
        let (round, list) = Self.round()
        let proofs = EvidenceCheck(lists: [list]).proofsOnRecord(for: round.applicants, policy: .default)
        #expect(proofs.entries.map(\.row) == [0, 2])
        #expect(proofs.contains(row: 0, category: "低保"))
        #expect(!proofs.contains(row: 0, category: "残疾学生"))
        // Only the checks that are ProofOnRecordChecks are asked.
        let validator = Validator(policy: .default, additionalChecks: [EnrolmentCheck(roster: EnrolmentRoster(file: "x")),
                                                                       EvidenceCheck(lists: [list])])
        #expect(validator.proofsOnRecord(round.applicants) == proofs)
    }
}
