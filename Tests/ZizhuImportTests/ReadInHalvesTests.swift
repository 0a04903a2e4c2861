import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuImport

/// Reading a file in two halves on two cores (`RosterReader.readInHalves`) must give exactly what reading it
/// straight through gives, wherever the split falls: inside a quoted field, next to a problem, in a file
/// whose second half does not decode.
@Suite struct ReadInHalvesTests {
    static let straight = RosterReader.ReadTuning(threadedFromBytes: .max, halvesFromBytes: .max)

    /// Small blocks, or the first one would hold the whole file and leave nothing to split.
    static func halves(at fraction: Double, blockSize: Int = 4096, sniffWindow: Int = 1024) -> RosterReader.ReadTuning {
        RosterReader.ReadTuning(blockSize: blockSize, sniffWindow: sniffWindow, threadedFromBytes: .max,
                                halvesFromBytes: 0, splitFraction: fraction)
    }

    static let fractions = stride(from: 0.0, through: 1.0, by: 0.05).map { $0 }

    @Test(arguments: RosterReaderTests.cases)
    func fixturesReadTheSameWhereverTheySplit(_ fixture: RosterReaderTests.Case) throws {
        let straight = ImportSnapshot(try readFixture(fixture.file, tuning: ReadInHalvesTests.straight))
        for fraction in ReadInHalvesTests.fractions {
            for sniffWindow in [16, 64 << 10] {
                let tuning = ReadInHalvesTests.halves(at: fraction, blockSize: 7, sniffWindow: sniffWindow)
                let split = try readFixture(fixture.file, tuning: tuning)
                #expect(ImportSnapshot(split) == straight, "split at \(fraction), sniff window \(sniffWindow)")
            }
        }
    }

    @Test(arguments: [false, true])
    func largeRosterReadsTheSameWhereverItSplits(gb18030: Bool) throws {
        var bytes = RecordPipelineTests.largeRoster(rows: 3_000)
        if gb18030 {
            bytes = try IconvConverter.encode(String(decoding: bytes, as: UTF8.self) + "刘䶮,,,,\r\n", to: "GB18030")
        }
        let straight = try readBytes(bytes, tuning: ReadInHalvesTests.straight)
        #expect(straight.summary.rows == 3_000)
        for fraction in stride(from: 0.0, through: 1.0, by: 0.02) {
            let split = try readBytes(bytes, tuning: ReadInHalvesTests.halves(at: fraction, blockSize: 4093))
            #expect(ImportSnapshot(split) == ImportSnapshot(straight), "split at \(fraction)")
            // One layout object for the file, as reports group rows by it.
            #expect(Set(split.applicants.map { ObjectIdentifier($0.layout) }).count == 1)
        }
    }

    /// The split lands on the line end inside a quoted field: the second half would start mid-field, so the
    /// first half must notice it did not end between records and read on itself.
    @Test func aSplitInsideAQuotedFieldIsNotTrusted() throws {
        let bytes = RecordPipelineTests.largeRoster(rows: 3_000)
        let quoted = Array("\"第一行\r\n".utf8)
        let starts = (0...(bytes.count - quoted.count)).filter { Array(bytes[$0..<($0 + quoted.count)]) == quoted }
        #expect(starts.count > 10)
        let straight = ImportSnapshot(try readBytes(bytes, tuning: ReadInHalvesTests.straight))
        for start in starts.prefix(5) {
            // Just before the CR LF inside the quotes: the split is the line after that LF.
            let fraction = (Double(start + quoted.count - 3) + 0.5) / Double(bytes.count)
            let split = try readBytes(bytes, tuning: ReadInHalvesTests.halves(at: fraction))
            #expect(ImportSnapshot(split) == straight)
        }
    }

    @Test func rowsAreCountedOnFromTheFirstHalfWithoutKeepingThem() throws {
        let bytes = RecordPipelineTests.largeRoster(rows: 2_000)
        let options = ImportOptions(keepsRows: false)
        let straight = try readBytes(bytes, options: options, tuning: ReadInHalvesTests.straight)
        let split = try readBytes(bytes, options: options, tuning: ReadInHalvesTests.halves(at: 0.5))
        #expect(split.summary.rows == 2_000)
        #expect(split.applicants.isEmpty)
        #expect(ImportSnapshot(split) == ImportSnapshot(straight))
        #expect(split.findings.contains { ($0.row ?? 0) > 1_000 })
    }

    @Test(arguments: [0.2, 0.8])
    func undecodableBytesAreReportedAsReadingStraightThrough(at position: Double) throws {
        var bytes = RecordPipelineTests.largeRoster(rows: 2_000)
        let bad = Int(Double(bytes.count) * position)
        bytes.replaceSubrange(bad..<(bad + 1), with: [0xFF])
        let straight = try readBytes(bytes, tuning: ReadInHalvesTests.straight)
        #expect(straight.findings.map(\.code) == [.encodingUnreadable])
        for fraction in [0.1, 0.5, 0.9] {
            let split = try readBytes(bytes, tuning: ReadInHalvesTests.halves(at: fraction))
            #expect(ImportSnapshot(split) == ImportSnapshot(straight), "bad byte at \(position), split at \(fraction)")
        }
    }

    @Test func anOpenQuoteAtTheEndIsReportedOnce() throws {
        let bytes = RecordPipelineTests.largeRoster(rows: 2_000) + Array("2001,学生,\(id1),\"没有结束\r\n".utf8)
        let straight = try readBytes(bytes, tuning: ReadInHalvesTests.straight)
        let split = try readBytes(bytes, tuning: ReadInHalvesTests.halves(at: 0.5))
        #expect(ImportSnapshot(split) == ImportSnapshot(straight))
        #expect(split.findings.filter { $0.code == .rowShape }.count
                    == straight.findings.filter { $0.code == .rowShape }.count)
    }

    @Test func aFileWithoutHeaderStopsAsBefore() throws {
        var text = ""
        for row in 1...5_000 { text += "\(row),没有表头的行,\(row)\r\n" }
        let straight = try readBytes(Array(text.utf8), tuning: ReadInHalvesTests.straight)
        let split = try readBytes(Array(text.utf8), tuning: ReadInHalvesTests.halves(at: 0.5))
        #expect(split.findings.map(\.code) == [.headerNotFound])
        #expect(ImportSnapshot(split) == ImportSnapshot(straight))
    }

    @Test func indexesRunOnFromFirstIndex() throws {
        let bytes = RecordPipelineTests.largeRoster(rows: 1_000)
        let folder = try Fixtures.temporaryFolder("zizhu-halves")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roster.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let input = InputFile(path: path, displayName: "roster.csv")
        let split = try RosterReader.read(input, firstIndex: 500, options: ImportOptions(),
                                          tuning: ReadInHalvesTests.halves(at: 0.5))
        #expect(split.applicants.map(\.index) == Array(500..<1_500))
        let rows = Set(split.applicants.map(\.index))
        #expect(split.findings.allSatisfy { $0.row.map(rows.contains) ?? true })
    }
}
