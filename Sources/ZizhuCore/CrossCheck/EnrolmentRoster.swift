/// One student of the 学籍系统 export (在校生信息). Identifiers are strings, normalised by the import path.
public struct EnrolmentRecord: Sendable, Hashable {
    public var idNumber: String
    public var studentNumber: String
    public var name: String
    public var grade: String
    public var className: String
    /// 学籍状态 as written (在读, 休学 …); "" when the export has no status column.
    public var status: String
    public var location: SourceLocation

    public init(idNumber: String, studentNumber: String = "", name: String, grade: String = "",
                className: String = "", status: String = "", location: SourceLocation) {
        self.idNumber = idNumber
        self.studentNumber = studentNumber
        self.name = name
        self.grade = grade
        self.className = className
        self.status = status
        self.location = location
    }

    /// 休学, 退学, 转出, 注销, 死亡: the student may not receive aid.
    public var inactiveStatus: String? { EnrolmentStatus.inactive(status) }

    /// Enrolled for `zizhu missed`: status 在读/在校/在籍/正常, or no status at all.
    public var isActive: Bool { EnrolmentStatus.isActive(status) }
}

/// The statuses of the enrolment system that matter for aid.
public enum EnrolmentStatus {
    public static let inactiveWords = ["休学", "退学", "转出", "注销", "死亡"]
    public static let activeWords = ["在读", "在校", "在籍", "正常"]

    /// The inactive word the status contains, or nil.
    public static func inactive(_ status: String) -> String? {
        let text = status.trimmedForRules
        guard !text.isEmpty else { return nil }
        return inactiveWords.first { text.contains($0) }
    }

    public static func isActive(_ status: String) -> Bool {
        let text = status.trimmedForRules
        if text.isEmpty { return true }
        if inactive(text) != nil { return false }
        return activeWords.contains { text.contains($0) }
    }
}

/// The enrolment roster as hash maps: ID → record, 学籍号 → record. Built in one pass over the export.
public struct EnrolmentRoster: Sendable {
    /// The export as the clerk named it.
    public let file: String
    public private(set) var records: [EnrolmentRecord] = []
    private var byID: [String: Int] = [:]
    private var byStudentNumber: [String: Int] = [:]
    /// Problems reading the export (file-level findings: header-not-found, column-missing …).
    public var readFindings: [Finding] = []

    public init(file: String) {
        self.file = file
    }

    public mutating func reserve(_ count: Int) {
        records.reserveCapacity(count)
        byID.reserveCapacity(count)
    }

    /// Adds a student; the first row of an ID wins (a repeated ID in the export is its own problem).
    public mutating func add(_ record: EnrolmentRecord) {
        let position = records.count
        if !record.idNumber.isEmpty {
            guard byID[record.idNumber] == nil else { return }
            byID[record.idNumber] = position
        }
        if !record.studentNumber.isEmpty, byStudentNumber[record.studentNumber] == nil {
            byStudentNumber[record.studentNumber] = position
        }
        records.append(record)
    }

    public var count: Int { records.count }

    /// The student with this ID, else with this 学籍号 (students without an ID have a J… number).
    public func lookup(id: String, studentNumber: String = "") -> EnrolmentRecord? {
        if !id.isEmpty, let position = byID[id] { return records[position] }
        if !studentNumber.isEmpty, let position = byStudentNumber[studentNumber] { return records[position] }
        return nil
    }
}
