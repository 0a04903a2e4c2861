import Foundation
import Testing

/// `zizhu generate` then `zizhu check`: every planted anomaly is found, and no clean row has an error.
@Suite struct GenerateCommandTests {
    struct Answer: Decodable, Hashable {
        var file: String
        var line: Int
        var code: String
    }

    struct Answers: Decodable { var anomalies: [Answer] }

    @Test func everyPlantedAnomalyIsFoundAndCleanRowsPass() throws {
        let rows = ProcessInfo.processInfo.environment["ZIZHU_E2E_ROWS"].flatMap(Int.init) ?? 100_000
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try CLIRunner.run(["generate", "--rows", String(rows), "--seed", "11", "--anomalies", "0.03",
                                           "-o", folder.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let answers = try JSONDecoder().decode(
            Answers.self, from: Data(contentsOf: folder.appendingPathComponent("answers.json"))).anomalies
        #expect(answers.count > rows / 100)

        let check = try CLIRunner.run(["check", folder.path, "--format", "json"])
        #expect(check.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        var found = Set<Answer>()
        var errorRows = Set<String>()
        for finding in findings {
            guard let file = finding["file"] as? String, let code = finding["code"] as? String else { continue }
            guard let line = finding["line"] as? Int else { continue }
            found.insert(Answer(file: file, line: line, code: code))
            if finding["severity"] as? String == "error" { errorRows.insert("\(file):\(line)") }
        }
        let missed = Set(answers).subtracting(found)
        #expect(missed.isEmpty, "missed \(missed.count): \(missed.prefix(5))")
        let plantedRows = Set(answers.map { "\($0.file):\($0.line)" })
        let falseAlarms = errorRows.subtracting(plantedRows)
        #expect(falseAlarms.isEmpty, "errors on clean rows: \(falseAlarms.prefix(5))")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["rows"] as? Int == rows)
    }
}
