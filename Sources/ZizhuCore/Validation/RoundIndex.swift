/// The hash maps of the cross-row rules, filled in the pipeline's single pass over the rows: rows by
/// normalised ID, card, phone and name + birth date, and the counts per class and per file. Memory is a
/// dictionary entry per distinct key plus one `Int32` per row per map: about 150 MB at a million rows.
struct RoundIndex {
    var byID: Grouping
    var byCard: Grouping
    var byPhone: Grouping
    /// Keyed by a 64-bit hash of name and birth date: rules split groups by the real values.
    var byPerson: Grouping
    /// The well-formed ID of each row (for "same student" questions inside groups).
    var ids: [ResidentID?]
    /// The birth date each row was indexed under, YYYYMMDD (0: none), for splitting person groups exactly.
    var births: [Int32]
    /// Classes in the order first seen, with their counts.
    private(set) var classKeys: [ClassKey] = []
    private(set) var classStats: [ClassStats] = []
    private var classSlots: [ClassKey: Int] = [:]
    /// Files in the order first seen, with their counts.
    private(set) var fileNames: [String] = []
    private(set) var fileStats: [FileStats] = []
    private var fileSlots: [ObjectIdentifier: Int] = [:]
    /// The previous row's file and class: consecutive rows mostly share both.
    private var lastLayout: ObjectIdentifier?
    private var lastFileSlot = 0
    private var lastClassCells: (className: String?, grade: String?) = (nil, nil)
    private var lastClassSlot = -1

    /// False when the card and phone groupings come from a `ContactGroupings` filled elsewhere.
    let groupsContacts: Bool

    init(rows: Int, groupsContacts: Bool = true) {
        self.groupsContacts = groupsContacts
        byID = Grouping(rows: rows)
        byCard = Grouping(rows: groupsContacts ? rows : 0)
        byPhone = Grouping(rows: groupsContacts ? rows : 0)
        byPerson = Grouping(rows: rows)
        ids = [ResidentID?](repeating: nil, count: rows)
        births = [Int32](repeating: 0, count: rows)
    }

    /// FNV-1a over the name's bytes, mixed with the birth date (YYYYMMDD).
    static func personKey(name: String, birth: CivilDate) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let date = UInt64(birth.year * 10_000 + birth.month * 100 + birth.day)
        return hash ^ Grouping.mix(date)
    }

    /// A class: its file and the 班级 cell (年级 prefixed when the sheet has one); "" when the file has no
    /// 班级 column, which makes the file the class.
    struct ClassKey: Hashable {
        let file: String
        let name: String

        static func == (a: ClassKey, b: ClassKey) -> Bool { a.file.sameBytes(b.file) && a.name.sameBytes(b.name) }

        func hash(into hasher: inout Hasher) {
            UTF8Key(file).hash(into: &hasher)
            UTF8Key(name).hash(into: &hasher)
        }
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
        /// The class's rows (the first `RoundContext.relatedLimit`): the `related` of a class finding.
        var rows: [Int] = []
    }

    struct FileStats {
        var count = 0
        /// Rows whose age at term start is known, and those older than the policy's line.
        var aged = 0
        var older = 0
        /// The 大龄 rows (the first `RoundContext.relatedLimit`): the `related` of `older-age-ratio`.
        var olderRows: [Int] = []
    }

    /// Settles the maps after the last row (the groupings add keys in small batches).
    mutating func finish() {
        byID.flush()
        byCard.flush()
        byPhone.flush()
        byPerson.flush()
    }

    /// Indexes a row (its card and phone only when `groupsContacts`), read in place: no `RowContext` is built, so
    /// no copy of the row, for the other core reads the same rows meanwhile and every copy would change their
    /// reference counts under it.
    mutating func add(_ applicant: borrowing Applicant, facts: borrowing RowFacts, olderThan: Int) {
        let index = applicant.index
        if let id = facts.id {
            ids[index] = id
            byID.add(id.groupingKey, row: index)
        }
        if groupsContacts {
            ContactGroupings.add(applicant, card: facts.card, byCard: &byCard, byPhone: &byPhone)
        }
        if let birth = facts.birthDate, let name = applicant[.name], !name.isEmpty {
            births[index] = Int32(birth.year * 10_000 + birth.month * 100 + birth.day)
            byPerson.add(RoundIndex.personKey(name: RoundIndex.personName(name), birth: birth), row: index)
        }

        // The file.
        let layout = ObjectIdentifier(applicant.layout)
        let sameFile = layout == lastLayout
        if !sameFile {
            if let slot = fileSlots[layout] {
                lastFileSlot = slot
            } else {
                lastFileSlot = fileNames.count
                fileSlots[layout] = lastFileSlot
                fileNames.append(applicant.layout.file)
                fileStats.append(FileStats())
            }
            lastLayout = layout
        }
        fileStats[lastFileSlot].count += 1
        if let age = facts.age {
            fileStats[lastFileSlot].aged += 1
            if age > olderThan {
                fileStats[lastFileSlot].older += 1
                if fileStats[lastFileSlot].olderRows.count < RoundContext.relatedLimit {
                    fileStats[lastFileSlot].olderRows.append(index)
                }
            }
        }

        // The class.
        let cells = (className: applicant[.className], grade: applicant[.grade])
        if !(sameFile && lastClassSlot >= 0 && RoundIndex.same(cells.className, lastClassCells.className)
             && RoundIndex.same(cells.grade, lastClassCells.grade)) {
            let key = ClassKey(file: applicant.layout.file, name: RoundIndex.className(of: applicant))
            if let slot = classSlots[key] {
                lastClassSlot = slot
            } else {
                lastClassSlot = classKeys.count
                classSlots[key] = lastClassSlot
                classKeys.append(key)
                classStats.append(ClassStats(firstRow: index))
            }
            lastClassCells = cells
        }
        var stats = classStats[lastClassSlot]
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
        classStats[lastClassSlot] = stats
        // Appended in place: on the copy above the array would be copied for every row.
        if stats.rows.count < RoundContext.relatedLimit { classStats[lastClassSlot].rows.append(index) }
    }

    private static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): x.sameBytes(y)
        default: false
        }
    }

    /// `高一(1)班` from 年级 `高一` and 班级 `(1)班` or `1班`; the 班级 cell alone when it already names
    /// the grade or there is no 年级 column.
    static func className(of applicant: Applicant) -> String {
        guard let name = applicant[.className]?.trimmedForRules, !name.isEmpty else { return "" }
        guard let grade = applicant[.grade]?.trimmedForRules, !grade.isEmpty,
              !name.utf8.starts(with: grade.utf8)
        else {
            return name
        }
        return grade + name
    }

    /// Names compared without spaces (`张 三` = `张三`).
    static func personName(_ name: String) -> String {
        name.containsByte { $0 == 0x20 || $0 == 0xE3 } ? name.filter { $0 != " " && $0 != "\u{3000}" } : name
    }

    /// A phone number's digits as a key (the country code 86 dropped); nil for fewer than 7 digits.
    static func phoneKey(_ text: String) -> UInt64? {
        let digits: (value: UInt64, count: Int)? = text.withUTF8Bytes { bytes in
            var value: UInt64 = 0
            var count = 0
            for byte in bytes where byte >= 48 && byte <= 57 {
                count += 1
                if count > 18 { return nil }
                value = value * 10 + UInt64(byte - 48)
            }
            return (value, count)
        }
        guard var (value, count) = digits else { return nil }
        if count == 13, value / 100_000_000_000 == 86 {
            value %= 100_000_000_000
            count = 11
        }
        guard count >= 7 else { return nil }
        return value << 5 | UInt64(count)
    }
}

/// The card and phone groupings of `RoundIndex`, which another thread may fill (`Validator.start`) and hand over.
struct ContactGroupings {
    var byCard: Grouping
    var byPhone: Grouping

    init(rows: Int) {
        byCard = Grouping(rows: rows)
        byPhone = Grouping(rows: rows)
    }

    mutating func add(_ applicant: Applicant, importFlags: UInt64) {
        let card: BankCard? = switch RowFacts.card(of: applicant, importFlags: importFlags) {
        case .success(let card)?: card
        default: nil
        }
        ContactGroupings.add(applicant, card: card, byCard: &byCard, byPhone: &byPhone)
    }

    static func add(_ applicant: Applicant, card: BankCard?, byCard: inout Grouping, byPhone: inout Grouping) {
        if let card { byCard.add(card.key.groupingKey, row: applicant.index) }
        if let phone = applicant[.phone], let key = RoundIndex.phoneKey(phone) {
            byPhone.add(key, row: applicant.index)
        }
    }
}

/// Rows grouped by a 64-bit key, cheaply: an open-addressing table (linear probing, at most half full)
/// from key to the latest row with it, and a per-row link to the previous row with the same key. About
/// 28 bytes per row at a million rows, and no `Hasher` on the hot path. Only keys seen twice or more are
/// remembered as groups.
struct Grouping {
    /// A table slot: the key and the latest row with it (-1: empty). Together, so that a probe costs one
    /// cache miss, not two.
    private struct Slot {
        var key: UInt64
        var head: Int32
    }

    private var slots: [Slot]
    private var previous: [Int32]
    private let mask: Int
    /// Table slots whose key repeated, in the order they first repeated.
    private var repeatedSlots: [Int32] = []
    /// Keys wait here in small batches: the batch's slots are read first, one independent load each, so
    /// that their cache misses overlap instead of queueing one behind the other (Swift has no prefetch).
    private var pendingKeys: [UInt64] = []
    private var pendingRows: [Int32] = []
    private var pendingSlots: [Int] = []
    private var touched: UInt64 = 0
    static let batch = 64

    init(rows: Int) {
        var capacity = 16
        while capacity < rows * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, head: -1), count: capacity)
        previous = [Int32](repeating: -1, count: max(rows, 0))
        mask = capacity - 1
        pendingKeys.reserveCapacity(Grouping.batch)
        pendingRows.reserveCapacity(Grouping.batch)
        pendingSlots.reserveCapacity(Grouping.batch)
    }

    /// SplitMix64's finaliser: spreads the bits of the key over the table.
    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var z = key &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func add(_ key: UInt64, row: Int) {
        guard row >= 0, row < previous.count else { return }
        pendingKeys.append(key)
        pendingRows.append(Int32(row))
        if pendingKeys.count == Grouping.batch { flush() }
    }

    /// Puts the waiting keys into the table, in their order.
    mutating func flush() {
        guard !pendingKeys.isEmpty else { return }
        pendingSlots.removeAll(keepingCapacity: true)
        var sum: UInt64 = 0
        for key in pendingKeys {
            let index = Int(truncatingIfNeeded: Grouping.mix(key)) & mask
            pendingSlots.append(index)
            sum &+= slots[index].key
        }
        touched &+= sum
        for position in pendingKeys.indices {
            insert(pendingKeys[position], row: pendingRows[position], at: pendingSlots[position])
        }
        pendingKeys.removeAll(keepingCapacity: true)
        pendingRows.removeAll(keepingCapacity: true)
    }

    private mutating func insert(_ key: UInt64, row: Int32, at start: Int) {
        var index = start
        while true {
            let slot = slots[index]
            if slot.head < 0 {
                slots[index] = Slot(key: key, head: row)
                return
            }
            if slot.key == key {
                if previous[Int(slot.head)] == -1 { repeatedSlots.append(Int32(index)) }
                previous[Int(row)] = slot.head
                slots[index].head = row
                return
            }
            index = (index + 1) & mask
        }
    }

    /// Every group of two or more rows, each in round order.
    var groups: [[Int]] {
        if !pendingKeys.isEmpty {
            var settled = self
            settled.flush()
            return settled.groups
        }
        return repeatedSlots.map { index in
            var out: [Int] = []
            var row = slots[Int(index)].head
            while row >= 0 {
                out.append(Int(row))
                row = previous[Int(row)]
            }
            return out.reversed()
        }
    }
}

extension ResidentID {
    /// The number as one integer, exact: the key of the duplicate maps.
    var groupingKey: UInt64 { body &* 11 &+ UInt64(check) }
}

extension BankCard.Key {
    /// Value and length folded into 64 bits. Two cards could in theory share it, so rules split groups by
    /// the real digits before they report.
    var groupingKey: UInt64 { value &* 31 &+ UInt64(length) }
}
