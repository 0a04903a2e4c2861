import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuImport

/// What a parse produced: records with their lines, and the problems.
struct ParsedCSV: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var broken: [Int] = []
    var problems: [CSVProblem] = []
}

/// Parses `bytes` feeding `blockSize` bytes at a time.
func parseCSV(_ bytes: [UInt8], delimiter: CSVDelimiter = .comma, blockSize: Int = 1 << 20) -> ParsedCSV {
    var result = ParsedCSV()
    guard let reader = CSVReader(delimiter: delimiter, onRecord: { record in
        result.records.append((0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) })
        result.lines.append(record.line)
        if record.problem != nil { result.broken.append(record.line) }
    }) else { return result }
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + blockSize, bytes.count)
        bytes[offset..<end].withUnsafeBytes { reader.feed($0) }
        offset = end
    }
    reader.finish()
    result.problems = reader.problems
    return result
}

func parseCSV(_ text: String, delimiter: CSVDelimiter = .comma, blockSize: Int = 1 << 20) -> ParsedCSV {
    parseCSV(Array(text.utf8), delimiter: delimiter, blockSize: blockSize)
}

@Suite struct CSVReaderTests {
    // MARK: csv-spectrum

    static let spectrumFolder = Fixtures.sharedTestData.appendingPathComponent("csv-spectrum")

    /// Every case except `location_coordinates`, whose upstream JSON is broken: it is a single object rather
    /// than an array, and its phone number (1234567890) differs from the CSV's (2095257564); see
    /// shared/testdata/csv-spectrum/README.md. Its CSV also has bare quotes in unquoted fields, which strict
    /// mode rejects on purpose (tested below).
    static let spectrumCases = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
        "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    @Test func spectrumDataIsPresent() throws {
        // Fails loudly instead of skipping when shared/ is not beside the package.
        let folder = CSVReaderTests.spectrumFolder.path
        #expect(Fixtures.exists(folder), "csv-spectrum not found at \(folder)")
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder + "/csvs").filter { $0.hasSuffix(".csv") }
        #expect(Set(csvs.map { String($0.dropLast(4)) }) == Set(CSVReaderTests.spectrumCases + ["location_coordinates"]))
    }

    @Test(arguments: spectrumCases)
    func spectrumCaseMatchesItsJSON(name: String) throws {
        let folder = CSVReaderTests.spectrumFolder
        let csv = try Data(contentsOf: folder.appendingPathComponent("csvs/\(name).csv"))
        let json = try Data(contentsOf: folder.appendingPathComponent("json/\(name).json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: String]])
        for blockSize in [1 << 20, 1, 3] {
            let parsed = parseCSV(Array(csv), blockSize: blockSize)
            #expect(parsed.problems.isEmpty)
            let header = try #require(parsed.records.first)
            let objects = parsed.records.dropFirst().map { record in
                Dictionary(uniqueKeysWithValues: zip(header, record))
            }
            #expect(objects == expected, "\(name), block size \(blockSize)")
        }
    }

    @Test func spectrumLocationCoordinatesIsRejectedByStrictMode() throws {
        let csv = try Data(contentsOf: CSVReaderTests.spectrumFolder.appendingPathComponent("csvs/location_coordinates.csv"))
        let parsed = parseCSV(Array(csv))
        #expect(parsed.problems.map(\.kind) == [.strayQuote])
        #expect(parsed.problems.first?.line == 2)
        #expect(parsed.records.first == ["Contact Phone Number", "Location Coordinates", "Cities", "Counties"])
    }

    // MARK: lines

    @Test func recordsKeepThePhysicalLineWhereTheyStart() {
        let text = "a,b\r\n1,\"x\ny\"\r\n2,\"p\r\nq\r\nr\"\r\n\r\n3,z\n\n\n4,\"\"\"\"\r5,w"
        let parsed = parseCSV(text)
        #expect(parsed.records == [["a", "b"], ["1", "x\ny"], ["2", "p\r\nq\r\nr"], ["3", "z"], ["4", "\""], ["5", "w"]])
        #expect(parsed.lines == [1, 2, 4, 8, 11, 12])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func blockBoundariesChangeNothing(blockSize: Int) {
        let text = "序号,姓名\r\n1,\"张\r\n三\"\r\n\r\n2,李四\r3,\"王,五\"\n4,\"\"\"引\"\"\"\r\n5,末"
        let whole = parseCSV(text)
        #expect(parseCSV(text, blockSize: blockSize) == whole)
        #expect(whole.lines == [1, 2, 5, 6, 7, 8])
    }

    @Test func lineEndsCountAlike() {
        #expect(parseCSV("a\rb\rc").lines == [1, 2, 3])
        #expect(parseCSV("a\nb\nc\n").lines == [1, 2, 3])
        #expect(parseCSV("a\r\nb\r\n\r\nc\r\n").lines == [1, 2, 4])
        #expect(parseCSV("\n\na").lines == [3])
        #expect(parseCSV("a\n\rb").lines == [1, 3], "LF CR is two line ends")
    }

    @Test func fieldsAreByteExact() {
        let parsed = parseCSV("  a , b\t,\" c \"\n")
        #expect(parsed.records == [["  a ", " b\t", " c "]])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(parseCSV("").records.isEmpty)
        #expect(parseCSV("\r\n\r\n").records.isEmpty)
    }

    // MARK: strict mode

    @Test func strayQuoteBreaksOnlyItsLine() {
        let text = "h1,h2,h3\r\n1,\"b\"x,c\r\n2,ok,ok\r\n3,b\"c,d\n4,fine,fine"
        for blockSize in [1 << 20, 1, 4] {
            let parsed = parseCSV(text, blockSize: blockSize)
            #expect(parsed.problems.map(\.kind) == [.strayQuote, .strayQuote])
            #expect(parsed.problems.map(\.line) == [2, 4])
            #expect(parsed.broken == [2, 4])
            #expect(parsed.records == [["h1", "h2", "h3"], ["1"], ["2", "ok", "ok"], ["3"], ["4", "fine", "fine"]])
            #expect(parsed.lines == [1, 2, 3, 4, 5])
        }
    }

    @Test func strayQuoteAfterAMultilineFieldKeepsLinesRight() {
        let parsed = parseCSV("1,\"x\ny\"z,2\n3,4\n")
        #expect(parsed.problems == [CSVProblem(kind: .strayQuote, line: 1, endLine: 2)])
        #expect(parsed.records == [["1"], ["3", "4"]])
        #expect(parsed.lines == [1, 3])
    }

    @Test func unterminatedQuoteAtTheEndIsReported() {
        let parsed = parseCSV("a,b\r\n1,2\r\n3,\"open\r\nmore\r\n")
        #expect(parsed.records == [["a", "b"], ["1", "2"], ["3"]])
        #expect(parsed.broken == [3])
        #expect(parsed.problems == [CSVProblem(kind: .unterminatedQuote, line: 3, endLine: 4)])
    }

    @Test func aQuoteThatRunsOnForMegabytesStopsTheReader() {
        var bytes = Array("a,b\n1,\"".utf8)
        bytes += Array(repeating: UInt8(ascii: "x"), count: CSVReader.maximumFieldBytes + 10)
        let parsed = parseCSV(bytes, blockSize: 1 << 16)
        #expect(parsed.problems.map(\.kind) == [.quotedCellTooLarge])
        #expect(parsed.records == [["a", "b"], ["1"]])
    }

    /// An unquoted cell cannot span lines, so a giant one costs only the rest of its line (issue 7). The size is
    /// checked between blocks, so the cell is made long enough to be still open after 1 MiB at any block size.
    @Test func aHugeUnquotedCellSkipsOnlyItsLine() {
        var bytes = Array("a,b,c\r\n1,".utf8)
        bytes += Array(repeating: UInt8(ascii: "9"), count: 2 * CSVReader.maximumFieldBytes + 10)
        bytes += Array(",tail\r\n2,3,4\r\n".utf8)
        for blockSize in [1 << 16, 1 << 20] {
            let parsed = parseCSV(bytes, blockSize: blockSize)
            #expect(parsed.problems == [CSVProblem(kind: .cellTooLarge, line: 2, endLine: 2)])
            #expect(parsed.records.map { $0.map(\.count) } == [[1, 1, 1], [1], [1, 1, 1]], "a cell was not cut")
            #expect(parsed.records == [["a", "b", "c"], ["1"], ["2", "3", "4"]])
            #expect(parsed.lines == [1, 2, 3])
        }
    }

    // MARK: full-width comma

    @Test func fullWidthCommaSplitsOutsideQuotesOnly() {
        let text = "序号，姓名，地址\r\n1，张三，\"济南市，历城区\"\r\n2，李四，a,b\r\n"
        for blockSize in [1 << 20, 1, 2, 4] {
            let parsed = parseCSV(text, delimiter: .fullWidthComma, blockSize: blockSize)
            #expect(parsed.records == [["序号", "姓名", "地址"], ["1", "张三", "济南市，历城区"], ["2", "李四", "a,b"]],
                    "block size \(blockSize)")
            #expect(parsed.lines == [1, 2, 3])
        }
    }

    @Test(arguments: [CSVDelimiter.tab, .semicolon])
    func otherDelimiters(delimiter: CSVDelimiter) {
        let text = ["a", "b,c", "d"].joined(separator: delimiter.text) + "\n"
        #expect(parseCSV(text, delimiter: delimiter).records == [["a", "b,c", "d"]])
    }

    @Test func lineOfNextByteCountsInsideAnOpenRecord() throws {
        var line = 0
        let reader = try #require(CSVReader(delimiter: .comma) { _ in })
        Array("a\n\"b\nc".utf8).withUnsafeBytes { reader.feed($0) }
        line = reader.lineOfNextByte
        #expect(line == 3)
    }
}
