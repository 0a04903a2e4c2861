import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct MessageCatalogRulesTests {
    @Test(arguments: FindingCode.allCases)
    func everyCodeHasChineseAndEnglish(code: FindingCode) throws {
        let entry = try #require(MessageCatalog.entries[code], "no message for \(code.rawValue)")
        #expect(!entry.zh.isEmpty)
        #expect(!entry.en.isEmpty)
        #expect(!entry.fixZh.isEmpty)
        #expect(!entry.fixEn.isEmpty)
        #expect(entry.zh != entry.en)
        #expect(entry.en.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count < entry.en.count / 2,
                "the English message should be English")
    }

    /// A round with an example of every rule: no message may keep a `{placeholder}`.
    @Test func ruleMessagesFillEveryPlaceholder() {
        var round = ApplicantBuilder()
        let id = ApplicantBuilder.residentID(birth: "20100707")
        let card = ApplicantBuilder.card(serial: 999_999)
        round.file("高一(1)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "申请表" } + ["班级人数"])
        round.rows(6) { _ in ["班级": "高一(3)班", "资助金额": "1150", "困难等级": "困难", "困难类型": "其他", "班级人数": "6",
                              "联系电话": "13900000000"] }
        round.row(["身份证号": "370102201005121231", "学籍号": ""])
        round.row(["身份证号": "12345", "姓名": "Tom", "学籍号": "L123", "银行卡号": "12ab"])
        round.row(["身份证号": "110105491231002", "性别": "女", "银行卡号": "6228480402564890017", "开户行": "工行"])
        round.row(["身份证号": ApplicantBuilder.residentID(region: "990102", birth: "20101301"), "学籍号": "G123"])
        round.row(["身份证号": id, "持卡人": "李老师", "户口本": "无", "资助金额": "1200", "银行卡号": card])
        round.row(["资助金额": "壹仟", "困难类型": "低保", "困难证明": "", "银行卡号": card])
        round.row(["身份证号": id, "学籍号": ""])
        round.row(["身份证号": ApplicantBuilder.residentID(birth: "20000101"), "困难等级": "困难", "资助金额": "1500"])
        round.row(["困难类型": "乱写的类型", "困难等级": "四档"])
        round.file("高一(2)班.csv")
        round.row(["身份证号": id])
        round.row(["姓名": "张三", "身份证号": ApplicantBuilder.residentID(birth: "20100303", sequence: 1)])
        round.row(["姓名": "张三", "身份证号": ApplicantBuilder.residentID(birth: "20100303", sequence: 2)])
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let ruleCodes = Set(FindingCode.allCases).subtracting([
            .encodingUnreadable, .encodingGuessed, .headerNotFound, .noDataRows, .columnMissing, .rowShape, .valueNormalized,
            .valueExcelMangled, .repeatAid, .enrolledElsewhere, .notEnrolled, .enrolmentMismatch,
            .categoryUnverified, .categoryVerified, .bankValueUnwritable, .duplicateIDAcrossSchools,
        ])
        #expect(Set(result.findings.map(\.code)) == ruleCodes,
                "missing: \(ruleCodes.subtracting(result.findings.map(\.code)).map(\.rawValue))")
        for finding in result.findings {
            for language in Language.allCases {
                let message = MessageCatalog.message(for: finding, language: language, showValues: true)
                let fix = MessageCatalog.fix(for: finding, language: language, showValues: true)
                #expect(!message.contains("{") && !fix.contains("{"), "\(finding.code.rawValue) \(language): \(message) / \(fix)")
            }
        }
    }
}
