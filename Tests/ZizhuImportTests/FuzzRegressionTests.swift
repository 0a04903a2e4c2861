import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
import ZizhuImport

/// Every input the fuzzers of Fuzz/ made fail (Tests/Fixtures/fuzz-regressions, one file per finding) is read here
/// through the same entry point with the same checks as the fuzz harness (Fuzz/Sources/FuzzSupport), so a fixed
/// problem stays fixed without a fuzzer build.
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("fuzz-regressions")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }.sorted()
    }()

    @Test func thereAreRegressions() {
        #expect(!Self.files.isEmpty)
    }

    @Test(arguments: files)
    func readsCleanly(_ name: String) throws {
        let input = InputFile(path: Self.folder.appendingPathComponent(name).path, displayName: name)
        let result: FileImport
        do {
            result = try RosterReader.read(input, firstIndex: 7)
        } catch {
            // Refused: one short line naming the file.
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("\n") && !error.message.contains("\r"), "\(error.message)")
            #expect(error.message.count < 300, "\(error.message.count) characters")
            #expect(error.file == name)
            return
        }
        #expect(result.summary.rows == result.applicants.count)
        #expect(result.applicants.map(\.index) == Array(7..<(7 + result.applicants.count)))
        let round = Validator(policy: .default).run(inputs: result.inputs, applicants: result.applicants,
                                                    importFindings: result.findings)
        #expect(round.summary.accepted + round.summary.returned == round.summary.rows)
        #expect(round.summary.amountIn == round.summary.amountAccepted + round.summary.amountReturned)
        #expect(!TextReport.render(round, options: ReportOptions()).isEmpty)
    }

    /// A relationship target of raw bytes, line breaks among them, was quoted whole in the error line.
    @Test func partNameWithLineBreaksIsShownOnOneShortLine() throws {
        let name = "xlsx-part-name-with-line-breaks.xlsx"
        let input = InputFile(path: Self.folder.appendingPathComponent(name).path, displayName: name)
        let error = #expect(throws: ImportError.self) { try RosterReader.read(input, firstIndex: 0) }
        let message = try #require(error?.message)
        #expect(message.contains("缺少 xl/wo"))
        #expect(message.contains("?"))
        #expect(message.contains("…"))
    }
}
