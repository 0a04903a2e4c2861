import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuImport

@Suite struct RecordPipelineTests {
    static let threaded = RosterReader.ReadTuning(threadedFromBytes: 0)
    static let inline = RosterReader.ReadTuning(threadedFromBytes: .max)

    @Test(arguments: RosterReaderTests.cases)
    func parsingOnAnotherThreadChangesNothing(_ fixture: RosterReaderTests.Case) throws {
        let inline = try readFixture(fixture.file, tuning: RecordPipelineTests.inline)
        let threaded = try readFixture(fixture.file, tuning: RecordPipelineTests.threaded)
        #expect(ImportSnapshot(threaded) == ImportSnapshot(inline))
    }

    /// Enough rows for several batches, with a few problems spread through them.
    static func largeRoster(rows: Int) -> [UInt8] {
        var text = "XX中学助学金名单,,,,\r\n序号,姓名,身份证号,家庭住址,资助金额\r\n"
        for row in 1...rows {
            let address = row % 97 == 0 ? "\"第一行\r\n第二行\"" : row % 89 == 0 ? "\"a\"x" : "济南市历城区"
            let id = row % 101 == 0 ? "3.70112E+17" : "370112201005121238"
            text += "\(row),学生\(row),\(id),\(address),\(row % 7 == 0 ? "１１５０" : "800")\r\n"
        }
        text += "合计,,,,\r\n"
        return Array(text.utf8)
    }

    @Test func manyBatchesArriveInOrder() throws {
        let bytes = RecordPipelineTests.largeRoster(rows: 12_000)
        let inline = try readBytes(bytes, tuning: RecordPipelineTests.inline)
        let threaded = try readBytes(bytes, tuning: RecordPipelineTests.threaded)
        #expect(inline.summary.rows == 12_000)
        #expect(ImportSnapshot(threaded) == ImportSnapshot(inline))
        #expect(threaded.applicants.last?.line == inline.applicants.last?.line)
        let smallBlocks = try readBytes(bytes, tuning: RosterReader.ReadTuning(blockSize: 4093, threadedFromBytes: 0))
        #expect(ImportSnapshot(smallBlocks) == ImportSnapshot(inline))
    }

    @Test func stoppingEarlyEndsTheParsingThread() throws {
        var text = ""
        for row in 1...20_000 { text += "\(row),没有表头的行,\(row)\r\n" }
        let result = try readBytes(Array(text.utf8), tuning: RecordPipelineTests.threaded)
        #expect(result.findings.map(\.code) == [.headerNotFound])
        #expect(result.applicants.isEmpty)
    }
}
