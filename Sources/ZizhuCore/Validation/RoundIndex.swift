/// The hash maps of the cross-row rules, filled in the pipeline's single pass over the rows: rows by
/// normalised ID, card, phone and name + birth date, and the counts per class and per file. Memory is a
/// dictionary entry per distinct key plus one `Int32` per row per map: about 150 MB at a million rows.
struct RoundIndex {
    var byID: Grouping<ResidentID>
    var byCard: Grouping<BankCard.Key>
    var byPhone: Grouping<UInt64>
    var byPerson: Grouping<PersonKey>
    /// The well-formed ID of each row (for "same student" questions inside groups).
    var ids: [ResidentID?]
    var classes: [ClassKey: ClassStats] = [:]
    var classOrder: [ClassKey] = []
    var files: [String: FileStats] = [:]
    var fileOrder: [String] = []

    init(rows: Int) {
        byID = Grouping(rows: rows)
        byCard = Grouping(rows: rows)
        byPhone = Grouping(rows: rows)
        byPerson = Grouping(rows: rows)
        ids = [ResidentID?](repeating: nil, count: rows)
    }

    struct PersonKey: Hashable {
        let name: String
        let birth: CivilDate
    }

    /// A class: its file and the 班级 cell (年级 prefixed when the sheet has one); "" when the file has no
    /// 班级 column, which makes the file the class.
    struct ClassKey: Hashable {
        let file: String
        let name: String
    }

    struct ClassStats {
        var count = 0
        /// Rows with a valid amount, and whether they all share the first one.
        var amounts = 0
        var firstAmount: Money?
        var uniform = true
        /// From a 班级人数 column (the first positive number in the class).
        var size: Int?
        var firstRow: Int
    }

    struct FileStats {
        var count = 0
        /// Rows whose age at term start is known, and those older than the policy's line.
        var aged = 0
        var older = 0
    }

    /// Files in the pass order of the rows.
    mutating func add(_ row: RowContext) {
        let applicant = row.applicant
        let index = applicant.index
        let facts = row.facts
        if let id = facts.id {
            ids[index] = id
            byID.add(id, row: index)
        }
        if let card = facts.card { byCard.add(card.key, row: index) }
        if let phone = applicant[.phone], let key = RoundIndex.phoneKey(phone) {
            byPhone.add(key, row: index)
        }
        if let birth = facts.birthDate, let name = applicant[.name], !name.isEmpty {
            byPerson.add(PersonKey(name: RoundIndex.personName(name), birth: birth), row: index)
        }

        let file = applicant.layout.file
        let classKey = ClassKey(file: file, name: RoundIndex.className(of: applicant))
        var stats = classes[classKey] ?? {
            classOrder.append(classKey)
            return ClassStats(firstRow: index)
        }()
        stats.count += 1
        if let money = facts.money {
            stats.amounts += 1
            if let first = stats.firstAmount {
                if first != money { stats.uniform = false }
            } else {
                stats.firstAmount = money
            }
        }
        if stats.size == nil, let text = applicant[.classSize], let size = Int(text.trimmedForRules), size > 0 {
            stats.size = size
        }
        classes[classKey] = stats

        var fileStats = files[file] ?? {
            fileOrder.append(file)
            return FileStats()
        }()
        fileStats.count += 1
        if let age = facts.age {
            fileStats.aged += 1
            if age > row.policy.age.olderThan { fileStats.older += 1 }
        }
        files[file] = fileStats
    }

    /// `高一(1)班` from 年级 `高一` and 班级 `(1)班` or `1班`; the 班级 cell alone when it already names
    /// the grade or there is no 年级 column.
    static func className(of applicant: Applicant) -> String {
        guard let name = applicant[.className]?.trimmedForRules, !name.isEmpty else { return "" }
        guard let grade = applicant[.grade]?.trimmedForRules, !grade.isEmpty, !name.hasPrefix(grade) else {
            return name
        }
        return grade + name
    }

    /// Names compared without spaces (`张 三` = `张三`).
    static func personName(_ name: String) -> String {
        name.contains(where: { $0 == " " || $0 == "\u{3000}" }) ? name.filter { $0 != " " && $0 != "\u{3000}" } : name
    }

    /// A phone number's digits as a key (the country code 86 dropped); nil for fewer than 7 digits.
    static func phoneKey(_ text: String) -> UInt64? {
        var value: UInt64 = 0
        var count = 0
        for byte in text.utf8 where byte >= 48 && byte <= 57 {
            count += 1
            if count > 18 { return nil }
            value = value * 10 + UInt64(byte - 48)
        }
        if count == 13, value / 100_000_000_000 == 86 {
            value %= 100_000_000_000
            count = 11
        }
        guard count >= 7 else { return nil }
        return value << 5 | UInt64(count)
    }
}

/// Rows grouped by a key, cheaply: a dictionary from key to the latest row, and a per-row link to the
/// previous row with the same key. Only keys seen twice or more are remembered as groups.
struct Grouping<Key: Hashable> {
    private var head: [Key: Int32] = [:]
    private var previous: [Int32]
    /// Keys with two or more rows, in the order they first repeated.
    private(set) var repeatedKeys: [Key] = []

    init(rows: Int) {
        previous = [Int32](repeating: -1, count: rows)
        head.reserveCapacity(min(rows, 1 << 20))
    }

    mutating func add(_ key: Key, row: Int) {
        if let last = head[key] {
            if previous[Int(last)] == -1 { repeatedKeys.append(key) }
            previous[row] = last
        }
        head[key] = Int32(row)
    }

    /// The rows with this key, in round order.
    func rows(of key: Key) -> [Int] {
        var out: [Int] = []
        var row = head[key] ?? -1
        while row >= 0 {
            out.append(Int(row))
            row = previous[Int(row)]
        }
        return out.reversed()
    }

    /// Every group of two or more rows.
    var groups: [[Int]] { repeatedKeys.map(rows(of:)) }
}
