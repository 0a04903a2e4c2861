import Foundation
import Testing
import ZizhuCore
@testable import ZizhuImport

@Suite struct PolicyFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/policy")

    func path(_ name: String) -> String { PolicyFileTests.fixtures.appendingPathComponent(name).path }

    /// The 1-based line of the first line containing `text` in a fixture.
    func line(of text: String, in name: String) throws -> Int {
        let content = try String(contentsOfFile: path(name), encoding: .utf8)
        let lines = content.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    func error(_ body: () throws(PolicyError) -> Policy) -> PolicyError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func theEmbeddedYAMLIsExactlyTheDefaultPolicy() throws {
        #expect(try PolicyFile.parse(Policy.defaultYAML, name: "default") == Policy.default)
    }

    @Test func renderReadsBackToTheSamePolicy() throws {
        #expect(try PolicyFile.parse(PolicyFile.render(.default), name: "render") == Policy.default)
        var custom = Policy.default
        custom.classSizes = ["高一(2)班": 48, "高一(1)班": 52]
        custom.severity = ["card-luhn": .info, "amount-uniform": .error]
        custom.tiers[0].amount = Money(fen: 150_050)
        let rendered = PolicyFile.render(custom)
        #expect(try PolicyFile.parse(rendered, name: "render") == custom)
        #expect(rendered == PolicyFile.render(custom), "deterministic")
        #expect(rendered.contains("示例县第一中学"), "Chinese written as is, not escaped")
        #expect(rendered.range(of: "高一(1)班")!.lowerBound < rendered.range(of: "高一(2)班")!.lowerBound)
    }

    @Test func loadsACustomPolicy() throws {
        let policy = try PolicyFile.load(path: path("custom.yaml"))
        #expect(policy.school == "示例县第二中学")
        #expect(policy.tiers.map(\.amount) == [Money(yuan: 1500), Money(yuan: 1150)])
        #expect(policy.classSizes == ["高一(1)班": 52, "高一(2)班": 48])
        #expect(policy.severity(of: .cardLuhn) == .info)
        #expect(policy.severity(of: .amountUniform) == .error)
        #expect(policy.coveragePercent == 25)
    }

    @Test func loadsAGB18030File() throws {
        #expect(try PolicyFile.load(path: path("custom-gb18030.yaml")).school == "示例县第三中学")
    }

    @Test func aTypoKeyIsAnErrorNamingLineAndKey() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("typo-key.yaml")) })
        #expect(error.file == "typo-key.yaml")
        #expect(error.line == (try line(of: "tierz:", in: "typo-key.yaml")))
        #expect(error.key == "tierz")
        #expect(error.message.hasPrefix("未知的键“tierz”，是否应为“tiers”？"))
        #expect(error.description.hasPrefix("typo-key.yaml 第 \(error.line!) 行，tierz：未知的键"))
    }

    @Test func aNestedTypoKeyNamesItsPath() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("typo-nested-key.yaml")) })
        #expect(error.line == (try line(of: "olderThn:", in: "typo-nested-key.yaml")))
        #expect(error.key == "age.olderThn")
        #expect(error.message.contains("是否应为“olderThan”"))
    }

    @Test func aBadAmountIsAnErrorNamingLineAndKey() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("bad-amount.yaml")) })
        #expect(error.line == (try line(of: "1150.005", in: "bad-amount.yaml")))
        #expect(error.key == "tiers[1].amount")
        #expect(error.message.hasPrefix("“1150.005”不是金额"))
    }

    @Test(arguments: ["-800", "壹仟", "abc"])
    func otherBadAmounts(amount: String) throws {
        let yaml = Policy.defaultYAML.replacingOccurrences(of: "amount: \"800.00\"", with: "amount: \"\(amount)\"")
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.key == "tiers[2].amount")
        #expect(error.line != nil)
    }

    @Test func aZeroAmountIsASemanticError() throws {
        let yaml = Policy.defaultYAML.replacingOccurrences(of: "amount: \"800.00\"", with: "amount: 0")
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.key == "tiers[2].amount")
        #expect(error.message == "金额 0.00 必须大于 0")
        let lines = yaml.components(separatedBy: "\n")
        #expect(error.line.map { lines[$0 - 1].contains("amount: 0") } == true)
    }

    @Test func aMissingKeyIsAnError() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("missing-key.yaml")) })
        #expect(error.key == "uniformClassMinimum")
        #expect(error.message.hasPrefix("缺少键“uniformClassMinimum”"))
    }

    @Test func aBadSeverityIsAnError() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("bad-severity.yaml")) })
        #expect(error.key == "severity.card-luhn")
        #expect(error.line == (try line(of: "card-luhn: loud", in: "bad-severity.yaml")))
        #expect(error.message.contains("error、warning 或 info"))
    }

    @Test func anUnknownSeverityCodeIsAnError() throws {
        let yaml = Policy.defaultYAML.replacingOccurrences(of: "severity: {}", with: "severity: {card-lunh: info}")
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.key == "severity.card-lunh")
        #expect(error.message.contains("不是检查代码"))
    }

    @Test func aShortNoticePeriodIsAnError() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("short-notice.yaml")) })
        #expect(error.key == "notice.workingDays")
        #expect(error.line == (try line(of: "workingDays: 3", in: "short-notice.yaml")))
    }

    @Test func badYAMLNamesTheLine() throws {
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("bad-syntax.yaml")) })
        #expect(error.message.hasPrefix("YAML 格式错误"))
        let start = try line(of: "topTierCategories:", in: "bad-syntax.yaml")
        #expect((error.line ?? 0) >= start)
    }

    @Test func aWrongTypeNamesTheKey() throws {
        let yaml = Policy.defaultYAML.replacingOccurrences(of: "year: 2026", with: "year: 二〇二六")
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.key == "year")
        #expect(error.message == "“二〇二六”应为整数")
        #expect(error.line == yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("year:") }.map { $0 + 1 })
    }

    /// `documents.listCountsAsProof` came after the first policy files: without it a file still loads (as
    /// true); given, it must be a boolean.
    @Test func listCountsAsProofIsOptionalAndBoolean() throws {
        let line = "  listCountsAsProof: true\n"
        #expect(Policy.defaultYAML.contains(line))
        let older = try PolicyFile.parse(Policy.defaultYAML.replacingOccurrences(of: line, with: ""), name: "p.yaml")
        #expect(older.documents.listCountsAsProof)
        #expect(older == Policy.default)
        let off = try PolicyFile.parse(Policy.defaultYAML.replacingOccurrences(
            of: line, with: "  listCountsAsProof: false\n"), name: "p.yaml")
        #expect(!off.documents.listCountsAsProof)
        #expect(PolicyFile.render(off).contains("listCountsAsProof: false"))
        let yaml = Policy.defaultYAML.replacingOccurrences(of: line, with: "  listCountsAsProof: 是\n")
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.key == "documents.listCountsAsProof")
        #expect(error.message == "“是”应为 true 或 false")
        #expect(error.line == yaml.components(separatedBy: "\n").firstIndex { $0.contains("listCountsAsProof: 是") }
            .map { $0 + 1 })
    }

    @Test func duplicateKeysAreAnError() throws {
        let yaml = Policy.defaultYAML + "\nschool: 另一所学校\n"
        let error = try #require(error { () throws(PolicyError) in try PolicyFile.parse(yaml, name: "p.yaml") })
        #expect(error.message.contains("school"))
    }

    @Test func emptyAndMissingFilesAreErrors() throws {
        let empty = try #require(error { () throws(PolicyError) in try PolicyFile.parse("# 只有说明\n", name: "p.yaml") })
        #expect(empty.message == "政策文件为空")
        let list = try #require(error { () throws(PolicyError) in try PolicyFile.parse("- a\n- b\n", name: "p.yaml") })
        #expect(list.message.contains("映射"))
        let missing = try #require(error { () throws(PolicyError) in try PolicyFile.load(path: path("no-such-file.yaml")) })
        #expect(missing.line == nil)
    }

    @Test func validateListsSemanticProblems() {
        #expect(PolicyFile.validate(.default).isEmpty)
        var policy = Policy.default
        policy.tiers = []
        policy.notice.workingDays = 4
        policy.severity["no-such-code"] = .info
        policy.topTierCategories = ["火星移民"]
        let problems = PolicyFile.validate(policy)
        #expect(problems.count == 4)
        #expect(problems.contains("tiers：档次表为空：至少需要一个档次"))
        #expect(problems.contains { $0.hasPrefix("notice.workingDays：") })
        #expect(problems.contains { $0.hasPrefix("severity.no-such-code：") })
        #expect(problems.contains { $0.hasPrefix("topTierCategories[0]：") })
    }
}
