import Foundation
import Testing
import ZizhuCore
import ZizhuTestSupport
@testable import ZizhuExport

@Suite struct RoundWriterTests {
    static let report = #"{ "tool": "zizhu", "summary": {} }"#

    @Test func writesEveryDocumentAndAManifestThatHashesThem() throws {
        let folder = try TemporaryFolder()
        let input = folder.file("高中各班.csv")
        _ = FileManager.default.createFile(atPath: input, contents: Data("序号,姓名\n".utf8))
        let out = folder.file("out/run1")
        let result = Fixture.round(classes: 3, perClass: 4, otherRows: 2, returnedRows: [1, 6])
        let messages = Messages()
        let manifest = try RoundWriter.writeAll(
            result, inputs: [(path: input, rows: 12)], outputDirectory: out,
            options: ExportOptions(noticeStart: "2026-09-14", bankTemplate: "nongxin-pipe", fillDate: "2026-09-20"),
            reportJSON: Self.report, progress: { messages.append($0) })

        let expected = ["manifest.json", "report.json", "公示名单.xlsx", "问题清单.xlsx", "花名册.xlsx", "退回清单.xlsx",
                        "银行代发_nongxin-pipe.txt", "银行代发清单.xlsx"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == expected.sorted())
        #expect(manifest.outputs.map(\.path) == ["花名册.xlsx", "公示名单.xlsx", "银行代发清单.xlsx",
                                                  "银行代发_nongxin-pipe.txt", "退回清单.xlsx", "问题清单.xlsx", "report.json"])
        #expect(manifest.outputs.map(\.kind) == [.register, .notice, .bank, .bank, .returned, .report, .report])
        #expect(manifest.outputs[3].template == "nongxin-pipe")
        #expect(manifest.outputs[0].rows == result.summary.accepted)
        #expect(manifest.outputs[4].rows == result.summary.returned)
        #expect(manifest.outputs[5].rows == result.findings.count)
        for output in manifest.outputs {
            #expect(try SHA256.hashFile(atPath: out + "/" + output.path) == output.sha256)
        }
        #expect(manifest.inputs == [Manifest.Input(path: input, sha256: SHA256.hash(Array("序号,姓名\n".utf8)), rows: 12)])
        #expect(manifest.summary == Manifest.SummaryRecord(result.summary))
        let onDisk = try Manifest.decode(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        #expect(onDisk == manifest)
        #expect(FileManager.default.contents(atPath: out + "/report.json") == Data(Self.report.utf8))
        #expect(messages.all.count == 8)
        #expect(messages.all.contains("已写入 花名册.xlsx（\(result.summary.accepted) 行）"))
        let register = try #require(try XLSXReadBack.read(out + "/花名册.xlsx").sheet("花名册"))
        #expect(register.cells.contains { $0.text == "填表日期：2026年9月20日" })
    }

    @Test func aFailingDocumentLeavesNoFinalNameOfTheRunAndSaysWhich() throws {
        let folder = try TemporaryFolder()
        let out = folder.path
        // An older complete run is in the folder.
        _ = FileManager.default.createFile(atPath: out + "/花名册.xlsx", contents: Data("old register".utf8))
        var result = Fixture.round(classes: 2, perClass: 3, otherRows: 0, returnedRows: [])
        var applicants = result.applicants
        applicants[2].cells[1] = "王䶮"     // GBK cannot write it: the bank upload fails
        result = RoundResult(policy: result.policy, inputs: result.inputs, applicants: applicants,
                             findings: result.findings, isReturned: result.isReturned, summary: result.summary)
        let error = try #require(throws: ExportError.self) {
            _ = try RoundWriter.writeAll(result, inputs: [], outputDirectory: out,
                                         options: ExportOptions(noticeStart: "2026-09-14"), reportJSON: Self.report,
                                         progress: nil)
        }
        #expect(error.description.hasPrefix("银行代发_generic.txt 写入失败"))
        #expect(error.description.contains("王䶮"))
        // No new final name, no temporary file; the old register untouched.
        #expect(try folder.names() == ["花名册.xlsx"])
        #expect(FileManager.default.contents(atPath: out + "/花名册.xlsx") == Data("old register".utf8))
    }

    @Test func badOptionsFailBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round()
        for options in [ExportOptions(noticeStart: "14/09/2026"), ExportOptions(bankTemplate: "nope"),
                        ExportOptions(fillDate: "2026-02-30")] {
            #expect(throws: ExportError.self) {
                _ = try RoundWriter.writeAll(result, inputs: [], outputDirectory: folder.path, options: options,
                                             reportJSON: "{}", progress: nil)
            }
        }
        #expect(throws: ExportError.self) {
            _ = try RoundWriter.writeAll(result, inputs: [(path: folder.file("missing.csv"), rows: 1)],
                                         outputDirectory: folder.path, options: ExportOptions(), reportJSON: "{}",
                                         progress: nil)
        }
        #expect(try folder.names().isEmpty)
    }
}

/// Progress messages collected from worker threads.
final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ message: String) { lock.withLock { items.append(message) } }
    var all: [String] { lock.withLock { items } }
}

/// The proof from a real reader: the run's folder passes Tests/readback/check_outputs.py (openpyxl).
@Suite struct ReadbackScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("readback/check_outputs.py").path

    @Test(arguments: ["generic", "nongxin-pipe", "fixed-fen"])
    func aRunsOutputPassesTheReadbackScript(template: String) throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round(classes: 5, perClass: 7, otherRows: 4, returnedRows: [1, 6, 20, 37])
        let summary = Manifest.SummaryRecord(result.summary)
        let report = String(decoding: try JSONEncoder().encode(["summary": summary]), as: UTF8.self)
        _ = try RoundWriter.writeAll(result, inputs: [], outputDirectory: folder.path,
                                     options: ExportOptions(noticeStart: "2026-09-14", bankTemplate: template),
                                     reportJSON: report, progress: nil)
        let output = try XLSXReadBack.runPython(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            arguments: [Self.script, folder.path])
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.hasSuffix(" passed, 0 failed\n"), "\(text)")
        // ZIZHU_EXPORT_SAMPLE_DIR=… keeps a copy of the run to look at (LibreOffice, Excel).
        if let keep = ProcessInfo.processInfo.environment["ZIZHU_EXPORT_SAMPLE_DIR"], template == "generic" {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: folder.path, toPath: keep)
        }
    }

    @Test func theScriptCatchesATamperedRegister() throws {
        let folder = try TemporaryFolder()
        let result = Fixture.round()
        _ = try RoundWriter.writeAll(result, inputs: [], outputDirectory: folder.path,
                                     options: ExportOptions(noticeStart: "2026-09-14"), reportJSON: "{}", progress: nil)
        // Replace the notice with one that leaks an ID number: the script must fail.
        let leaky = RoundResult(policy: result.policy, inputs: result.inputs, applicants: result.applicants.map {
            var a = $0
            if let column = a.layout.column(of: .name) { a.cells[column] = a.value(.idNumber) }
            return a
        }, findings: result.findings, isReturned: result.isReturned, summary: result.summary)
        try NoticeList.write(leaky, to: folder.file(NoticeList.fileName), start: CivilDate(year: 2026, month: 9, day: 14)!)
        #expect(throws: XLSXReadBack.Failure.self) {
            _ = try XLSXReadBack.runPython(
                "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                arguments: [Self.script, folder.path])
        }
    }
}
