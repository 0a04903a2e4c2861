import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct NameInvalidTests {
    @Test(arguments: [
        ("", "未填写"), ("张3", "含有数字"), ("Zhang San", "含有拉丁字母"), ("张三a", "含有拉丁字母"),
        ("张三*", "含有符号“*”"), ("张三?", "含有符号“?”"), ("·买买提", "间隔号位置不对"), ("买买提·", "间隔号位置不对"),
        ("阿依古丽··买买提", "间隔号位置不对"), ("·", "间隔号位置不对"), ("张三（曾用名李四）", "含有符号“（”"),
    ])
    func catchesBadNames(name: String, wording: String) throws {
        let findings = RuleHarness.run(NameInvalid(), RuleHarness.single(["姓名": name]))
        let finding = try #require(findings.first)
        #expect(finding.code == .nameInvalid)
        #expect(finding.severity == .error)
        #expect(finding.text.contains(wording), "\(finding.text)")
    }

    @Test(arguments: ["张三", "欧阳娜娜", "阿依古丽·买买提", "阿依古丽•买买提", "张 三", "王　五", "𠀀明", "李〇"])
    func leavesRealNamesAlone(name: String) {
        #expect(RuleHarness.run(NameInvalid(), RuleHarness.single(["姓名": name])).isEmpty)
    }
}
