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
        .notEnrolled: MessageTemplate(
            zh: "该学生不在学籍名单中，或学籍状态为“{status}”。",
            en: "The student is not on the enrolment roster, or the enrolment status is “{status}”.",
            fixZh: "请核实学籍；非在校学生不得享受资助。",
            fixEn: "Check the enrolment; only enrolled students may receive aid."),
        .enrolmentMismatch: MessageTemplate(
            zh: "与学籍名单不一致：{detail}",
            en: "Differs from the enrolment roster: {detail}",
            fixZh: "请以学籍系统为准更正。",
            fixEn: "Correct it to match the enrolment system."),
        .categoryUnverified: MessageTemplate(
            zh: "申报的困难类型“{category}”在对应名单中找不到该学生或其监护人。",
            en: "The claimed category “{category}” is not backed by its list (neither the student nor a guardian is on it).",
            fixZh: "请补交该类型的证明材料，或核实困难类型。",
            fixEn: "Provide the category's proof or correct the category."),
        .categoryVerified: MessageTemplate(
            zh: "困难类型“{category}”已由 {list} 名单核实。",
            en: "The category “{category}” is confirmed by the {list} list.",
            fixZh: "无需处理。",
            fixEn: "Nothing to do."),
    ]
}
