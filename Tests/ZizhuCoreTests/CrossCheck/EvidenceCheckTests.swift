import Testing
import ZizhuCore
import ZizhuTestSupport

@Suite struct EvidenceCheckTests {
    static let headers = ["序号", "姓名", "身份证号", "年级", "班级", "困难类型", "监护人", "监护人身份证号"]

    @Test func claimsAreBackedByStudentGuardianIDOrGuardianName() {
        var builder = ApplicantBuilder()
        builder.file("高一(1)班.csv", headers: Self.headers)
        let ids = (0..<4).map { ApplicantBuilder.residentID(birth: "2009060\($0 + 1)", sequence: 101 + 2 * $0) }
        let guardianID = ApplicantBuilder.residentID(birth: "19780101", sequence: 211)
        builder.row(["身份证号": ids[0], "困难类型": "低保户"], defaults: false)                        // 2 student
        builder.row(["身份证号": ids[1], "困难类型": "低保", "监护人身份证号": guardianID], defaults: false) // 3 guardian ID
        builder.row(["身份证号": ids[2], "困难类型": "低保", "监护人": "杨建国"], defaults: false)       // 4 guardian name
        builder.row(["身份证号": ids[3], "困难类型": "低保、残疾", "监护人": "吴刚"], defaults: false)    // 5 neither
        builder.row(["身份证号": ids[3], "困难类型": "孤儿"], defaults: false)                          // 6 no list
        var list = AssistanceList(kind: "农村低保", category: "低保", file: "低保名单.csv")
        list.addRow(line: 4, ids: ["370102197501014117", ids[0]], names: ["张大山", "张伟"])
        list.addRow(line: 5, ids: [guardianID], names: ["李志明"])
        list.addRow(line: 6, ids: [], names: ["杨建国"])

        var findings: [Finding] = []
        EvidenceCheck(lists: [list]).check(builder.applicants, policy: .default, into: &findings)
        #expect(findings.map { "\($0.code.rawValue) \($0.location.line ?? 0)" }
                == ["category-verified 2", "category-verified 3", "category-verified 4", "category-unverified 5"])
        #expect(findings[0].related == [SourceLocation(file: "低保名单.csv", line: 4)])
        #expect(findings[0].arguments["category"] == "低保")
        #expect(MessageCatalog.message(for: findings[2]).contains("仅按姓名"))
        #expect(MessageCatalog.message(for: findings[3]).contains("低保名单.csv"))
        #expect(findings.allSatisfy { $0.severity == ($0.code == .categoryVerified ? .info : .warning) })
    }

    /// A list given under the wrong KIND: one of six claimants matches (< 20 %) → a file-level warning.
    @Test func wrongKindIsReportedOncePerList() {
        var builder = ApplicantBuilder()
        builder.file("高一(2)班.csv", headers: Self.headers)
        let ids = (0..<6).map { ApplicantBuilder.residentID(birth: "2009070\($0 + 1)", sequence: 121 + 2 * $0) }
        for id in ids { builder.row(["身份证号": id, "困难类型": "特困供养"], defaults: false) }
        var list = AssistanceList(kind: "特困", category: "特困供养", file: "残疾人名单.csv")
        list.addRow(line: 2, ids: [ids[0]], names: [])
        var findings: [Finding] = []
        EvidenceCheck(lists: [list]).check(builder.applicants, policy: .default, into: &findings)
        let fileLevel = findings.filter { $0.location.line == nil }
        #expect(fileLevel.count == 1)
        #expect(fileLevel.first?.code == .categoryUnverified)
        #expect(fileLevel.first?.location.file == "残疾人名单.csv")
        #expect(fileLevel.first.map { MessageCatalog.message(for: $0) }?.contains("6 名申请人中只有 1 名") == true)
        #expect(findings.filter { $0.code == .categoryUnverified && $0.row != nil }.count == 5)

        // Two of six (33 %) is not "almost none".
        list.addRow(line: 3, ids: [ids[1]], names: [])
        findings = []
        EvidenceCheck(lists: [list]).check(builder.applicants, policy: .default, into: &findings)
        #expect(findings.filter { $0.location.line == nil }.isEmpty)
    }
}
