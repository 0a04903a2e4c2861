import Foundation
import Testing

/// `zizhu check` on .xlsx class sheets (issue 6): the same report as the CSV, clean failures, `--sheet`, and a
/// register written by `zizhu run` read back.
@Suite struct XLSXInputTests {
    static func fixture(_ relative: String) -> String {
        CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/" + relative).path
    }

    static func located(_ report: [String: Any]) -> [String] {
        let findings = report["findings"] as? [[String: Any]] ?? []
        return findings.compactMap { finding in
            let code = finding["code"] as? String ?? ""
            guard code != "encoding-guessed" else { return nil }
            let line = (finding["line"] as? Int).map(String.init) ?? "-"
            return "\(code) \(finding["field"] as? String ?? "-") \(line)"
        }
    }

    @Test func workbookGivesTheSameReportAsTheCSV() throws {
        let (csv, csvStatus) = try CheckCommandTests.report([Self.fixture("import/gbk_title.csv")])
        let (xlsx, xlsxStatus) = try CheckCommandTests.report([Self.fixture("xlsx-roster/openpyxl_gbk_title.xlsx")])
        #expect(xlsxStatus == csvStatus)
        let inputs = try #require(xlsx["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1)
        #expect(inputs.first?["file"] as? String == "openpyxl_gbk_title.xlsx")
        #expect(inputs.first?["encoding"] as? String == "XLSX")
        #expect(inputs.first?["headerLine"] as? Int == 4)
        #expect(inputs.first?["rows"] as? Int == 4)
        #expect(!Self.located(xlsx).isEmpty)
        #expect(Self.located(xlsx) == Self.located(csv))
        let summary = try #require(xlsx["summary"] as? [String: Any])
        let csvSummary = try #require(csv["summary"] as? [String: Any])
        #expect(summary["amountIn"] as? String == csvSummary["amountIn"] as? String)
        #expect(summary["accepted"] as? Int == csvSummary["accepted"] as? Int)
    }

    @Test func mangledIDNamesItsCell() throws {
        let (report, status) = try CheckCommandTests.report([Self.fixture("xlsx-roster/numbers.xlsx"), "--only-import"])
        #expect(status == 1)
        let findings = report["findings"] as? [[String: Any]] ?? []
        let mangled = findings.filter { $0["code"] as? String == "value-excel-mangled" }
        #expect(mangled.map { $0["file"] as? String } == Array(repeating: "numbers.xlsx!高一(2)班", count: 3))
        #expect(mangled.map { $0["line"] as? Int } == [2, 2, 4])
        #expect((mangled.first?["message"] as? String)?.contains("高一(2)班!D2") == true)
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["file"] as? String } == ["numbers.xlsx!高一(2)班", "numbers.xlsx!高一(3)班"])
        #expect(inputs.first?["encoding"] as? String == "XLSX（跳过：说明、旧名单（隐藏））")
    }

    @Test func sheetOption() throws {
        let (report, _) = try CheckCommandTests.report([Self.fixture("xlsx-roster/numbers.xlsx"), "--sheet", "高一(3)班"])
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.first?["rows"] as? Int == 2)
        #expect(inputs.first?["file"] as? String == "numbers.xlsx")

        let unknown = try CLIRunner.run(["check", Self.fixture("xlsx-roster/numbers.xlsx"), "--sheet", "高三(9)班"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(unknown.stderr.contains("高一(2)班"))
    }

    @Test(arguments: ["not_a_zip.xlsx", "zip_without_workbook.xlsx", "broken_sheet_mismatched_tag.xlsx",
                      "encrypted.xlsx", "legacy_xls_renamed.xlsx"])
    func brokenWorkbookExitsTwo(_ name: String) throws {
        let result = try CLIRunner.run(["check", Self.fixture("xlsx/" + name)])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(name))
    }

    /// `zizhu run` writes 花名册.xlsx; reading it back gives the accepted rows: the same count and amount, and a
    /// bank list made from it equals the one made from the class sheets.
    @Test func registerReadsBack() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let run = try CLIRunner.run(["run", CLIRunner.samples, "-o", output, "--notice-start", "2026-09-14"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let register = output + "/花名册.xlsx"
        #expect(FileManager.default.fileExists(atPath: register))

        let (original, _) = try CheckCommandTests.report([CLIRunner.samples])
        let (readBack, _) = try CheckCommandTests.report([register, "--only-import"])
        let originalSummary = try #require(original["summary"] as? [String: Any])
        let readSummary = try #require(readBack["summary"] as? [String: Any])
        #expect(readSummary["rows"] as? Int == originalSummary["accepted"] as? Int)
        #expect(readSummary["amountIn"] as? String == originalSummary["amountAccepted"] as? String)
        let findings = readBack["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { ["error"].contains($0["severity"] as? String) }, "\(findings)")

        let fromSamples = folder.appendingPathComponent("a.txt").path
        let fromRegister = folder.appendingPathComponent("b.txt").path
        #expect(try CLIRunner.run(["bank", CLIRunner.samples, "-o", fromSamples]).status == 0)
        let bank = try CLIRunner.run(["bank", register, "-o", fromRegister])
        #expect(bank.status == 0, "\(bank.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: fromSamples))
        let b = try Data(contentsOf: URL(fileURLWithPath: fromRegister))
        #expect(a == b)
    }
}
