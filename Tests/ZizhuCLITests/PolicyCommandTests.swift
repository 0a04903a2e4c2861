import Foundation
import Testing

@Suite struct PolicyCommandTests {
    @Test func initWritesAFileThatChecksAndShows() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy.yaml").path
        #expect(try CLIRunner.run(["policy", "init", "-o", path]).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# 资助档次"))
        #expect(try CLIRunner.run(["policy", "init", "-o", path]).status == 2)  // refuses to overwrite
        let check = try CLIRunner.run(["policy", "check", path])
        #expect(check.status == 0, "\(check.stderr)")
        let show = try CLIRunner.run(["policy", "show", "--policy", path])
        #expect(show.status == 0)
        #expect(show.stdout.contains("普通高中国家助学金"))
        #expect(try CLIRunner.run(["policy", "show"]).stdout.contains("1500"))
    }

    @Test func badPolicyNamesTheLineAndKeyAndExitsTwo() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy.yaml").path
        #expect(try CLIRunner.run(["policy", "init", "-o", path]).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "amount: \"1150.00\"", with: "amount: \"1150.005\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["policy", "check", path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("amount"))
        #expect(check.stderr.contains("行"))
        let run = try CLIRunner.run(["check", CLIRunner.samples, "--policy", path])
        #expect(run.status == 2)
    }
}
