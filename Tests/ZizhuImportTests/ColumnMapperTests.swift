import Testing
import ZizhuCore
@testable import ZizhuImport

@Suite struct ColumnMapperTests {
    @Test(arguments: [
        ("姓名", Field.name), ("学生姓名", .name), ("學生姓名", .name), ("*姓名", .name), (" 姓 名 ", .name),
        ("身份证号", .idNumber), ("身份证号码", .idNumber), ("公民身份号码", .idNumber), ("证件号码", .idNumber),
        ("身份證號", .idNumber), ("身份證號碼（18位）", .idNumber), ("身份证号:", .idNumber),
        ("学籍号", .studentNumber), ("全国学籍号", .studentNumber), ("全國學籍號", .studentNumber),
        ("金额（元）", .amount), ("金额(元)", .amount), ("资助金额", .amount), ("金額", .amount),
        ("银行卡号", .card), ("卡号", .card), ("银行账号", .card), ("帳號", .card), ("銀行賬號", .card),
        ("开户行", .bank), ("開戶銀行", .bank), ("户名", .cardHolder), ("持卡人", .cardHolder),
        ("户口性质", .householdType), ("认定类别", .category), ("档次", .level), ("聯繫電話", .phone),
        ("联系方式", .phone), ("家庭住址", .address), ("监护人", .guardian), ("监护人身份证号", .guardianID),
        ("序號", .serial), ("性別", .gender), ("班级", .className), ("出生日期", .birthDate),
    ])
    func mapsSynonym(header: String, field: Field) {
        #expect(ColumnMapper.field(forHeader: header) == field)
    }

    @Test(arguments: ["", "备注", "XX中学2026年秋季学期普通高中国家助学金申请名单", "填报单位（盖章）：XX中学", "张三"])
    func ignoresOtherCells(header: String) {
        #expect(ColumnMapper.field(forHeader: header) == nil)
    }

    @Test func everyFieldHasItsCanonicalHeaderAsASynonym() {
        for field in Field.allCases {
            #expect(ColumnMapper.field(forHeader: field.header) == field, "\(field)")
        }
    }
}
