import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct DuplicatePersonTests {
    @Test func catchesTheSameNameAndBirthDateUnderTwoIDs() {
        var round = ApplicantBuilder()
        round.row(["姓名": "王小明", "身份证号": ApplicantBuilder.residentID(region: "370102", birth: "20100512", sequence: 111)])
        round.row()
        round.row(["姓名": "王小明", "身份证号": ApplicantBuilder.residentID(region: "410102", birth: "20100512", sequence: 333)])
        let findings = RuleHarness.run(DuplicatePerson(), round)
        #expect(findings.map(\.row) == [0, 2])
        #expect(findings.allSatisfy { $0.code == .duplicatePerson && $0.severity == .warning })
        #expect(findings[0].related == [round.applicants[2].location])
        #expect(findings[0].text == "与第 4 行的学生同名且出生日期相同，但身份证号不同。")
    }

    @Test func leavesOtherBirthDatesOtherNamesAndTheSameIDAlone() {
        var round = ApplicantBuilder()
        round.row(["姓名": "王小明", "身份证号": ApplicantBuilder.residentID(birth: "20100512", sequence: 111)])
        round.row(["姓名": "王小明", "身份证号": ApplicantBuilder.residentID(birth: "20100513", sequence: 111)])
        round.row(["姓名": "王小红", "身份证号": ApplicantBuilder.residentID(birth: "20100512", sequence: 222)])
        round.row(["姓名": "王小红", "身份证号": ApplicantBuilder.residentID(birth: "20100512", sequence: 222)])
        #expect(RuleHarness.run(DuplicatePerson(), round).isEmpty)
    }
}
