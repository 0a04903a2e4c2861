import Foundation
import Testing
import ZizhuArchive
import ZizhuTestSupport

/// `zizhu district summary|bulletin` on a one-school server's data folder (the district's PostgreSQL database is
/// exercised by Tests/serve/test_district_view.py): the workbooks from the stored rounds, and clear refusals.
struct DistrictCommandTests {
    static func dataFolder() throws -> URL {
        let folder = try CLIRunner.temporaryDirectory()
        let store = try SQLiteRoundStore(path: folder.appendingPathComponent("zizhu-server.sqlite").path)
        try store.add(School(code: "S001", name: "示例县第一中学"))
        try store.add(School(code: "S002", name: "示例县第二中学"))
        let round = StoredRound(id: "r1", createdAt: "2026-11-03T09:00:00+08:00", label: "高一(1)班", policyName: "默认政策",
                                rows: 9, accepted: 9, returned: 0, errors: 0, warnings: 1, amountIn: "11400.00",
                                amountAccepted: "11400.00", amountReturned: "0.00", schoolCode: "S001",
                                program: "普通高中国家助学金", term: "秋季学期", year: 2026)
        try store.insert(round, inputs: [], documents: [], rows: [],
                         findings: [FindingCount(roundID: "r1", code: "document-missing", severity: "warning", count: 1)])
        _ = try store.change("r1", from: [.draft], to: StateChange(state: .submitted, at: "2026-11-05T10:00:00+08:00", by: "zhang"),
                             audit: AuditEntry(at: "2026-11-05T10:00:00+08:00", login: "zhang", role: "clerk", action: "submitted"))
        return folder
    }

    @Test func theSummaryAndTheBulletinComeFromTheServersRounds() throws {
        let folder = try Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("汇总表.xlsx").path
        let run = try CLIRunner.run(["district", "summary", "--data", folder.path, "--district", "示例县资助中心", "-o", summary])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已生成 \(summary)"))
        let book = try XLSXReadBack.read(summary)
        let sheet = try #require(book.sheet("汇总"))
        #expect(sheet.text(0, 0) == "示例县资助中心2026年秋季学期学生资助汇总表")
        #expect(sheet.text(3, 2) == "示例县第一中学" && sheet.text(3, 7) == "9")
        #expect(sheet.text(4, 2) == "示例县第二中学" && sheet.text(4, 7) == "0")
        #expect(sheet.charts.count == 1)

        let bulletin = folder.appendingPathComponent("通报.xlsx").path
        let monthly = try CLIRunner.run(["district", "bulletin", "--data", folder.path, "--month", "2026-11",
                                         "--deadline", "2026-11-04", "-o", bulletin])
        #expect(monthly.status == 0, "\(monthly.stderr)")
        let overview = try #require(try XLSXReadBack.read(bulletin).sheet("通报")).text(1, 0)
        #expect(overview.contains("本月共有 1 所学校报送 1 轮") && overview.contains("逾期）1 轮"))
        #expect(overview.contains("未报送的学校（1 所）：示例县第二中学"))
    }

    @Test func aMissingDataFolderOrABadMonthIsAClearRefusal() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CLIRunner.run(["district", "summary", "--data", folder.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("没有找到网页版的数据") && missing.stderr.contains("--data"))
        let month = try CLIRunner.run(["district", "bulletin", "--data", folder.path, "--month", "2026/11"])
        #expect(month.status == 2 && month.stderr.contains("--month 应写作 2026-11"))
        let half = try CLIRunner.run(["district", "summary", "--data", folder.path, "--term", "2026秋季学期"])
        #expect(half.status == 2 && half.stderr.contains("--term 与 --year 要一起给出"))
        let notURL = try CLIRunner.run(["district", "summary", "--archive", "archive.sqlite"])
        #expect(notURL.status == 2 && notURL.stderr.contains("postgres://"))
    }
}
