import Foundation
import Testing
import ZizhuTestSupport

/// `zizhu check` from the outside: exit codes, the JSON contract and the exact findings on samples/.
@Suite struct CheckCommandTests {
    struct Located: Hashable, CustomStringConvertible {
        var code: String
        var file: String
        var line: Int?
        var description: String { "\(code) \(file):\(line.map(String.init) ?? "-")" }
    }

    static func report(_ arguments: [String]) throws -> (json: [String: Any], status: Int32) {
        let result = try CLIRunner.run(["check"] + arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (try #require(object as? [String: Any]), result.status)
    }

    static func located(_ report: [String: Any]) -> [Located] {
        let findings = report["findings"] as? [[String: Any]] ?? []
        return findings.map {
            Located(code: $0["code"] as? String ?? "", file: $0["file"] as? String ?? "", line: $0["line"] as? Int)
        }
    }

    /// Every problem planted in samples/ (samples/README.md), and nothing else.
    @Test func samplesGiveExactlyThePlantedFindings() throws {
        let (report, status) = try Self.report([CLIRunner.samples])
        #expect(status == 1)
        let expected: [Located] = [
            Located(code: "card-shared", file: "高一(1)班.csv", line: 2),
            Located(code: "duplicate-id-across-files", file: "高一(1)班.csv", line: 3),
            Located(code: "id-checksum", file: "高一(1)班.csv", line: 4),
            Located(code: "amount-not-standard", file: "高一(1)班.csv", line: 5),
            Located(code: "document-missing", file: "高一(1)班.csv", line: 5),
            Located(code: "card-shared", file: "高一(1)班.csv", line: 6),
            Located(code: "encoding-guessed", file: "高一(2)班.csv", line: nil),
            Located(code: "value-normalized", file: "高一(2)班.csv", line: 6),
            Located(code: "value-normalized", file: "高一(2)班.csv", line: 6),
            Located(code: "value-excel-mangled", file: "高一(2)班.csv", line: 7),
            Located(code: "duplicate-id-across-files", file: "高一(2)班.csv", line: 8),
            Located(code: "card-holder-mismatch", file: "高一(2)班.csv", line: 9),
            Located(code: "id-gender-mismatch", file: "高二(1)班.txt", line: 3),
            Located(code: "amount-level-mismatch", file: "高二(1)班.txt", line: 4),
            Located(code: "card-format", file: "高二(1)班.txt", line: 6),
        ]
        #expect(Self.located(report) == expected)

        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["encoding"] as? String } == ["UTF-8 (BOM)", "GB18030", "UTF-16LE"])
        #expect(inputs.map { $0["headerLine"] as? Int } == [1, 4, 1])
        #expect(inputs.map { $0["rows"] as? Int } == [6, 6, 5])

        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == 17)
        #expect(summary["accepted"] as? Int == 9)
        #expect(summary["returned"] as? Int == 8)
        #expect(summary["amountIn"] as? String == "21000.00")
        #expect(summary["amountAccepted"] as? String == "11400.00")
        #expect(summary["amountReturned"] as? String == "9600.00")
    }

    @Test func relatedRowsNameTheOtherFile() throws {
        let (report, _) = try Self.report([CLIRunner.samples])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let twin = try #require(findings.first { $0["code"] as? String == "duplicate-id-across-files" })
        let related = try #require(twin["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["file"] as? String == "高一(2)班.csv")
        #expect(related.first?["line"] as? Int == 8)
    }

    @Test func cleanRosterExitsZero() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try CLIRunner.run(["generate", "--rows", "60", "--seed", "3", "--anomalies", "0", "-o", folder.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let (report, status) = try Self.report([folder.path])
        #expect(status == 0, "\(Self.located(report))")
    }

    @Test func strictMakesWarningsFail() throws {
        let file = CLIRunner.packageRoot.appendingPathComponent("samples/高二(1)班.txt").path
        // This file's only error is a short card; warnings remain after that row too.
        let plain = try CLIRunner.run(["check", file, "--format", "json"])
        #expect(plain.status == 1)
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = folder.appendingPathComponent("p.yaml").path
        // The default policy, with a short card number made a warning.
        #expect(try CLIRunner.run(["policy", "init", "-o", policy]).status == 0)
        let yaml = try String(contentsOfFile: policy, encoding: .utf8)
            .replacingOccurrences(of: "severity: {}", with: "severity: {card-format: warning}")
        try yaml.write(toFile: policy, atomically: true, encoding: .utf8)
        let lenient = try CLIRunner.run(["check", file, "--policy", policy])
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
        let strict = try CLIRunner.run(["check", file, "--policy", policy, "--strict"])
        #expect(strict.status == 1)
    }

    @Test func missingInputIsExitTwoWithOneLine() throws {
        let result = try CLIRunner.run(["check", "/nonexistent/高三(9)班.csv"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("高三(9)班.csv"))
    }

    @Test func usageErrorIsExitTwo() throws {
        let result = try CLIRunner.run(["check", "--format", "pdf", CLIRunner.samples])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func textReportIsChineseAndMasked() throws {
        let result = try CLIRunner.run(["check", CLIRunner.samples])
        #expect(result.status == 1)
        #expect(result.stdout.contains("身份证号校验位错误"))
        #expect(result.stdout.contains("文件：高一(2)班.csv"))
        // No identifier of the inputs appears in full.
        for identifier in try SampleIdentifiers.all() {
            #expect(!result.stdout.contains(identifier), "unmasked \(identifier.prefix(4))…")
        }
        // The short card of 高二(1)班 line 6 is quoted in its message: masked, unless asked.
        #expect(!result.stdout.contains("62284800000312"))
        let shown = try CLIRunner.run(["check", CLIRunner.samples, "--show-values"])
        #expect(shown.stdout.contains("62284800000312"))
    }

    @Test func englishMessages() throws {
        let result = try CLIRunner.run(["check", CLIRunner.samples, "--lang", "en"])
        #expect(result.stdout.contains("checksum"))
        #expect(!result.stdout.contains("身份证号校验位错误"))
    }

    @Test func xlsxFormatWritesTheFindingsWorkbook() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("问题清单.xlsx").path
        let result = try CLIRunner.run(["check", CLIRunner.samples, "--format", "xlsx", "-o", output])
        #expect(result.status == 1)
        #expect(FileManager.default.fileExists(atPath: output))
        let missingOutput = try CLIRunner.run(["check", CLIRunner.samples, "--format", "xlsx"])
        #expect(missingOutput.status == 2)
    }

    /// The national system's words are the policy's words: 最低生活保障家庭 is 低保 (its proof is asked for and
    /// `--evidence 最低生活保障家庭=…` checks it); an unknown 困难类型 or 困难等级 is an error naming the value.
    @Test func nationalWordsAreUnderstoodAndUnknownWordsAreErrors() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("高一(1)班.csv")
        let header = "姓名,身份证号,班级,困难类型,困难等级,资助金额,银行卡号,开户行,持卡人,申请表,户口本,身份证复印件\n"
        let rows = [
            "张伟,37011220090301101X,高一(1)班,最低生活保障家庭,特别困难,1500,\(ApplicantBuilder.card(serial: 1)),中国农业银行,张伟,有,有,有",
            "王芳,370112200903031053,高一(1)班,乱写的类型,一般困难,800,\(ApplicantBuilder.card(serial: 2)),中国农业银行,王芳,有,有,有",
            "马超,37011220090420311X,高一(1)班,其他家庭经济困难,四档,800,\(ApplicantBuilder.card(serial: 3)),中国农业银行,马超,有,有,有",
        ]
        try (header + rows.joined(separator: "\n") + "\n").write(to: roster, atomically: true, encoding: .utf8)
        func findings(_ extra: [String]) throws -> [[String: Any]] {
            let result = try CLIRunner.run(["check", roster.path, "--format", "json", "--show-values"] + extra)
            #expect(result.status == 1, "\(result.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(report["findings"] as? [[String: Any]])
        }
        let plain = try findings([])
        func codes(_ findings: [[String: Any]], line: Int?) -> [String] {
            findings.filter { ($0["line"] as? Int) == line }.compactMap { $0["code"] as? String }.filter { $0 != "card-luhn" }
        }
        #expect(codes(plain, line: 2) == [])
        #expect(codes(plain, line: 3) == ["category-unknown"])
        #expect(codes(plain, line: 4) == ["level-unknown"])
        let unknown = try #require(plain.first { $0["code"] as? String == "category-unknown" })
        #expect((unknown["message"] as? String)?.contains("“乱写的类型”") == true)
        #expect((unknown["message"] as? String)?.contains("最低生活保障家庭") == true, "the accepted words are listed")
        #expect(unknown["severity"] as? String == "error")
        // 张伟 claims 低保 in the national words: the file must show the 低保证.
        let proof = plain.filter { $0["code"] as? String == "document-missing" && $0["line"] is NSNull }
            .compactMap { $0["field"] as? String }
        #expect(proof.contains("低保证"))

        let lists = CrossCheckCommandTests.path("低保名单.csv")
        let checked = try findings(["--evidence", "最低生活保障家庭=" + lists])
        #expect(codes(checked, line: 2) == ["category-verified"])
        let stillMissing = checked.filter { $0["code"] as? String == "document-missing" }.compactMap { $0["field"] as? String }
        #expect(!stillMissing.contains("低保证"), "the list stands for the proof")
    }
}

/// The identifiers (IDs, cards, phones: runs of 11+ digits) in the UTF-8 sample, as typed.
enum SampleIdentifiers {
    static func all() throws -> [String] {
        let url = CLIRunner.packageRoot.appendingPathComponent("samples/高一(1)班.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var found: [String] = []
        var run = ""
        for ch in text {
            if ch.isASCII && (ch.isNumber || (ch == "X" && !run.isEmpty)) {
                run.append(ch)
            } else {
                if run.count >= 11 { found.append(run) }
                run = ""
            }
        }
        return found
    }

}

