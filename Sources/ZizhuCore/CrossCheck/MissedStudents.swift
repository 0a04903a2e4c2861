/// A student who is enrolled, appears on an assistance list and did not apply (`zizhu missed`).
public struct MissedStudent: Sendable, Hashable {
    public var record: EnrolmentRecord
    /// The lists naming the student: (KIND, file, line).
    public var sources: [Source]

    public struct Source: Sendable, Hashable {
        public var kind: String
        public var category: String
        public var location: SourceLocation
    }

    public init(record: EnrolmentRecord, sources: [Source]) {
        self.record = record
        self.sources = sources
    }
}

/// One class of missed students, in roster order.
public struct MissedClass: Sendable {
    public var grade: String
    public var className: String
    public var students: [MissedStudent]
}

/// The students no application names: one pass over the roster, a hash lookup in every list.
public enum MissedStudents {
    /// Enrolled (active) students of `roster` on at least one of `lists` whose ID (or 学籍号) is in no
    /// application, grouped by class in the order classes first appear in the roster.
    public static func find(roster: EnrolmentRoster, lists: [AssistanceList],
                            applicants: [Applicant]) -> [MissedClass] {
        var appliedIDs = Set<String>()
        var appliedNumbers = Set<String>()
        appliedIDs.reserveCapacity(applicants.count)
        for applicant in applicants {
            let id = applicant.value(.idNumber).trimmedForRules
            if !id.isEmpty { appliedIDs.insert(id) }
            let number = applicant.value(.studentNumber).trimmedForRules
            if !number.isEmpty { appliedNumbers.insert(number) }
        }
        return find(roster: roster, lists: lists, appliedIDs: appliedIDs, appliedStudentNumbers: appliedNumbers)
    }

    public static func find(roster: EnrolmentRoster, lists: [AssistanceList], appliedIDs: Set<String>,
                            appliedStudentNumbers: Set<String> = []) -> [MissedClass] {
        var classes: [MissedClass] = []
        var classPosition: [String: Int] = [:]
        for record in roster.records where record.isActive && !record.idNumber.isEmpty {
            guard !appliedIDs.contains(record.idNumber),
                  record.studentNumber.isEmpty || !appliedStudentNumbers.contains(record.studentNumber)
            else { continue }
            var sources: [MissedStudent.Source] = []
            for list in lists {
                if let line = list.ids[record.idNumber] {
                    sources.append(.init(kind: list.kind, category: list.category,
                                         location: SourceLocation(file: list.file, line: line)))
                }
            }
            guard !sources.isEmpty else { continue }
            let key = CrossCheckText.gradeKey(record.grade) + "\u{1F}"
                + CrossCheckText.classKey(record.className, grades: [record.grade])
            let position: Int
            if let known = classPosition[key] {
                position = known
            } else {
                position = classes.count
                classPosition[key] = position
                classes.append(MissedClass(grade: record.grade, className: record.className, students: []))
            }
            classes[position].students.append(MissedStudent(record: record, sources: sources))
        }
        return classes
    }
}
