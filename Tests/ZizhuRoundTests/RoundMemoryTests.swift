import Foundation
import Testing
import ZizhuCore
import ZizhuExport
import ZizhuGenerate
import ZizhuRound
import ZizhuTestSupport

/// A server runs round after round in one process: each round's memory must come back when it ends. The test
/// process runs other suites at the same time, so its resident memory is no measure here: what is checked is
/// that nothing of a round outlives it — its rows (through their file's layout, which every row holds) and
/// its staged uploads. The server's resident memory over 200 rounds is measured in its own process by
/// `Tests/serve/test_api.py`, and over 500 by `Benchmarks/serve_bench.py`.
@Suite struct RoundMemoryTests {
    private static let rounds = ProcessInfo.processInfo.environment["ZIZHU_MEMORY_ROUNDS"].flatMap(Int.init) ?? 200

    @Test func nothingOfARoundOutlivesIt() throws {
        let folder = try Fixtures.temporaryFolder("round-memory")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets = folder.appendingPathComponent("sheets").path
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 400, seed: 16, anomalyRate: 0.1), into: sheets)
        let uploads = try FileManager.default.contentsOfDirectory(atPath: sheets)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }.sorted()
            .map { RoundInput.bytes(name: $0, contents: Array(try Data(contentsOf: URL(fileURLWithPath: sheets + "/" + $0)))) }
        let staging = folder.appendingPathComponent("staging").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        var request = RoundRequest(inputs: uploads)
        request.stagingDirectory = staging

        var summary: Summary?
        for _ in 1...Self.rounds {
            weak var layout: ColumnLayout?
            do {
                let output = folder.appendingPathComponent("out").path
                let checked = try RoundPipeline(request).check()
                _ = try checked.writeDocuments(to: output, options: ExportOptions())
                _ = try checked.writeReturnedListsPerClass(to: output + "/各班")
                if let summary { #expect(checked.result.summary == summary) }
                summary = checked.result.summary
                layout = checked.result.applicants.first?.layout
                #expect(layout != nil)
                try FileManager.default.removeItem(atPath: output)
            }
            #expect(layout == nil, "a round's rows outlived it")
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty, "a round's uploads outlived it")
        }
    }
}
