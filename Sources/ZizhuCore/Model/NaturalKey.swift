/// How every list of a round names its classes (the register, the reports, the cross-check counts); they
/// are ordered by `NaturalKey(grade)`, then `NaturalKey(label)`.
public enum ClassOrder {
    /// `高一(1)班`: the class name, prefixed with the grade when it does not already say it.
    public static func label(grade: String, className: String) -> String {
        if className.isEmpty { return grade.isEmpty ? "未填班级" : grade }
        if grade.isEmpty || className.hasPrefix(grade) { return className }
        return grade + className
    }
}

/// A sort key that reads digit runs (ASCII, full-width) and Chinese numerals (一 … 十, 两, 〇/零) as numbers.
public struct NaturalKey: Comparable, Sendable {
    enum Token: Comparable, Sendable {
        case number(Int)
        case text(UInt32)
    }

    let tokens: [Token]
    let isEmpty: Bool

    public init(_ text: String) {
        var tokens: [Token] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            if NaturalKey.digitValue(first) != nil {
                var value = 0
                while let s = scalars.first, let digit = NaturalKey.digitValue(s) {
                    value = min(value * 10 + digit, Int.max / 100)
                    scalars = scalars.dropFirst()
                }
                tokens.append(.number(value))
            } else if NaturalKey.chineseValue(first) != nil {
                var run: [Int] = []
                while let s = scalars.first, let value = NaturalKey.chineseValue(s) {
                    run.append(value)
                    scalars = scalars.dropFirst()
                }
                tokens.append(.number(NaturalKey.chineseNumber(run)))
            } else {
                tokens.append(.text(first.value))
                scalars = scalars.dropFirst()
            }
        }
        self.tokens = tokens
        isEmpty = tokens.isEmpty
    }

    public static func < (a: NaturalKey, b: NaturalKey) -> Bool {
        if a.isEmpty != b.isEmpty { return b.isEmpty }   // empty last
        return a.tokens.lexicographicallyPrecedes(b.tokens)
    }

    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)
        default: nil
        }
    }

    /// 0–9 for the digits, 10 for 十.
    static func chineseValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        case "十": 10
        default: nil
        }
    }

    /// 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 一二 → 12 (digit by digit).
    static func chineseNumber(_ run: [Int]) -> Int {
        guard let ten = run.firstIndex(of: 10) else { return run.reduce(0) { min($0 * 10 + $1, Int.max / 100) } }
        let tens = ten == 0 ? 1 : run[..<ten].reduce(0) { $0 * 10 + $1 }
        let units = run[(ten + 1)...].reduce(0) { $0 * 10 + ($1 == 10 ? 0 : $1) }
        return tens * 10 + units
    }
}
