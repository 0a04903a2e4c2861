/// What the cross-checks of a round found, counted in students per class (issue 8): verified, unverified,
/// not enrolled, and missed (enrolled, on an assistance list, did not apply). It is shown by the text
/// summary, the JSON report (`crossCheck`) and the 汇总 sheet of 问题清单.xlsx.
///
/// Counting rules. Each application row is one student, counted at most once per column, in the class
/// the row gives. *Verified*: every claimed category that a list could answer is backed by a list (two
/// verified categories count once). *Unverified*: at least one such claim is backed by no list (a student
/// with one verified and one unverified category counts as unverified only). Rows claiming no category
/// that a list answers are in neither. *Not enrolled*: the row has a `not-enrolled` finding; it is
/// independent of the other columns. *Missed*: `MissedStudents` over every row, accepted or returned, in
/// the class the enrolment roster gives, matched to the applications' classes as the enrolment check
/// compares classes; a class where nobody applied appears with 0 rows.
/// A count is nil when the inputs cannot give it: verified/unverified need `--evidence`, not-enrolled
/// needs `--enrolment`, missed needs both.
public struct CrossCheckSummary: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var verified: Int?
        public var unverified: Int?
        public var notEnrolled: Int?
        public var missed: Int?

        public init(verified: Int? = nil, unverified: Int? = nil, notEnrolled: Int? = nil, missed: Int? = nil) {
            self.verified = verified
            self.unverified = unverified
            self.notEnrolled = notEnrolled
            self.missed = missed
        }
    }

    public struct ClassCounts: Sendable, Equatable {
        public var grade: String
        public var className: String
        /// `ClassOrder.label`: the same label the register and 问题清单 use.
        public var label: String
        /// Application rows of the class; 0 for a class known only from its missed students.
        public var rows: Int
        public var counts: Counts
    }

    /// The enrolment roster given, and how many students it holds.
    public struct Enrolment: Sendable, Equatable {
        public var file: String
        public var students: Int
    }

    /// One assistance list given (`--evidence KIND=FILE`).
    public struct Evidence: Sendable, Equatable {
        public var kind: String
        public var category: String
        public var file: String
        public var rows: Int
    }

    public var enrolment: Enrolment?
    public var evidence: [Evidence]
    /// In the register's class order (grade, then class, naturally).
    public var classes: [ClassCounts]
    public var totals: Counts

    public var hasEvidence: Bool { !evidence.isEmpty }
    public var hasMissed: Bool { enrolment != nil && !evidence.isEmpty }

    /// Counts a validated round against the references it was checked with.
    public init(result: RoundResult, roster: EnrolmentRoster?, lists: [AssistanceList]) {
        enrolment = roster.map { Enrolment(file: $0.file, students: $0.count) }
        evidence = lists.map { Evidence(kind: $0.kind, category: $0.category, file: $0.file, rows: $0.rows) }

        // Per row: 1 verified, 2 unverified (wins), 4 not enrolled.
        var status = [UInt8](repeating: 0, count: result.applicants.count)
        for finding in result.findings {
            guard let row = finding.row, row >= 0, row < status.count else { continue }
            switch finding.code {
            case .categoryVerified: status[row] |= 1
            case .categoryUnverified: status[row] |= 2
            case .notEnrolled: status[row] |= 4
            default: break
            }
        }

        var groups: [ClassCounts] = []
        var groupOfLabel: [String: Int] = [:]
        var groupOfKey: [String: Int] = [:]
        let zero = Counts(verified: lists.isEmpty ? nil : 0, unverified: lists.isEmpty ? nil : 0,
                          notEnrolled: roster == nil ? nil : 0, missed: roster == nil || lists.isEmpty ? nil : 0)
        func group(grade rawGrade: String, className rawClass: String) -> Int {
            let grade = rawGrade.trimmingWhitespace(), className = rawClass.trimmingWhitespace()
            let label = ClassOrder.label(grade: grade, className: className)
            if let known = groupOfLabel[label] { return known }
            let position = groups.count
            groups.append(ClassCounts(grade: grade, className: className, label: label, rows: 0, counts: zero))
            groupOfLabel[label] = position
            let key = CrossCheckSummary.classKey(grade: grade, className: className)
            if groupOfKey[key] == nil { groupOfKey[key] = position }
            return position
        }

        for applicant in result.applicants {
            let position = group(grade: applicant.value(.grade), className: applicant.value(.className))
            groups[position].rows += 1
            let flags = status[applicant.index]
            if !lists.isEmpty {
                if flags & 2 != 0 {
                    groups[position].counts.unverified! += 1
                } else if flags & 1 != 0 {
                    groups[position].counts.verified! += 1
                }
            }
            if roster != nil, flags & 4 != 0 { groups[position].counts.notEnrolled! += 1 }
        }

        if let roster, !lists.isEmpty {
            for missedClass in MissedStudents.find(roster: roster, lists: lists, applicants: result.applicants) {
                let key = CrossCheckSummary.classKey(grade: missedClass.grade, className: missedClass.className)
                let position = groupOfKey[key]
                    ?? group(grade: missedClass.grade, className: missedClass.className)
                groups[position].counts.missed! += missedClass.students.count
            }
        }

        let gradeKeys = groups.map { NaturalKey($0.grade) }
        let labelKeys = groups.map { NaturalKey($0.label) }
        let order = groups.indices.sorted { a, b in
            if gradeKeys[a] != gradeKeys[b] { return gradeKeys[a] < gradeKeys[b] }
            if labelKeys[a] != labelKeys[b] { return labelKeys[a] < labelKeys[b] }
            return a < b
        }
        classes = order.map { groups[$0] }
        totals = zero
        for entry in classes {
            totals.verified = totals.verified.map { $0 + (entry.counts.verified ?? 0) }
            totals.unverified = totals.unverified.map { $0 + (entry.counts.unverified ?? 0) }
            totals.notEnrolled = totals.notEnrolled.map { $0 + (entry.counts.notEnrolled ?? 0) }
            totals.missed = totals.missed.map { $0 + (entry.counts.missed ?? 0) }
        }
    }

    /// The class as the enrolment check compares it: `高一(2)班`, `高一2班` and `2班` of 高一 are one class.
    public static func classKey(grade: String, className: String) -> String {
        CrossCheckText.gradeKey(grade) + "\u{1F}" + CrossCheckText.classKey(className, grades: [grade])
    }

    /// The counts of one class in the report's words: `已核实 2，未核实 1，不在籍 2，在名单未申请 1`.
    public static func describe(_ counts: Counts, language: Language) -> String {
        let zh = language == .zh
        var parts: [String] = []
        if let n = counts.verified { parts.append(zh ? "已核实 \(n)" : "\(n) verified") }
        if let n = counts.unverified { parts.append(zh ? "未核实 \(n)" : "\(n) unverified") }
        if let n = counts.notEnrolled { parts.append(zh ? "不在籍 \(n)" : "\(n) not enrolled") }
        if let n = counts.missed { parts.append(zh ? "在名单未申请 \(n)" : "\(n) missed") }
        return parts.joined(separator: zh ? "，" : ", ")
    }

    /// The per-class block of the text summaries (`zizhu check`, `zizhu run`): a title, one line per
    /// class, the total and what the words mean. Unindented; the caller indents.
    public func lines(language: Language) -> [String] {
        let zh = language == .zh
        var out = [zh ? "名单核对（按班级，单位：人；每人每栏只计一次）：" : "Cross-checks per class (students, each counted once per column):"]
        for entry in classes {
            out.append("  " + entry.label + (zh ? "：" : ": ") + CrossCheckSummary.describe(entry.counts, language: language))
        }
        out.append("  " + (zh ? "合计：" : "Total: ") + CrossCheckSummary.describe(totals, language: language))
        out.append("  " + (zh ? "说明：" : "Note: ") + notes(language: language))
        return out
    }

    /// What the columns mean, in one sentence.
    public func notes(language: Language) -> String {
        let zh = language == .zh
        var notes: [String] = []
        if hasEvidence {
            notes.append(zh ? "已核实＝申报的困难类型均在名单中找到本人或监护人；未核实＝至少一项找不到"
                            : "verified = every claimed category is backed by a list; unverified = at least one is not")
        }
        if enrolment != nil {
            notes.append(zh ? "不在籍＝不在学籍名单或已休学、退学、转出" : "not enrolled = not on the roster, or inactive")
        }
        if hasMissed {
            notes.append(zh ? "在名单未申请＝在籍、在困难认定名单中却未申请（名单用 zizhu missed 生成）"
                            : "missed = enrolled and on a list but did not apply (list them with zizhu missed)")
        } else {
            notes.append(zh ? "在名单未申请的人数需同时提供学籍名单和困难认定名单"
                            : "missed students need both the enrolment roster and an assistance list")
        }
        return notes.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }
}
