import Foundation
import Testing
import ZizhuTestSupport

/// The district's archive on PostgreSQL from the command line: `--archive postgres://…` and
/// `ZIZHU_DATABASE_URL` reach the same database for every command, and one school's recorded round is caught
/// when another school submits the same students.
@Suite(.enabled(if: PostgresTestServer.enabled, "needs the PostgreSQL server that make test starts"))
struct PostgresArchiveCommandTests {
    @Test func aRoundRecordedInTheDistrictDatabaseIsCaughtByEveryCommand() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try PostgresTestServer.freshDatabase()
        defer { PostgresTestServer.drop(database) }
        let out = folder.appendingPathComponent("out").path

        // The first use of the database makes the archive in it.
        let run = try CLIRunner.run(["run", CLIRunner.samples, "-o", out, "--archive", database, "--record"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已记入资助档案 \(database)：批次 1"))
        let again = try CLIRunner.run(["archive", "record", out, "--archive", database])
        #expect(again.status == 2)
        #expect(again.stderr.contains("不能重复记录"))

        // The same database through the environment, as a district server or a clerk's shell would set it.
        let environment = ["ZIZHU_DATABASE_URL": database]
        let check = try CLIRunner.run(["check", CLIRunner.samples, "--format", "json"], environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["code"] as? String == "repeat-aid" }.count == 9)

        let batches = try CLIRunner.run(["archive", "batches"], environment: environment)
        #expect(batches.status == 0, "\(batches.stderr)")
        #expect(batches.stdout.contains("9 行"))
        #expect(batches.stdout.contains("11,400.00 元"))
        #expect(try PostgresTestServer.psql(database, "SELECT count(*) FROM zizhu.payment") == "9")

        #expect(try CLIRunner.run(["archive", "remove", "1", "--yes"], environment: environment).status == 0)
        let after = try CLIRunner.run(["check", CLIRunner.samples, "--format", "json"], environment: environment)
        #expect(!after.stdout.contains("repeat-aid"))
    }

    @Test func aDatabaseThatCannotBeReachedIsAOneLineErrorWithoutThePassword() throws {
        let url = "postgres://district:hunter22@127.0.0.1:1/zizhu?sslmode=disable"
        let check = try CLIRunner.run(["check", CLIRunner.samples, "--archive", url])
        #expect(check.status == 2)
        #expect(check.stderr.contains("无法连接资助档案数据库 postgres://district@127.0.0.1:1/zizhu"))
        #expect(!check.stderr.contains("hunter22"))
        #expect(check.stdout.isEmpty)
    }
}
