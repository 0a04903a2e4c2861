import Foundation
import ZizhuCore
@testable import ZizhuGenerate

/// A small, independent reading of DOMAIN.md's rules, used to check that planted rows really carry
/// their problem and that clean rows carry none. It is deliberately simple: it is a test oracle, not
/// the validator.
enum Oracle {
    static let provinces: Set<Int> = Set(Array(11...15) + Array(21...23) + Array(31...37) + Array(41...46)
        + Array(50...54) + Array(61...65) + [71, 81, 82, 83])
    static let bins = ["622848": "中国农业银行", "622202": "中国工商银行", "622208": "中国工商银行",
                       "621700": "中国建设银行", "622700": "中国建设银行", "621661": "中国银行",
                       "621799": "中国邮政储蓄银行"]
    /// Amount in fen of each way the default policy writes a level (特别困难, 一档, A档 …).
    static let tiers: [String: Int64] = Dictionary(
        Policy.default.tiers.flatMap { tier in ([tier.level] + tier.aliases).map { ($0, tier.amount.fen) } },
        uniquingKeysWith: { first, _ in first })
    /// 困难类型 words of the default policy, with the national system's wording the generator may write.
    static let categories: Set<String> = Set(Policy.default.documents.categoryProof.flatMap { [$0.category] + $0.aliases })
    static let termStart = CivilDate(year: 2026, month: 9, day: 1)!

    /// Trim, NFKC (full-width digits), spaces removed and `x` upper-cased, as an importer normalises IDs.
    static func normalizedIdentifier(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }.uppercased()
    }

    static func normalizedName(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }

    static func checksumValid(_ id: String) -> Bool {
        id.count == 18 && Identifiers.idCheckCharacter(String(id.prefix(17))) == id.last
    }

    static func birth(of id: String) -> CivilDate? {
        guard id.count == 18, let year = Int(id.dropFirst(6).prefix(4)), let month = Int(id.dropFirst(10).prefix(2)),
              let day = Int(id.dropFirst(12).prefix(2)), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    static func provinceValid(_ id: String) -> Bool { Int(id.prefix(2)).map(provinces.contains) ?? false }

    static func isMale(_ id: String) -> Bool? {
        guard id.count == 18, let digit = id.dropFirst(16).first?.wholeNumberValue else { return nil }
        return digit % 2 == 1
    }

    /// 18 characters, 17 digits and a digit or X, a real province, a real date, the right check.
    static func idValid(_ id: String) -> Bool {
        checksumValid(id) && provinceValid(id) && birth(of: id) != nil
            && id.prefix(17).allSatisfy(\.isASCII) && id.prefix(17).allSatisfy(\.isNumber)
    }

    static func nameValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isIdeographic || $0 == "·" }
    }

    static func documentPresent(_ cell: String) -> Bool { ["有", "√", "是", "✓"].contains(cell) }

    static func amount(_ text: String) -> Int64? {
        if case .success(let money) = Money.parse(text) { return money.fen }
        return nil
    }
}
