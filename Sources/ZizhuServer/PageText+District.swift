import ZizhuArchive

/// The words of the district's pages: the review, the cross-school findings, the administrator's page.
extension PageText {
    var admin: String { pick("管理", "Admin") }
    var adminHeading: String { pick("学校、人员与操作记录", "Schools, people and the audit log") }
    var login: String { pick("登录名", "Login") }
    var wrongLogin: String { pick("登录名或密码不对，或账号已停用，请重试。", "Wrong login or password, or the account is disabled; try again.") }

    func state(_ state: RoundState) -> String { pick(state.title, state.englishTitle) }
    func role(_ role: Role) -> String {
        switch role {
        case .clerk: pick("学校资助专干", "school clerk")
        case .reviewer: pick("区审核员", "district reviewer")
        case .admin: pick("管理员", "administrator")
        }
    }

    var reviewHeading: String { pick("审核", "Review") }
    func stateLine(_ round: StoredRound, school: String) -> String {
        let changed = round.changedBy.isEmpty ? ""
            : pick("（\(round.changedBy)，\(round.changedAt.prefix(16).replacingOccurrences(of: "T", with: " "))）",
                   " (\(round.changedBy), \(round.changedAt.prefix(16).replacingOccurrences(of: "T", with: " ")))")
        return pick("\(school) · 状态：\(state(round.state))\(changed)", "\(school) · state: \(state(round.state))\(changed)")
    }
    var returnReason: String { pick("退回原因", "Reason for returning") }
    var submitRound: String { pick("提交到区里审核", "Submit to the district") }
    var submitHint: String {
        pick("提交后本轮不能再修改；如需更正，请重新上传。提交时会与区内其他学校已报送的名单比对（双学籍、一卡多人、重复资助）。",
             "Once submitted the round cannot change; upload again to correct it. Submitting compares it with the other schools' rounds (enrolled twice, shared cards, repeat aid).")
    }
    var approve: String { pick("审核通过", "Approve") }
    var returnRound: String { pick("退回学校", "Return to the school") }
    var markPaid: String { pick("确认已发放（记入资助档案）", "Mark paid (record in the archive)") }
    var crossSchoolHeading: String { pick("区内跨校比对", "Across the district's schools") }
    var noCrossSchool: String { pick("未发现与其他学校重复的身份证号或银行卡。", "No ID or card is shared with another school.") }
    var crossSchoolPending: String {
        pick("草稿尚未提交；下表是与其他学校已报送名单的当前比对结果。", "A draft, not yet submitted; this is how it compares with the other schools' rounds now.")
    }

    var schoolsHeading: String { pick("学校", "Schools") }
    var accountsHeading: String { pick("人员", "People") }
    var auditHeading: String { pick("操作记录", "Audit log") }
    var schoolCode: String { pick("学校代码", "School code") }
    var schoolName: String { pick("学校名称", "School name") }
    var addSchool: String { pick("添加学校", "Add the school") }
    var personName: String { pick("姓名", "Name") }
    var roleLabel: String { pick("角色", "Role") }
    var schoolLabel: String { pick("所属学校（资助专干必选）", "School (a clerk's)") }
    var noSchool: String { pick("（不属于某一所学校）", "(none)") }
    var firstPassword: String { pick("初始密码（至少 8 个字符）", "First password (8 characters or more)") }
    var addAccount: String { pick("添加人员", "Add the person") }
    var disable: String { pick("停用", "Disable") }
    var disabled: String { pick("已停用", "disabled") }
    var saved: String { pick("已保存。", "Saved.") }
    var auditColumns: [String] {
        language == .zh ? ["时间", "登录名", "角色", "操作", "学校", "轮次", "说明"]
            : ["Time", "Login", "Role", "Action", "School", "Round", "Detail"]
    }
    var crossSchoolColumns: [String] {
        language == .zh ? ["文件", "行", "字段", "程度", "问题", "修改建议", "代码"]
            : ["File", "Line", "Field", "Severity", "Problem", "How to fix", "Code"]
    }
    var districtRoundsColumns: [String] {
        language == .zh ? ["时间", "学校", "名称", "状态", "行数", "通过", "退回", "通过金额（元）"]
            : ["Time", "School", "Name", "State", "Rows", "Accepted", "Returned", "Accepted (yuan)"]
    }

    var district: String { pick("区内汇总", "District") }
    var districtHeading: String { pick("区内各校汇总", "The district's schools") }
    var periodLabel: String { pick("学期", "Term") }
    var show: String { pick("查看", "Show") }
    var noPeriod: String { pick("还没有学校上传过轮次。", "No school has uploaded a round yet.") }
    var countingRule: String {
        pick("统计口径：已提交、已审核、已发放的轮次计入人数与金额；退回的轮次只计入状态；草稿不计。每百行错误数 = 错误数 ÷ 申请人数 × 100；大龄占比按通过人数；覆盖率 = 通过人数 ÷ 在籍人数（报送时附学籍名单的学校）。点表头排序。",
             "Submitted, approved and paid rounds count in the figures; returned rounds only in their state; drafts not at all. Errors per 100 rows = errors ÷ applicants × 100; the 大龄 share is of the accepted; coverage = accepted ÷ enrolled (schools that sent an enrolment export). Click a header to sort.")
    }
    var districtColumns: [(key: String, title: String)] {
        let zh = ["学校", "轮次", "申请人数", "通过", "退回", "通过金额（元）", "每百行错误数", "大龄占比", "覆盖率"]
        let en = ["School", "Rounds", "Applicants", "Accepted", "Returned", "Accepted (yuan)", "Errors / 100 rows",
                  "大龄 share", "Coverage"]
        let keys = ["school", "rounds", "applicants", "accepted", "returned", "amount", "errors", "overAge", "coverage"]
        return Array(zip(keys, language == .zh ? zh : en))
    }
    var totalLabel: String { pick("合计", "Total") }
    var notSubmitted: String { pick("未报送", "nothing handed in") }
    var amountChartTitle: String { pick("各校通过金额（元）", "Accepted amount per school (yuan)") }
    var amountUnit: String { pick("金额（元）", "yuan") }
    var codesChartTitle: String { pick("各类问题次数", "Findings per code") }
    var codesUnit: String { pick("次数（红：错误，橙：警告，灰：提示）", "count (red: error, amber: warning, grey: info)") }
    var noCodes: String { pick("这些轮次没有问题记录。", "These rounds have no findings.") }
    var districtDownloads: String { pick("下载汇总表与通报", "Download the summary and the bulletin") }
    var summaryWorkbook: String { pick("下载本学期汇总表（Excel，含图表）", "Download the term's summary (Excel, with charts)") }
    var bulletinMonth: String { pick("月份", "Month") }
    var bulletinDeadline: String { pick("报送截止日期（可不填）", "Deadline (optional)") }
    var bulletinWorkbook: String { pick("下载月度通报（Excel）", "Download the monthly bulletin (Excel)") }
    var badMonth: String { pick("月份应写作 2026-11，截止日期应写作 2026-11-20。", "Write the month as 2026-11 and the deadline as 2026-11-20.") }
}
