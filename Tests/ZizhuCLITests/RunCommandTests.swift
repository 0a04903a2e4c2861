import Foundation
import Testing
import ZizhuTestSupport

/// `zizhu run`: every document, the manifest, conservation, and clean failure.
@Suite struct RunCommandTests {
    @Test func writesEveryDocumentAndTheManifest() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let result = try CLIRunner.run(["run", CLIRunner.samples, "-o", output, "--notice-start", "2026-09-14"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("核对：17 行 = 通过 9 + 退回 8"))
        #expect(result.stdout.contains("（一致）"))

        let manifestData = try Data(contentsOf: URL(fileURLWithPath: output + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        let kinds = Set(outputs.compactMap { $0["kind"] as? String })
        #expect(kinds == ["register", "notice", "bank", "returned", "report"])
        for entry in outputs {
            let path = try #require(entry["path"] as? String)
            #expect(FileManager.default.fileExists(atPath: output + "/" + path), "\(path)")
            #expect((entry["sha256"] as? String)?.count == 64)
        }
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 3)
        #expect(inputs.compactMap { $0["rows"] as? Int } == [6, 6, 5])
        let summary = try #require(manifest["summary"] as? [String: Any])
        #expect(summary["accepted"] as? Int == 9)
        // No temporary file is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func unwritableOutputIsExitTwoAndLeavesNothing() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer {
            chmod(folder.path + "/ro", 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let readOnly = folder.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        chmod(readOnly, 0o555)
        guard access(readOnly, W_OK) != 0 else { return }  // root ignores permissions; nothing to test then
        let result = try CLIRunner.run(["run", CLIRunner.samples, "-o", readOnly])
        #expect(result.status == 2)
        #expect(result.stderr.contains(readOnly) || result.stderr.contains("不可写"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).isEmpty)
    }

    @Test func outputIsAFileIsExitTwo() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("not-a-folder").path
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let result = try CLIRunner.run(["run", CLIRunner.samples, "-o", file])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
    }

    @Test func singleDocumentCommands() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = folder.appendingPathComponent("花名册.xlsx").path
        #expect(try CLIRunner.run(["register", CLIRunner.samples, "-o", register]).status == 0)
        #expect(FileManager.default.fileExists(atPath: register))
        let notice = folder.appendingPathComponent("公示名单.xlsx").path
        #expect(try CLIRunner.run(["notice", CLIRunner.samples, "-o", notice, "--notice-start", "2026-09-14"]).status == 0)
        let bankList = folder.appendingPathComponent("代发清单.xlsx").path
        #expect(try CLIRunner.run(["bank", CLIRunner.samples, "-o", bankList]).status == 0)
        let upload = folder.appendingPathComponent("代发.txt").path
        #expect(try CLIRunner.run(["bank", CLIRunner.samples, "-o", upload]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: upload))
        #expect(bytes.contains(0x0D))  // CRLF lines
        #expect(String(data: bytes, encoding: .utf8) == nil || !bytes.isEmpty)
        let badDate = try CLIRunner.run(["notice", CLIRunner.samples, "-o", notice, "--notice-start", "2026-02-30"])
        #expect(badDate.status == 2)
    }

    @Test func bankTemplatesAreListed() throws {
        let result = try CLIRunner.run(["bank", "--list"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(names.contains("generic"))
        #expect(names.count >= 3)
        let unknown = try CLIRunner.run(["bank", CLIRunner.samples, "-o", "/tmp/x.txt", "--template", "no-such-bank"])
        #expect(unknown.status == 2)
    }

    /// A sheet with 姓名, 身份证号 and 资助金额 only can be checked, but `run` cannot pay from it: no class to
    /// order the register by, no card to pay to. Every row is returned with column-missing; no register row,
    /// no bank line.
    @Test func aSheetWithoutClassOrBankColumnsIsReturnedNotPaid() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("补报.csv")
        try "姓名,身份证号,资助金额\n张伟,37011220090301101X,1500\n王芳,370112200903031053,800\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check", roster.path])
        #expect(check.status == 0, "check needs 姓名 and 身份证号 only: \(check.stdout)")

        let output = folder.appendingPathComponent("out").path
        let run = try CLIRunner.run(["run", roster.path, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("通过 0 行（0.00 元），退回 2 行（2,300.00 元）"), "\(run.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let fileLevel = findings.filter { $0["code"] as? String == "column-missing" && $0["line"] is NSNull }
        #expect(fileLevel.compactMap { $0["field"] as? String } == ["班级", "银行卡号", "开户行", "持卡人"])
        #expect(fileLevel.allSatisfy { $0["severity"] as? String == "error" })
        for line in [2, 3] {
            #expect(findings.filter { $0["code"] as? String == "column-missing" && $0["line"] as? Int == line }.count == 4)
        }
        // The bank file is GBK: its ASCII card and ID digits are enough to look for.
        let bank = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/银行代发_generic.txt")), as: UTF8.self)
        #expect(!bank.contains("37011220090301101X") && !bank.contains("370112200903031053"))
        let returned = try #require(try XLSXReadBack.read(output + "/退回清单.xlsx").sheets.last)
        #expect(returned.cells.contains { $0.text?.contains("缺少必需的列“银行卡号”") == true })
    }
}

/// A name the bank template's encoding lacks (䶮 in GBK) is a finding on its row, so every document is written.
@Suite struct BankTemplateLimitTests {
    func roster(in folder: URL) throws -> String {
        let sample = try String(contentsOfFile: CLIRunner.samples + "/高一(1)班.csv", encoding: .utf8)
        let path = folder.appendingPathComponent("高一(1)班.csv").path
        try sample.replacingOccurrences(of: "李欣怡", with: "李䶮").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkNamesTheRowAndRunWritesEveryDocument() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try roster(in: folder)

        let check = try CLIRunner.run(["check", input])
        #expect(check.status == 1)
        #expect(check.stdout.contains("第 3 行  [错误] bank-value-unwritable  姓名"), "\(check.stdout)")
        #expect(check.stdout.contains("“䶮”无法用 GBK 编码写入"))
        let gb18030 = try CLIRunner.run(["check", input, "--template", "generic-gb18030"])
        #expect(!gb18030.stdout.contains("bank-value-unwritable"))

        let output = folder.appendingPathComponent("out").path
        let run = try CLIRunner.run(["run", input, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("（一致）"))
        // The bank file holds one line per accepted row between its header and its 合计 line; 李䶮 is returned.
        let accepted = try #require(run.stdout.firstMatch(of: /通过 (\d+) \+ 退回 (\d+)/))
        #expect(Int(accepted.2)! >= 1)
        let bank = try Data(contentsOf: URL(fileURLWithPath: output + "/银行代发_generic.txt"))
        let lines = bank.split(separator: 0x0A)
        #expect(lines.count == Int(accepted.1)! + 2)
        let returned = try String(contentsOfFile: output + "/report.json", encoding: .utf8)
        #expect(returned.contains("bank-value-unwritable"))
    }

}

