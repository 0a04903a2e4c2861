import Foundation
import ZizhuCore
@testable import ZizhuExport

/// A fresh folder under the system temporary directory, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "zizhu-export-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Hand-built rounds: realistic rows with valid identifiers, several classes, two files with different
/// headers, and a few returned rows with findings.
enum Fixture {
    static let headers = ["序号", "姓名", "性别", "身份证号", "学籍号", "年级", "班级", "困难类型", "困难等级", "资助金额",
                          "银行卡号", "开户行", "持卡人", "联系电话", "家庭住址"]
    static let columns: [Field: Int] = [
        .serial: 0, .name: 1, .gender: 2, .idNumber: 3, .studentNumber: 4, .grade: 5, .className: 6, .category: 7,
        .level: 8, .amount: 9, .card: 10, .bank: 11, .cardHolder: 12, .phone: 13, .address: 14,
    ]
    /// A second file lays its columns out differently and has no 持卡人 or 学籍号.
    static let otherHeaders = ["姓名", "身份证号码", "班级", "年级", "认定等级", "金额（元）", "银行账号", "户籍性质", "联系方式"]
    static let otherColumns: [Field: Int] = [
        .name: 0, .idNumber: 1, .className: 2, .grade: 3, .level: 4, .amount: 5, .card: 6, .householdType: 7, .phone: 8,
    ]

    static let names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷", "欧阳娜娜", "阿依古丽·买买提"]
    static let levels = [("特别困难", "1500.00"), ("困难", "1150"), ("一般困难", "800.00")]
    static let categories = ["低保", "脱贫家庭", "孤儿", "残疾学生", "其他"]

    /// An ID with a correct check character: region 370112, born 2009-01-01 + n days.
    static func residentID(_ n: Int) -> String {
        let birth = CivilDate(year: 2009, month: 1, day: 1)!.adding(days: n % 900)
        let body = "370112" + String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
            + String(format: "%03d", n % 1000)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let check = Array("10X98765432")[sum % 11]
        return body + String(check)
    }

    static func card(_ n: Int) -> String { "6228480" + String(format: "%012d", n) }
    static func phone(_ n: Int) -> String { "139" + String(format: "%08d", 10_000_000 + n) }

    /// `classes` classes of `perClass` rows in file 1 (高二 before 高一 in input order, to test sorting), plus
    /// `otherRows` rows in file 2; rows whose number is in `returnedRows` carry an error finding.
    static func round(classes: Int = 3, perClass: Int = 4, otherRows: Int = 3, returnedRows: Set<Int> = [1, 6],
                      policy: Policy = .default) -> RoundResult {
        let layout = ColumnLayout(file: "高中各班.csv", headers: headers, headerLine: 3, columns: columns)
        let other = ColumnLayout(file: "补报名单.xlsx", headers: otherHeaders, headerLine: 1, columns: otherColumns)
        var applicants: [Applicant] = []
        var n = 0
        // 高二 first in the file, then 高一, and classes 10, 2, 1 to check natural order.
        let classOrder = [("高二", "(10)班"), ("高二", "(2)班"), ("高一", "(1)班"), ("高一", "(3)班"), ("高三", "(1)班")]
        for c in 0..<classes {
            let (grade, className) = classOrder[c % classOrder.count]
            for _ in 0..<perClass {
                let (level, amount) = levels[n % levels.count]
                let name = names[n % names.count]
                applicants.append(Applicant(layout: layout, line: 4 + n, index: applicants.count, cells: [
                    String(n + 1), name, n % 2 == 0 ? "男" : "女", residentID(n), "G" + residentID(n), grade,
                    "\(grade)\(className)", categories[n % categories.count], level, amount, card(n), "中国农业银行",
                    n % 5 == 0 ? "\(name)之母" : "", phone(n), "山东省济南市历城区某某路\(n)号",
                ]))
                n += 1
            }
        }
        for k in 0..<otherRows {
            let (level, amount) = levels[k % levels.count]
            applicants.append(Applicant(layout: other, line: 2 + k, index: applicants.count, cells: [
                names[(n + k) % names.count], residentID(500 + k), "(1)班", "高一", level, amount, card(500 + k), "农村",
                phone(500 + k),
            ], originals: [1: " " + residentID(500 + k).lowercased() + " "]))
        }
        var findings: [Finding] = []
        var isReturned = [Bool](repeating: false, count: applicants.count)
        for row in returnedRows.sorted() where row < applicants.count {
            let a = applicants[row]
            isReturned[row] = true
            findings.append(Finding(.idChecksum, for: a, field: .idNumber, value: a.value(.idNumber)))
            findings.append(Finding(.valueExcelMangled, for: a, field: .card, value: "6.22848E+18",
                                    arguments: ["value": "6.22848E+18"]))
            findings.append(Finding(.cardShared, for: a, field: .card, value: a.value(.card),
                                    related: [SourceLocation(file: "高中各班.csv", line: 4)]))
        }
        if applicants.count > 2 {
            findings.append(Finding(.cardLuhn, for: applicants[2], field: .card, value: applicants[2].value(.card)))
        }
        findings.append(Finding(.encodingGuessed, at: SourceLocation(file: "补报名单.xlsx", line: nil),
                                arguments: ["encoding": "GB18030"]))
        var summary = Summary()
        summary.rows = applicants.count
        for a in applicants {
            let fen = a.amount ?? .zero
            summary.amountIn += fen
            if isReturned[a.index] { summary.returned += 1; summary.amountReturned += fen }
            else { summary.accepted += 1; summary.amountAccepted += fen }
        }
        summary.errors = findings.filter { $0.severity == .error }.count
        summary.warnings = findings.filter { $0.severity == .warning }.count
        let inputs = [InputSummary(file: layout.file, encoding: "GB18030", headerLine: 3, rows: classes * perClass),
                      InputSummary(file: other.file, encoding: "XLSX", headerLine: 1, rows: otherRows)]
        return RoundResult(policy: policy, inputs: inputs, applicants: applicants, findings: findings,
                           isReturned: isReturned, summary: summary)
    }

    /// Sum of the accepted amounts.
    static func acceptedTotal(_ result: RoundResult) -> Money {
        result.accepted.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
    }
}
