#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        RosterOrder(every: result.applicants).filtered { !result.isReturned[$0] }
    }

    /// The returned rows of a round.
    public static func returned(_ result: RoundResult) -> RosterOrder {
        RosterOrder(every: result.applicants).filtered { result.isReturned[$0] }
    }

    /// Some of the rows, in the same order and classes; a class left without rows is dropped. Every list of a
    /// round is a part of the order of all its rows, so the classes and 序号 agree across documents however the
    /// rows were decided (a class is named by its first row in the input, returned or not).
    public func filtered(_ includes: (_ index: Int) -> Bool) -> RosterOrder {
        var kept: [Int] = []
        var keptGroups: [ClassGroup] = []
        for group in groups {
            let start = kept.count
            for position in group.rows where includes(rows[position]) { kept.append(rows[position]) }
            if kept.count > start {
                keptGroups.append(ClassGroup(grade: group.grade, className: group.className, label: group.label,
                                             rows: start..<kept.count))
            }
        }
        return RosterOrder(rows: kept, groups: keptGroups)
    }

    private init(rows: [Int], groups: [ClassGroup]) {
        self.rows = rows
        self.groups = groups
    }

    /// Every row of a round (`applicants[i].index == i`).
    public init(every applicants: [Applicant]) {
        // Bucket rows by class in input order, then lay the buckets out in natural order: O(n). A class is its
        // label, so 高一 + (1)班 in one file and 高一(1)班 in another are the same class. Rows of a class mostly
        // come together, so a bucket holds runs of consecutive rows, and rows are read in place (indexing, not
        // iterating, copies no row: no reference count of the row's storage changes, which the other core's
        // validation is touching meanwhile).
        var groupOfCells: [String: [String: Int]] = [:]
        var groupOfLabel: [String: Int] = [:]
        var keys: [(grade: String, className: String, label: String)] = []
        var runs: [[Range<Int>]] = []
        // The current run: its cells, its class and its rows.
        var current: (grade: String, className: String, group: Int, rows: Range<Int>)?
        for position in applicants.indices {
            let index = applicants[position].index
            let gradeCell = applicants[position].value(.grade)
            let classCell = applicants[position].value(.className)
            if let run = current, sameBytes(run.grade, gradeCell), sameBytes(run.className, classCell),
               index == run.rows.upperBound {
                current?.rows = run.rows.lowerBound..<(index + 1)
                continue
            }
            if let run = current { runs[run.group].append(run.rows) }
            let group: Int
            if let known = groupOfCells[gradeCell]?[classCell] {
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
                    runs.append([])
                }
                groupOfCells[gradeCell, default: [:]][classCell] = group
            }
            current = (gradeCell, classCell, group, index..<(index + 1))
        }
        if let run = current { runs[run.group].append(run.rows) }
        let gradeKeys = keys.map { NaturalKey($0.grade) }
        let classKeys = keys.map { NaturalKey($0.label) }
        let sortedGroups = keys.indices.sorted { a, b in
            if gradeKeys[a] != gradeKeys[b] { return gradeKeys[a] < gradeKeys[b] }
            if classKeys[a] != classKeys[b] { return classKeys[a] < classKeys[b] }
            return a < b
        }
        var rows: [Int] = []
        rows.reserveCapacity(applicants.count)
        var groups: [ClassGroup] = []
        for group in sortedGroups {
            let start = rows.count
            for run in runs[group] { rows.append(contentsOf: run) }
            groups.append(ClassGroup(grade: keys[group].grade, className: keys[group].className,
                                     label: keys[group].label, rows: start..<rows.count))
        }
        self.rows = rows
        self.groups = groups
    }

    static func classLabel(grade: String, className: String) -> String {
        ClassOrder.label(grade: grade, className: className)
    }
}

/// Byte-for-byte equality, for caches: `==` on unequal non-ASCII strings takes Unicode's slow path, and a
/// cache only needs "certainly the same text" (canonically equal but differently encoded text just misses).
/// One `memcmp` over the UTF-8 of native strings (small ones included); `elementsEqual` walked the bytes
/// one by one, and this runs for every row of every document (class and tier lookups).
@inline(__always)
func sameBytes(_ a: String, _ b: String) -> Bool {
    let count = a.utf8.count
    guard count == b.utf8.count else { return false }
    let equal = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in count == 0 || memcmp(x.baseAddress!, y.baseAddress!, count) == 0 }
    }
    if let equal, let equal { return equal }
    return a.utf8.elementsEqual(b.utf8)
}

/// The order of every row, worked out by `Validator.start` on its second core (pass `compute` as its
/// `rowOrder`) and kept for the writer. Read `value` only after `start` has returned.
public final class OrderOfEveryRow: @unchecked Sendable {
    private var order: RosterOrder?

    public init() {}

    public var value: RosterOrder {
        guard let order else { preconditionFailure("the order is read before Validator.start has worked it out") }
        return order
    }

    @Sendable public func compute(_ applicants: [Applicant]) -> [Int] {
        let order = RosterOrder(every: applicants)
        self.order = order
        return order.rows
    }
}
