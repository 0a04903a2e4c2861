import Testing
@testable import ZizhuCore

@Suite struct PolicyValidationTests {
    @Test func theDefaultHasNoProblems() {
        #expect(Policy.default.problems.isEmpty, "\(Policy.default.problems)")
    }

    @Test func catchesSemanticProblems() {
        var policy = Policy.default
        policy.tiers[1].amount = .zero
        policy.notice.workingDays = 3
        policy.severity = ["card-lunh": .info, "card-luhn": .info]
        policy.topTierCategories.append("外星人")
        policy.termStart = "2026-02-30"
        policy.coveragePercent = 0
        let keys = policy.problems.map(\.key)
        #expect(keys == ["termStart", "tiers[1].amount", "topTierCategories[8]", "coveragePercent", "severity.card-lunh",
                         "notice.workingDays"])
        #expect(policy.problems.first { $0.key == "notice.workingDays" }?.message == "公示期 3 个工作日少于规定的 5 个工作日")
        #expect(policy.problems.first { $0.key == "tiers[1].amount" }?.description == "tiers[1].amount：金额 0.00 必须大于 0")
    }

    @Test func emptyTiersAreAProblem() {
        var policy = Policy.default
        policy.tiers = []
        #expect(policy.problems.map(\.key) == ["tiers"])
    }

    @Test func keyPaths() {
        #expect(Policy.keyPath([.key("documents"), .key("required"), .index(0), .key("columns")]) == "documents.required[0].columns")
    }
}
