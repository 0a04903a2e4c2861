import Foundation
import Testing
import ZizhuTestSupport
import ZizhuCore
import ZizhuImport

/// Nothing is lost (issue 7): over generated rounds — random valid and invalid rows, encodings, layouts and
/// .xlsx files — every input row ends in exactly one of the register and the returned list, and
/// amountIn = amountAccepted + amountReturned, both in the library's RoundResult and in the 花名册.xlsx and
/// 退回清单.xlsx that `zizhu run` writes, read back with openpyxl.
@Suite struct ConservationTests {
    /// Seeds of `ZizhuGenerate` (and of the re-saving); each seed also picks the size and anomaly rate.
    static let seeds: [UInt64] = [1, 7, 42, 2024, 31337, 9_000_001]

    struct Key: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var description: String { "\(file):\(line)" }
    }

    @Test(arguments: seeds)
    func everyRowEndsInExactlyOnePlace(seed: UInt64) throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededRandom(seed: seed ^ 0xC0FFEE)
        let rows = Int.random(in: 200...320, using: &random)
        let anomalyRate = Double.random(in: 0...0.35, using: &random)
        let fixture = try GeneratedRoundFixture.make(seed: seed, rows: rows, anomalyRate: anomalyRate, in: folder)
        let expected = fixture.rows.map { Key(file: $0.file, line: $0.line) }
        #expect(Set(expected).count == expected.count)
        let context = "seed \(seed), \(rows) rows, anomalies \(anomalyRate), formats \(fixture.formats)"

        // 1. In memory: the library's RoundResult.
        let result = try Self.roundResult(fixture.folder)
        let keys = result.applicants.map { Key(file: $0.layout.file, line: $0.line) }
        #expect(Set(keys).count == keys.count, "a row read twice: \(context)")
        #expect(Set(keys) == Set(expected),
                "lost: \(Set(expected).subtracting(keys).sorted(by: Self.order).prefix(5)); invented: \(Set(keys).subtracting(expected).sorted(by: Self.order).prefix(5)); \(context)")
        let summary = result.summary
        #expect(summary.rows == expected.count)
        #expect(result.inputs.reduce(0) { $0 + $1.rows } == summary.rows)
        #expect(summary.accepted + summary.returned == summary.rows)
        #expect(result.accepted.count == summary.accepted && result.returned.count == summary.returned)
        #expect(summary.amountIn == summary.amountAccepted + summary.amountReturned, "\(context)")
        let acceptedSum = result.accepted.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
        let returnedSum = result.returned.reduce(Money.zero) { $0 + ($1.amount ?? .zero) }
        #expect(acceptedSum == summary.amountAccepted && returnedSum == summary.amountReturned, "\(context)")
        // The generator plants anomalies and the fixture adds bad rows: both outcomes must occur.
        #expect(summary.returned > 0 && summary.accepted > 0, "\(context)")

        // 2. The same round through `zizhu run` and its XLSX outputs.
        let output = folder.appendingPathComponent("out").path
        let template = try Self.unicodeBankTemplate(in: folder)
        let run = try ChildProcess.zizhu(["run", fixture.folder, "-o", output, "--notice-start", "2026-09-14",
                                          "--template", template, "--no-archive"])
        try #require(run.status == 0, "\(run.stderr) \(context)")
        let report = try Self.jsonObject(output + "/report.json")
        let reported = try #require(report["summary"] as? [String: Any])
        #expect(reported["rows"] as? Int == summary.rows && reported["accepted"] as? Int == summary.accepted
                && reported["returned"] as? Int == summary.returned)
        #expect(reported["amountIn"] as? String == summary.amountIn.decimalString)
        #expect(reported["amountAccepted"] as? String == summary.amountAccepted.decimalString)
        #expect(reported["amountReturned"] as? String == summary.amountReturned.decimalString)

        let readBack = try ReadbackScripts.json("round_rows.py", [output])
        let register = try #require(readBack["register"] as? [[String: Any]])
        let returnedRows = try #require(readBack["returned"] as? [[String: Any]])
        let returnedKeys = returnedRows.map { Key(file: $0["file"] as? String ?? "", line: $0["line"] as? Int ?? 0) }
        #expect(Set(returnedKeys).count == returnedKeys.count, "a row returned twice: \(context)")
        #expect(returnedKeys.count == summary.returned)
        #expect(readBack["returnedOverview"] as? Int == summary.returned)
        #expect(register.count == summary.accepted)
        let total = try #require(readBack["registerTotal"] as? [String: Any])
        #expect(total["count"] as? Int == summary.accepted)
        #expect((total["amountFen"] as? Int).map(Int64.init) == summary.amountAccepted.fen)

        // Every input row: in the returned list by file and line, or in the register by its ID — not both,
        // not neither, and no register row left over.
        let applicantAt = Dictionary(uniqueKeysWithValues: zip(keys, result.applicants))
        var registerIDs: [String: Int] = [:]
        var registerFen: Int64 = 0
        for row in register {
            registerIDs[row["id"] as? String ?? "", default: 0] += 1
            registerFen += Int64(row["amountFen"] as? Int ?? 0)
        }
        #expect(registerFen == summary.amountAccepted.fen, "\(context)")
        let returnedSet = Set(returnedKeys)
        var returnedFen: Int64 = 0
        var misplaced: [String] = []
        for key in expected {
            guard let applicant = applicantAt[key] else { continue }  // already reported above
            let id = applicant.value(.idNumber)
            if returnedSet.contains(key) {
                returnedFen += applicant.amount?.fen ?? 0
                if !id.isEmpty, registerIDs[id] != nil { misplaced.append("\(key) returned and in the register") }
            } else if let count = registerIDs[id], count > 0 {
                registerIDs[id] = count - 1
            } else {
                misplaced.append("\(key) neither returned nor in the register")
            }
        }
        let leftOver = registerIDs.filter { $0.value > 0 }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5)) \(context)")
        #expect(leftOver.isEmpty, "register rows matching no input row: \(leftOver.count) \(context)")
        #expect(summary.amountIn.fen == registerFen + returnedFen, "\(context)")

        let manifest = try Self.jsonObject(output + "/manifest.json")
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.compactMap { $0["rows"] as? Int }.reduce(0, +) == summary.rows)
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        #expect(outputs.first { $0["kind"] as? String == "register" }?["rows"] as? Int == summary.accepted)
        #expect(outputs.first { $0["kind"] as? String == "returned" }?["rows"] as? Int == summary.returned)
    }

    /// The pipeline of `zizhu check`/`run` without the command line: read every input, validate.
    static func roundResult(_ folder: String) throws -> RoundResult {
        let files = try InputCollector.collect([folder])
        var applicants: [Applicant] = []
        var findings: [Finding] = []
        var inputs: [InputSummary] = []
        for file in files {
            let imported = try RosterReader.read(file, firstIndex: applicants.count)
            applicants += imported.applicants
            findings += imported.findings
            inputs += imported.inputs
        }
        return Validator(policy: .default).run(inputs: inputs, applicants: applicants, importFindings: findings)
    }

    /// The built-in generic bank template in GB18030: generated rosters hold names such as 李䶮 that GBK
    /// bank files cannot carry (and `run` rightly refuses to write those).
    static func unicodeBankTemplate(in folder: URL) throws -> String {
        let source = CLIRunner.packageRoot.appendingPathComponent("Sources/ZizhuExport/Resources/BankTemplates/generic.json")
        var template = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        template["name"] = "generic-gb18030"
        template["encoding"] = "GB18030"
        let path = folder.appendingPathComponent("generic-gb18030.json")
        try JSONSerialization.data(withJSONObject: template).write(to: path)
        return path.path
    }

    static func jsonObject(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func order(_ a: Key, _ b: Key) -> Bool { (a.file, a.line) < (b.file, b.line) }
}
