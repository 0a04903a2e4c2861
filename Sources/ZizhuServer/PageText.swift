import ZizhuCore

/// The words of the pages, in simplified Chinese and in English.
struct PageText: Sendable {
    let language: Language

    func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var htmlLanguage: String { pick("zh-CN", "en") }
    var appName: String { pick("学生资助名册检查", "Student aid roster check") }
    var upload: String { pick("上传", "Upload") }
    var results: String { pick("检查结果", "Results") }
    var downloads: String { pick("下载", "Downloads") }
    var rounds: String { pick("以往各轮", "Earlier rounds") }
    var otherLanguage: (code: String, label: String) { language == .zh ? ("en", "English") : ("zh", "中文") }
    var signOut: String { pick("退出登录", "Sign out") }

    var uploadTitle: String { pick("上传本轮的班级名单", "Upload the class sheets of a round") }
    var uploadHint: String {
        pick("可一次选择多个文件：CSV（Excel 另存的 GBK 或 UTF-8）、Unicode 文本（.txt）、XLSX。也可以把文件拖到下面的框里。",
             "Choose several files at once: CSV (GBK or UTF-8 from Excel), Unicode text (.txt), XLSX. You can also drop them on the box below.")
    }
    var sheetsLabel: String { pick("班级名单（必选）", "Class sheets (required)") }
    var dropHere: String { pick("把文件拖到这里，或点击选择", "Drop files here, or click to choose") }
    var labelLabel: String { pick("本轮名称（可选，如 2026年秋季学期 国家助学金）", "Name of the round (optional)") }
    var policyLabel: String { pick("政策文件（可选，YAML；不选则用内置政策）", "Policy (optional YAML; the built-in one otherwise)") }
    var enrolmentLabel: String { pick("学籍系统导出的在校生名单（可选）", "Enrolment export (optional)") }
    var evidenceLabel: String { pick("困难认定名单（可选）：类型与文件", "Assistance list (optional): kind and file") }
    var evidenceKindPlaceholder: String { pick("类型，如 低保", "kind, e.g. 低保") }
    var submit: String { pick("检查并生成文件", "Check and write the documents") }
    var working: String { pick("正在检查，请稍候……", "Checking, please wait…") }

    var summaryHeading: String { pick("汇总", "Summary") }
    var inputsHeading: String { pick("读取的文件", "Files read") }
    var findingsHeading: String { pick("问题", "Findings") }
    var noFindings: String { pick("没有发现问题。", "No findings.") }
    var filter: String { pick("筛选", "Filter") }
    var allCodes: String { pick("全部问题代码", "All codes") }
    var allSeverities: String { pick("全部程度", "All severities") }
    var apply: String { pick("筛选", "Apply") }
    var wholeFile: String { pick("整个文件", "Whole file") }
    var noClass: String { pick("（未填班级）", "(no class)") }
    var columns: [String] {
        language == .zh ? ["行", "字段", "程度", "问题", "修改建议", "代码"] : ["Line", "Field", "Severity", "Problem", "How to fix", "Code"]
    }
    func severity(_ severity: String) -> String {
        switch severity {
        case "error": pick("错误", "error")
        case "warning": pick("警告", "warning")
        default: pick("提示", "info")
        }
    }
    func encodingLine(file: String, encoding: String, headerLine: Int?, rows: Int) -> String {
        let header = headerLine.map { pick("表头第 \($0) 行", "header on line \($0)") } ?? pick("未找到表头", "no header")
        return pick("\(file)：\(encoding)，\(header)，\(rows) 行", "\(file): \(encoding), \(header), \(rows) rows")
    }
    var downloadsHeading: String { pick("下载本轮文件", "Download the documents") }
    var downloadZip: String { pick("全部文件打包下载（zip）", "All documents as one zip") }
    var perClassHeading: String { pick("各班退回清单（发给各班主任）", "Returned list per class (one for each class teacher)") }
    var toDownloads: String { pick("下载文件 →", "Download the documents →") }
    var toResults: String { pick("← 检查结果", "← Results") }
    func documentLabel(_ kind: String) -> String {
        switch kind {
        case "register": pick("发放花名册", "Register book")
        case "notice": pick("公示名单（不含个人信息）", "Public notice (no personal data)")
        case "bank": pick("银行代发", "Bank payment")
        case "returned": pick("退回清单（全部班级）", "Returned list (every class)")
        case "report": pick("问题清单 / 检查报告", "Findings / report")
        case "manifest": pick("文件清单与校验值", "Manifest with checksums")
        default: pick("退回清单", "Returned list")
        }
    }
    var roundsHeading: String { pick("以往各轮", "Earlier rounds") }
    var noRounds: String { pick("还没有保存的轮次。", "No round stored yet.") }
    var roundsColumns: [String] {
        language == .zh ? ["时间", "名称", "行数", "通过", "退回", "通过金额（元）"]
            : ["Time", "Name", "Rows", "Accepted", "Returned", "Accepted (yuan)"]
    }
    var errorHeading: String { pick("无法完成", "Could not be done") }
    var back: String { pick("返回上传页", "Back to the upload page") }
    var loginHeading: String { pick("登录", "Sign in") }
    var password: String { pick("密码", "Password") }
    var loginButton: String { pick("登录", "Sign in") }
    var wrongPassword: String { pick("密码不对，请重试。", "Wrong password; try again.") }
}
