import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CardHolderMismatchTests {
    @Test func catchesAHolderWhoIsNeitherStudentNorGuardian() throws {
        let round = RuleHarness.single(["姓名": "张三", "监护人": "张建国", "持卡人": "李老师"])
        let finding = try #require(RuleHarness.run(CardHolderMismatch(), round).first)
        #expect(finding.code == .cardHolderMismatch)
        #expect(finding.severity == .warning)
        #expect(finding.text == "持卡人“李老师”既不是学生本人“张三”，也不是所填监护人“张建国”。")
    }

    @Test func catchesItWhenNoGuardianIsGiven() throws {
        let round = RuleHarness.single(["姓名": "张三", "监护人": "", "持卡人": "张建国"])
        let finding = try #require(RuleHarness.run(CardHolderMismatch(), round).first)
        #expect(finding.text.contains("表中未填写监护人"))
    }

    @Test(arguments: [
        ("张三", "张建国", "张三"), ("张三", "张建国", "张建国"), ("张三", "张建国", "张建国（父）"),
        ("张三", "张建国、李秀英", "李秀英"), ("张三", "张建国", ""), ("张 三", "张建国", "张三"),
    ])
    func leavesTheStudentOrAGuardianAlone(name: String, guardian: String, holder: String) {
        let round = RuleHarness.single(["姓名": name, "监护人": guardian, "持卡人": holder])
        #expect(RuleHarness.run(CardHolderMismatch(), round).isEmpty)
    }
}
