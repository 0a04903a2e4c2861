extension MessageCatalog {
    /// Findings from the archive and from enrolment and assistance lists.
    static let crossCheckEntries: [FindingCode: MessageTemplate] = [
        .repeatAid: MessageTemplate(
            zh: "该学生本学期已领取过本项目资助（批次 {batch}，{date}），属重复资助。",
            en: "This student was already paid by this program for this term (batch {batch}, {date}): repeat aid.",
            fixZh: "请核实：若确已发放，应从本次名单中删除。",
            fixEn: "Check it: if the earlier payment stands, remove the row from this round."),
        .enrolledElsewhere: MessageTemplate(
            zh: "该身份证号本学期出现在其他学校（{school}）的发放批次中，疑似双学籍。",
            en: "This ID appears in another school's batch ({school}) this term: possibly enrolled twice.",
            fixZh: "请与对方学校核实学籍，确认只在一处享受资助。",
            fixEn: "Check the enrolment with the other school; aid may be paid in one place only."),
        .duplicateIDAcrossSchools: MessageTemplate(
            zh: "该身份证号本学期已在其他学校（{school}）报送区里的名单中，属双学籍或重复申报。",
            en: "This ID is in another school's round of this term sent to the district ({school}): enrolled twice or applied twice.",
            fixZh: "请与对方学校核实学籍：学生只能在学籍所在学校享受资助，另一所学校应删除该行后重新报送。",
            fixEn: "Check the enrolment with the other school: aid is paid only where the student is enrolled; the other school removes the row and submits again."),
        .notEnrolled: MessageTemplate(
            zh: "{detail}",
            en: "{detailEn}",
            fixZh: "请核实学籍；非在校学生不得享受资助。",
            fixEn: "Check the enrolment; only enrolled students may receive aid."),
        .enrolmentMismatch: MessageTemplate(
            zh: "与学籍名单不一致：{detail}",
            en: "Differs from the enrolment roster: {detailEn}",
            fixZh: "请以学籍系统为准更正。",
            fixEn: "Correct it to match the enrolment system."),
        .categoryUnverified: MessageTemplate(
            zh: "{detail}",
            en: "{detailEn}",
            fixZh: "请补交该类型的证明材料，或核实困难类型；若名单传错了类型，请用正确的 --evidence 类型=文件 重新检查。",
            fixEn: "Provide the category's proof or correct the category; if the list was given under the wrong kind, pass it again with the right --evidence KIND=FILE."),
        .categoryVerified: MessageTemplate(
            zh: "困难类型“{category}”已由名单 {list} 核实（{detail}）。",
            en: "The category “{category}” is confirmed by the list {list} ({detailEn}).",
            fixZh: "{note}",
            fixEn: "{noteEn}"),
    ]
}

/// The variable parts of the cross-check messages (`{detail}` in zh, `{detailEn}` in en). Kept beside the
/// catalogue entries: every word a clerk reads lives in the catalogue files.
public enum CrossCheckMessages {
    public struct Text: Sendable, Equatable {
        public var zh: String
        public var en: String
    }

    /// How an assistance list backs a claim.
    public enum Match: Sendable, Equatable {
        case student, guardianID, guardianName
    }

    static func notOnRoster(roster: String) -> Text {
        Text(zh: "该学生不在学籍名单 \(roster) 中。",
             en: "The student is not on the enrolment roster \(roster).")
    }

    static func inactive(status: String, at location: SourceLocation) -> Text {
        Text(zh: "学籍名单 \(location) 中该学生的学籍状态为“\(status)”，不是在校学生。",
             en: "The enrolment roster (\(location)) gives the status “\(status)”: not an enrolled student.")
    }

    static func mismatch(_ fields: [Field], record: EnrolmentRecord) -> Text {
        let names = fields.map(\.header).joined(separator: "、")
        let english = fields.map { field -> String in
            switch field {
            case .name: "name"
            case .grade: "grade"
            default: "class"
            }
        }.joined(separator: ", ")
        var shown: [String] = []
        if fields.contains(.grade) || fields.contains(.className) {
            if !record.grade.isEmpty { shown.append("年级 \(record.grade)") }
            if !record.className.isEmpty { shown.append("班级 \(record.className)") }
        }
        let tail = shown.isEmpty ? "" : "：" + shown.joined(separator: "，")
        let tailEn = shown.isEmpty ? "" : ": " + [record.grade, record.className].filter { !$0.isEmpty }
            .joined(separator: " ")
        return Text(zh: "\(names)不同（学籍名单 \(record.location)\(tail)）。",
                    en: "\(english) differ (enrolment roster \(record.location)\(tailEn)).")
    }

    static func verified(_ how: Match) -> Text {
        switch how {
        case .student: Text(zh: "学生本人在名单中", en: "the student is on it")
        case .guardianID: Text(zh: "监护人身份证号在名单中", en: "the guardian's ID is on it")
        case .guardianName: Text(zh: "监护人姓名在名单中，仅按姓名匹配，未对上身份证号",
                                 en: "the guardian's name is on it, matched by name only, no ID number compared")
        }
    }

    /// What the clerk does with a verified claim: whether the list stands for the category's proof.
    static func proofNote(_ how: Match, document: String, listCountsAsProof: Bool) -> Text {
        if how == .guardianName {
            return Text(zh: "仅按姓名匹配（可能是同名者），名单不能代替证明材料：请核对监护人身份证号，并照常收取“\(document)”。",
                        en: "Matched by name only (it may be a namesake), so the list cannot stand for the proof: check the guardian's ID and collect the “\(document)” as usual.")
        }
        if listCountsAsProof {
            return Text(zh: "无需处理；按政策，名单代替“\(document)”，不必另交。",
                        en: "Nothing to do; under the policy the list stands for the “\(document)”.")
        }
        return Text(zh: "政策未允许以名单代替证明材料（documents.listCountsAsProof: false），仍需上交“\(document)”。",
                    en: "The policy does not let the list stand for the proof (documents.listCountsAsProof: false): the “\(document)” is still required.")
    }

    static func unverified(category: String, lists: String) -> Text {
        Text(zh: "申报的困难类型“\(category)”在名单 \(lists) 中找不到该学生或其监护人。",
             en: "The claimed category “\(category)” is not backed by the list \(lists) (neither the student nor a guardian is on it).")
    }

    static func wrongKind(kind: String, category: String, claimants: Int, matches: Int) -> Text {
        Text(zh: "该名单作为“\(kind)”名单提交，但申报“\(category)”的 \(claimants) 名申请人中只有 \(matches) 名在名单中，可能传错了名单类型。",
             en: "This list was given as “\(kind)”, but only \(matches) of the \(claimants) applicants claiming “\(category)” are on it: it may be the wrong kind of list.")
    }
}
