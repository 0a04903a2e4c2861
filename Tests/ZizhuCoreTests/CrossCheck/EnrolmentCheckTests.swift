import Testing
import ZizhuCore
import ZizhuTestSupport

@Suite struct EnrolmentCheckTests {
    static func record(_ id: String, _ name: String, grade: String = "高一", className: String = "高一(1)班",
                       status: String = "在读", line: Int) -> EnrolmentRecord {
        EnrolmentRecord(idNumber: id, studentNumber: "G" + id, name: name, grade: grade, className: className,
                        status: status, location: SourceLocation(file: "在校生信息.csv", line: line))
    }

    @Test func eachApplicantAgainstTheRoster() {
        var builder = ApplicantBuilder()
        let ids = (0..<5).map { ApplicantBuilder.residentID(birth: "2009050\($0 + 1)", sequence: 101 + 2 * $0) }
        builder.row(["身份证号": ids[0], "姓名": "张伟", "班级": "高一1班"])        // line 2: matches
        builder.row(["身份证号": ids[1], "姓名": "李娜"])                         // 3: 休学
        builder.row(["身份证号": ids[2], "姓名": "王芳"])                         // 4: not on roster
        builder.row(["身份证号": ids[3], "姓名": "刘阳", "班级": "高一(3)班"])   // 5: name and class differ
        builder.row(["身份证号": "", "学籍号": "J3701020001", "姓名": "陈静"])    // 6: by 学籍号, matches
        var roster = EnrolmentRoster(file: "在校生信息.csv")
        roster.add(Self.record(ids[0], "张伟", line: 4))
        roster.add(Self.record(ids[1], "李娜", status: "休学", line: 5))
        roster.add(Self.record(ids[3], "刘洋", line: 6))
        roster.add(EnrolmentRecord(idNumber: "", studentNumber: "J3701020001", name: "陈静", grade: "高一",
                                   className: "高一(1)班", location: SourceLocation(file: "在校生信息.csv", line: 7)))

        var findings: [Finding] = []
        EnrolmentCheck(roster: roster).check(builder.applicants, policy: .default, into: &findings)
        #expect(findings.map { "\($0.code.rawValue) \($0.location.line ?? 0)" }
                == ["not-enrolled 3", "not-enrolled 4", "enrolment-mismatch 5"])
        #expect(findings[0].arguments["status"] == "休学")
        #expect(findings[0].related == [SourceLocation(file: "在校生信息.csv", line: 5)])
        #expect(MessageCatalog.message(for: findings[0]).contains("休学"))
        #expect(MessageCatalog.message(for: findings[1]).contains("不在学籍名单 在校生信息.csv"))
        #expect(findings[2].arguments["fields"] == "姓名、班级")
        let message = MessageCatalog.message(for: findings[2])
        #expect(message.contains("姓名、班级不同"))
        #expect(message.contains("高一(1)班"))
        #expect(!message.contains(ids[3]))
        #expect(findings.allSatisfy { $0.row != nil })
    }
}
