import ZizhuCore

/// The order every list of a round uses: by grade, then class, then input order (so 序号 N is the same
/// student in the register, the notice and the bank list). Grades and classes compare naturally: numbers
/// inside them count as numbers, Chinese numerals included (高一 < 高二 < 高三, 2班 < 10班); empty ones go last.
public struct RosterOrder: Sendable {
    /// One class: its grade and class cells and the positions of its rows in `rows`.
    public struct ClassGroup: Sendable {
        public let grade: String
        public let className: String
        /// `高一(1)班`: the class name, prefixed with the grade when it does not already say it.
        public let label: String
        public let rows: Range<Int>
    }

    /// Applicant indices (`RoundResult.applicants`) in order.
    public let rows: [Int]
    public let groups: [ClassGroup]

    /// Calls `body` for every row in order with its position (0-based 序号 - 1), its applicant index and its
    /// class group.
    public func forEachRow(_ body: (_ position: Int, _ index: Int, _ group: ClassGroup) throws -> Void) rethrows {
        for group in groups {
            for position in group.rows { try body(position, rows[position], group) }
        }
    }

    /// The accepted rows of a round.
    public static func accepted(_ result: RoundResult) -> RosterOrder {
        RosterOrder(result, including: { !result.isReturned[$0] })
    }

    /// The returned rows of a round.
    public static func returned(_ result: RoundResult) -> RosterOrder {
        RosterOrder(result, including: { result.isReturned[$0] })
    }

    init(_ result: RoundResult, including: (Int) -> Bool) {
        // Bucket rows by class in input order, then lay the buckets out in natural order: O(n). A class is its
        // label, so 高一 + (1)班 in one file and 高一(1)班 in another are the same class.
        var groupOfCells: [String: [String: Int]] = [:]
        var groupOfLabel: [String: Int] = [:]
        var keys: [(grade: String, className: String, label: String)] = []
        var buckets: [[Int]] = []
        var last: (grade: String, className: String, group: Int)?
        for applicant in result.applicants where including(applicant.index) {
            let gradeCell = applicant.value(.grade)
            let classCell = applicant.value(.className)
            let group: Int
            // Rows of a class usually come together: compare with the previous row before hashing.
            if let last, sameBytes(last.grade, gradeCell), sameBytes(last.className, classCell) {
                group = last.group
            } else if let known = groupOfCells[gradeCell]?[classCell] {
                group = known
            } else {
                let grade = gradeCell.trimmingWhitespace()
                let className = classCell.trimmingWhitespace()
                let label = RosterOrder.classLabel(grade: grade, className: className)
                if let known = groupOfLabel[label] {
                    group = known
                } else {
                    group = keys.count
                    groupOfLabel[label] = group
                    keys.append((grade, className, label))
                    buckets.append([])
                }
                groupOfCells[gradeCell, default: [:]][classCell] = group
            }
            last = (gradeCell, classCell, group)
            buckets[group].append(applicant.index)
        }
        let gradeKeys = keys.map { NaturalKey($0.grade) }
        let classKeys = keys.map { NaturalKey($0.label) }
        let sortedGroups = keys.indices.sorted { a, b in
            if gradeKeys[a] != gradeKeys[b] { return gradeKeys[a] < gradeKeys[b] }
            if classKeys[a] != classKeys[b] { return classKeys[a] < classKeys[b] }
            return a < b
        }
        var rows: [Int] = []
        rows.reserveCapacity(buckets.reduce(0) { $0 + $1.count })
        var groups: [ClassGroup] = []
        for group in sortedGroups {
            let start = rows.count
            rows.append(contentsOf: buckets[group])
            groups.append(ClassGroup(grade: keys[group].grade, className: keys[group].className,
                                     label: keys[group].label, rows: start..<rows.count))
        }
        self.rows = rows
        self.groups = groups
    }

    static func classLabel(grade: String, className: String) -> String {
        if className.isEmpty { return grade.isEmpty ? "未填班级" : grade }
        if grade.isEmpty || className.hasPrefix(grade) { return className }
        return grade + className
    }
}

/// Byte-for-byte equality, for caches: `==` on unequal non-ASCII strings takes Unicode's slow path, and a
/// cache only needs "certainly the same text" (canonically equal but differently encoded text just misses).
@inline(__always)
func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

/// A sort key that reads digit runs (ASCII, full-width) and Chinese numerals (一 … 十, 两, 〇/零) as numbers.
struct NaturalKey: Comparable {
    enum Token: Comparable {
        case number(Int)
        case text(UInt32)
    }

    let tokens: [Token]
    let isEmpty: Bool

    init(_ text: String) {
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

    static func < (a: NaturalKey, b: NaturalKey) -> Bool {
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
