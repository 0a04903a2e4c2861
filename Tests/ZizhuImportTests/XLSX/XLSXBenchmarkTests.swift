import Foundation
import Testing
import ZizhuImport

/// Reads a large workbook and prints time and peak memory. Runs only when `ZIZHU_XLSX_BENCH` names a workbook,
/// e.g. one made by `python3 Tests/Fixtures/xlsx/make_fixtures.py --bench /tmp/bench.xlsx`; measure in release:
///
///     swift build -c release --product zizhuPackageTests
///     ZIZHU_XLSX_BENCH=/tmp/bench.xlsx swift test -c release --skip-build --filter XLSXBenchmarkTests
@Suite struct XLSXBenchmarkTests {
    static let workbookPath = ProcessInfo.processInfo.environment["ZIZHU_XLSX_BENCH"]

    @Test(.enabled(if: workbookPath != nil, "set ZIZHU_XLSX_BENCH to a workbook path"))
    func readsEveryRowOfABenchmarkWorkbook() throws {
        let path = try #require(Self.workbookPath)
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try XLSXWorkbookReader(path: path)
        let opened = clock.now
        var rows = 0
        var cells = 0
        var textBytes = 0
        for sheet in reader.sheets {
            try reader.forEachRow(of: sheet) { row in
                rows += 1
                cells += row.cells.count
                for cell in row.cells { textBytes += cell.text.utf8.count }
                return true
            }
        }
        let finished = clock.now
        print("xlsx-bench \(URL(fileURLWithPath: path).lastPathComponent): \(rows) rows, \(cells) cells, "
              + "\(textBytes) text bytes; open \(opened - start), rows \(finished - opened), "
              + "total \(finished - start); peak RSS \(Self.peakResidentKiB() ?? -1) KiB")
        #expect(rows > 0)
    }

    /// VmHWM from /proc/self/status (Linux): the process's peak resident set.
    static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
