import Foundation
import Testing
import ZizhuCore
import ZizhuExport
import ZizhuGenerate
import ZizhuRound
import ZizhuTestSupport

/// A server runs round after round in one process: each round's memory must come back when it ends.
@Suite struct RoundMemoryTests {
    /// Rounds to run; `make test-asan` runs fewer (AddressSanitizer keeps freed memory in quarantine, so
    /// resident memory is not the measure there — LeakSanitizer is).
    private static let rounds = ProcessInfo.processInfo.environment["ZIZHU_MEMORY_ROUNDS"].flatMap(Int.init) ?? 200
    private static let measuresResidentMemory = ProcessInfo.processInfo.environment["ZIZHU_SANITIZER"] == nil

    @Test func twoHundredRoundsLeaveResidentMemoryFlat() throws {
        let folder = try Fixtures.temporaryFolder("round-memory")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets = folder.appendingPathComponent("sheets").path
        _ = try RosterGenerator.generate(GeneratorOptions(rows: 400, seed: 16, anomalyRate: 0.1), into: sheets)
        let uploads = try FileManager.default.contentsOfDirectory(atPath: sheets)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }.sorted()
            .map { RoundInput.bytes(name: $0, contents: Array(try Data(contentsOf: URL(fileURLWithPath: sheets + "/" + $0)))) }

        var residentAfterWarmUp = 0
        var summary: Summary?
        for round in 1...Self.rounds {
            let output = folder.appendingPathComponent("out").path
            let checked = try RoundPipeline(RoundRequest(inputs: uploads)).check()
            _ = try checked.writeDocuments(to: output, options: ExportOptions())
            _ = try checked.writeReturnedListsPerClass(to: output)
            if let summary { #expect(checked.result.summary == summary) }
            summary = checked.result.summary
            try FileManager.default.removeItem(atPath: output)
            if round == min(50, Self.rounds) { residentAfterWarmUp = Self.residentBytes() }
        }
        let residentAtEnd = Self.residentBytes()
        if Self.measuresResidentMemory {
            // Flat: within 10 % (and 8 MB of allocator slack) of what it was after the first 50 rounds.
            #expect(residentAtEnd <= residentAfterWarmUp + residentAfterWarmUp / 10 + (8 << 20),
                    "resident memory \(residentAfterWarmUp >> 20) MB after 50 rounds, \(residentAtEnd >> 20) MB after \(Self.rounds)")
        }
    }

    /// This process's resident set (/proc/self/statm), in bytes.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
