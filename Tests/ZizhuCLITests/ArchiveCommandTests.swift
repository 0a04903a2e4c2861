import Foundation
import Testing

/// The archive from the command line: record, the findings it adds, history, batches, remove, and two
/// `zizhu run --record` processes at once.
@Suite struct ArchiveCommandTests {
    static func sample(_ name: String) -> String { CLIRunner.packageRoot.appendingPathComponent("samples/\(name)").path }

    @Test func recordedRoundIsCaughtAsRepeatAid() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("archive.sqlite").path
        let out = folder.appendingPathComponent("out").path
        let run = try CLIRunner.run(["run", CLIRunner.samples, "-o", out, "--archive", archive, "--record"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已记入资助档案"))

        let again = try CLIRunner.run(["archive", "record", out, "--archive", archive])
        #expect(again.status == 2)
        #expect(again.stderr.contains("不能重复记录"))

        let check = try CLIRunner.run(["check", CLIRunner.samples, "--archive", archive, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["code"] as? String == "repeat-aid" }.count == 9)

        let batches = try CLIRunner.run(["archive", "batches", "--archive", archive])
        #expect(batches.stdout.contains("9 行"))
        #expect(batches.stdout.contains("11,400.00 元"))

        #expect(try CLIRunner.run(["archive", "remove", "1", "--archive", archive]).status == 2)  // needs --yes
        #expect(try CLIRunner.run(["archive", "remove", "1", "--archive", archive, "--yes"]).status == 0)
        let after = try CLIRunner.run(["check", CLIRunner.samples, "--archive", archive, "--format", "json"])
        #expect(!after.stdout.contains("repeat-aid"))
    }

    @Test func recordFromAFinishedRunAndHistory() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("archive.sqlite").path
        let out = folder.appendingPathComponent("out").path
        #expect(try CLIRunner.run(["run", CLIRunner.samples, "-o", out, "--no-archive"]).status == 0)
        let record = try CLIRunner.run(["archive", "record", out, "--archive", archive])
        #expect(record.status == 0, "\(record.stderr)")
        // 阿依古丽·买买提, 高一(1)班 line 7 of the sample, was accepted.
        let history = try CLIRunner.run(["archive", "history", try Self.idOnLine(7), "--archive", archive])
        #expect(history.stdout.contains("阿依古丽·买买提"))
        #expect(history.stdout.contains("1,500.00 元"))
        #expect(!history.stdout.contains(try Self.cardOnLine(7)))  // masked
    }

    @Test func importsARegisterWrittenByRun() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("archive.sqlite").path
        let out = folder.appendingPathComponent("out").path
        #expect(try CLIRunner.run(["run", CLIRunner.samples, "-o", out, "--no-archive"]).status == 0)
        let register = out + "/花名册.xlsx"
        let first = try CLIRunner.run(["archive", "import", register, "--archive", archive, "--year", "2025",
                                       "--term", "春季学期"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("9 行，11,400.00 元"))
        let again = try CLIRunner.run(["archive", "import", register, "--archive", archive, "--year", "2025",
                                       "--term", "春季学期"])
        #expect(again.status == 2)
    }

    @Test func foreignFileIsRefusedAndLeftAlone() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("notes.sqlite").path
        try "这不是档案\n".write(toFile: foreign, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["run", CLIRunner.samples, "-o", folder.appendingPathComponent("o").path,
                                        "--archive", foreign, "--record"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("不是 zizhu 资助档案"))
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "这不是档案\n")
    }

    @Test func twoProcessesRecordingAtOnce() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("archive.sqlite").path
        // Create it first so neither process races to create the file.
        #expect(try CLIRunner.run(["archive", "batches", "--archive", archive]).status == 2)
        let seed = try CLIRunner.run(["archive", "import", Self.sample("高二(1)班.txt"), "--archive", archive,
                                      "--year", "2025", "--term", "春季学期"])
        #expect(seed.status == 0, "\(seed.stderr)")

        let inputs = [Self.sample("高一(1)班.csv"), Self.sample("高一(2)班.csv")]
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let out = folder.appendingPathComponent("out\(index)").path
            if let result = try? CLIRunner.run(["run", inputs[index], "-o", out, "--archive", archive, "--record"]) {
                results.append(result)
            }
        }
        let finished = results.all
        #expect(finished.count == 2)
        for result in finished {
            // Both succeed, or one is told the archive is busy: never anything else.
            #expect(result.status == 0 || result.stderr.contains("另一个 zizhu 正在写入档案"), "\(result.stderr)")
        }
        let recorded = finished.filter { $0.status == 0 }.count
        let batches = try CLIRunner.run(["archive", "batches", "--archive", archive])
        #expect(batches.stdout.split(separator: "\n").count == 1 + recorded)
    }

    static func cells(onLine line: Int) throws -> [String] {
        let text = try String(contentsOfFile: sample("高一(1)班.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        // The sample's only quoted cells are amounts like "1,500.00" (no quotes inside).
        var cells: [String] = []
        var current = ""
        var quoted = false
        for ch in lines[line - 1] {
            switch ch {
            case "\"": quoted.toggle()
            case "," where !quoted: cells.append(current); current = ""
            default: current.append(ch)
            }
        }
        cells.append(current)
        return cells
    }

    static func idOnLine(_ line: Int) throws -> String { try cells(onLine: line)[4] }
    static func cardOnLine(_ line: Int) throws -> String { try cells(onLine: line)[12] }
}

/// Results gathered from concurrent runs.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CLIRunner.Result] = []

    func append(_ result: CLIRunner.Result) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [CLIRunner.Result] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
