import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct CategoryUnknownTests {
    @Test(arguments: [("乱写的类型", "乱写的类型"), ("低保、乱写", "乱写"), ("贫困生", "贫困生")])
    func flagsACategoryThePolicyDoesNotKnow(cell: String, unknown: String) throws {
        let findings = RuleHarness.run(CategoryUnknown(), RuleHarness.single(["困难类型": cell]))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == .categoryUnknown)
        #expect(finding.severity == .error)
        #expect(finding.field == "困难类型")
        #expect(finding.text.hasPrefix("困难类型“\(unknown)”不是政策认可的类型（"), "\(finding.text)")
        #expect(finding.text.contains("低保（最低生活保障家庭/城乡低保"), "the accepted words are listed")
    }

    /// The national 学生资助管理信息系统's names and the provinces' usual wording, cleaned as other cells.
    @Test(arguments: ["最低生活保障家庭", "城乡低保", "低保", "脱贫家庭", "建档立卡", "原建档立卡", "防返贫监测对象",
                      "特困供养人员", "孤儿", "事实无人抚养儿童", "家庭经济困难残疾学生", "残疾人家庭子女", "烈士子女",
                      "其他家庭经济困难", "脱贫家庭学生", " 最低生活保障 家庭 ", "孤儿学生", "低保、孤儿", "", "低保户"])
    func acceptsTheNationalVocabulary(cell: String) {
        #expect(RuleHarness.run(CategoryUnknown(), RuleHarness.single(["困难类型": cell])).isEmpty, "\(cell)")
    }

    @Test func takesTheOfficialNameAsTheCategory() {
        let index = CategoryIndex(policy: .default)
        #expect(index.category(named: "最低生活保障家庭") == "低保")
        #expect(index.category(named: "最低生活保障家庭学生") == "低保")
        #expect(index.categories(in: "城乡低保、家庭经济困难残疾学生") == ["低保", "残疾学生"])
    }

    @Test func thePolicyCanAddAnAlias() {
        var policy = Policy.default
        policy.documents.categoryProof[2].aliases.append("吃低保")
        #expect(RuleHarness.run(CategoryUnknown(), RuleHarness.single(["困难类型": "吃低保"]), policy: policy).isEmpty)
        #expect(!RuleHarness.run(CategoryUnknown(), RuleHarness.single(["困难类型": "吃低保"])).isEmpty)
    }
}
