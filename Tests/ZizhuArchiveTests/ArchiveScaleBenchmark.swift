import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore

/// The entry `Benchmarks/archive_bench.py` drives; skipped unless `ZIZHU_ARCHIVE_BENCH` names an archive (an
/// SQLite file or a `postgres://` URL).
///
/// - Without `ZIZHU_ARCHIVE_BENCH_SUBMISSION`: creates (or migrates) the archive, so the script fills a file
///   whose schema came from the migrations and not from a copy of them.
/// - With it (a TSV of `身份证号 \t 银行卡号 \t 姓名` lines): checks that submission against the archive as
///   the round `ZIZHU_ARCHIVE_BENCH_ROUND` (`school|program|term|year`) and writes the timings as JSON to
///   `ZIZHU_ARCHIVE_BENCH_RESULT` (or prints them).
@Suite struct ArchiveScaleBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["ZIZHU_ARCHIVE_BENCH"] != nil))
    func checkASubmissionAgainstALargeArchive() throws {
        let path = try #require(Self.environment["ZIZHU_ARCHIVE_BENCH"])
        let archive = try ArchiveStores.open(path, create: true)
        guard let submissionPath = Self.environment["ZIZHU_ARCHIVE_BENCH_SUBMISSION"] else { return }

        let text = try String(contentsOfFile: submissionPath, encoding: .utf8)
        let layout = ColumnLayout(file: "benchmark.tsv", headers: ["身份证号", "银行卡号", "姓名"], headerLine: 1,
                                  columns: [.idNumber: 0, .card: 1, .name: 2])
        var applicants: [Applicant] = []
        for line in text.split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            applicants.append(Applicant(layout: layout, line: applicants.count + 2, index: applicants.count, cells: cells))
        }
        let round = (Self.environment["ZIZHU_ARCHIVE_BENCH_ROUND"] ?? "基准中学|普通高中国家助学金|秋季学期|2026")
            .split(separator: "|").map(String.init)
        try #require(round.count == 4)
        var policy = Policy.default
        policy.school = round[0]
        policy.program = round[1]
        policy.term = round[2]
        policy.year = Int(round[3]) ?? policy.year

        // Wall and CPU seconds of three runs: the first reads the index pages from disk (or the OS cache),
        // the next ones show the warm cost. CPU time is steadier on a machine shared with builds.
        let check = archive.check()
        var findings: [Finding] = []
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        for _ in 0..<3 {
            let (wall, cpu) = try Self.measure { findings = try check.findings(for: applicants, policy: policy) }
            seconds.append(wall)
            cpuSeconds.append(cpu)
        }
        // The part that could depend on the archive's size: the index lookups alone, on prepared keys.
        let ids = ArchiveCheck.distinct(applicants.map { ArchiveKey.idNumber($0.value(.idNumber)) })
        let holders = ArchiveCheck.holders(applicants.map { ArchiveKey.card($0.value(.card)) },
                                           applicants.map { ArchiveKey.idNumber($0.value(.idNumber)) })
        var fetched = 0
        let (lookupWall, lookupCPU) = try Self.measure {
            fetched = try archive.payments(toIDNumbers: ids, term: policy.term, year: policy.year).count
                + archive.payments(intoCardsOf: holders).count
        }
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.code.rawValue, default: 0] += 1 }

        struct Report: Encodable {
            var archive: String
            var submissionRows: Int
            var seconds: [Double]
            var cpuSeconds: [Double]
            var lookupSeconds: Double
            var lookupCPUSeconds: Double
            var paymentsFetched: Int
            var findings: [String: Int]
        }
        let report = Report(archive: path, submissionRows: applicants.count, seconds: seconds, cpuSeconds: cpuSeconds,
                            lookupSeconds: lookupWall, lookupCPUSeconds: lookupCPU, paymentsFetched: fetched,
                            findings: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(report)
        if let resultPath = Self.environment["ZIZHU_ARCHIVE_BENCH_RESULT"] {
            try json.write(to: URL(fileURLWithPath: resultPath))
        } else {
            print(String(decoding: json, as: UTF8.self))
        }
        #expect(findings.count > 0)
    }

    /// Wall-clock and CPU (this process, all threads) seconds of `body`.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        func cpuNow() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
        let cpuStart = cpuNow()
        let elapsed = try ContinuousClock().measure(body)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (wall, cpuNow() - cpuStart)
    }
}
