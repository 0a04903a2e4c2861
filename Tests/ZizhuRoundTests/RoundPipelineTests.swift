import Foundation
import Testing
import ZizhuCore
import ZizhuExport
import ZizhuGenerate
import ZizhuImport
import ZizhuRound
import ZizhuTestSupport

private let samples = Fixtures.packageRoot.appendingPathComponent("samples").path
private let sampleNames = ["高一(1)班.csv", "高一(2)班.csv", "高二(1)班.txt"]

private func sampleUploads() throws -> [RoundInput] {
    try sampleNames.map { name in
        .bytes(name: name, contents: Array(try Data(contentsOf: URL(fileURLWithPath: samples + "/" + name))))
    }
}

@Suite struct RoundPipelineTests {
    @Test func uploadedBytesGiveTheReportOfTheFolder() throws {
        let fromFolder = try RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check()
        let fromUploads = try RoundPipeline(RoundRequest(inputs: try sampleUploads())).check()
        let options = fromFolder.reportOptions()
        #expect(fromFolder.reportJSON(options) == fromUploads.reportJSON(fromUploads.reportOptions()))
        #expect(fromUploads.files.map(\.displayName) == sampleNames)
        #expect(fromFolder.result.summary.rows == 17)
        #expect(fromFolder.result.summary.rows == fromFolder.result.summary.accepted + fromFolder.result.summary.returned)
    }

    @Test func twoUploadsOfOneNameAreToldApart() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: samples + "/高一(1)班.csv")))
        let round = try RoundPipeline(RoundRequest(inputs: [
            .bytes(name: "名单.csv", contents: bytes), .bytes(name: "../../名单.csv", contents: bytes),
        ])).check()
        #expect(round.files.map(\.displayName) == ["名单.csv", "名单.csv (2)"])
        #expect(round.result.findings.contains { $0.code == .duplicateIDAcrossFiles })
    }

    @Test func stagedUploadsGoWhenTheRoundIsDropped() throws {
        let staging = try Fixtures.temporaryFolder("staging")
        defer { try? FileManager.default.removeItem(at: staging) }
        var request = RoundRequest(inputs: try sampleUploads())
        request.stagingDirectory = staging.path
        do {
            let round = try RoundPipeline(request).check()
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).count == 1)
            #expect(round.result.summary.rows == 17)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path).isEmpty)
    }

    @Test func documentsOfUploadsNameTheUploadsInTheManifest() throws {
        let out = try Fixtures.temporaryFolder("round-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let round = try RoundPipeline(RoundRequest(inputs: try sampleUploads())).check()
        let manifest = try round.writeDocuments(to: out.path, options: ExportOptions())
        #expect(manifest.inputs.map(\.path) == sampleNames)
        #expect(manifest.inputs.allSatisfy { $0.sha256.count == 64 })
        for output in manifest.outputs {
            #expect(FileManager.default.fileExists(atPath: out.path + "/" + output.path))
        }
        #expect(FileManager.default.fileExists(atPath: out.path + "/manifest.json"))
        let report = try String(contentsOfFile: out.path + "/report.json", encoding: .utf8)
        #expect(report == round.reportJSON(round.reportOptions()))
    }

    @Test func returnedListsPerClassHoldEveryReturnedRowOnce() throws {
        let parent = try Fixtures.temporaryFolder("round-returned")
        let out = parent.appendingPathComponent("各班退回清单/新")
        defer { try? FileManager.default.removeItem(at: parent) }
        let round = try RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check()
        let files = try round.writeReturnedListsPerClass(to: out.path)
        #expect(files.count >= 2)
        #expect(files.reduce(0) { $0 + $1.rows } == round.result.summary.returned)
        #expect(Set(files.map(\.fileName)).count == files.count)
        for file in files {
            #expect(file.fileName.hasPrefix("退回清单-") && file.fileName.hasSuffix(".xlsx"))
            #expect(FileManager.default.fileExists(atPath: out.path + "/" + file.fileName))
        }
    }

    @Test func aYAMLPolicyTextIsUsedAndNamed() throws {
        let yaml = PolicyFile.render(Policy.default)
        var request = RoundRequest(inputs: [.file(path: samples)])
        request.policy = .yaml(name: "上传的政策.yaml", text: yaml)
        let round = try RoundPipeline(request).check()
        #expect(round.policyName == "上传的政策.yaml")
        #expect(round.reportJSON(round.reportOptions()).contains("\"policy\": \"上传的政策.yaml\"")
                || round.reportJSON(round.reportOptions()).contains("\"policy\":\"上传的政策.yaml\""))
    }

    @Test func anUploadedEnrolmentRosterIsCheckedAgainst() throws {
        let roster = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crosscheck/在校生信息.csv"))))
        var request = RoundRequest(inputs: [.file(path: samples)])
        request.enrolment = .bytes(name: "在校生.csv", contents: roster)
        let round = try RoundPipeline(request).check()
        #expect(round.result.crossCheck != nil)
    }
}

@Suite struct RoundErrorTests {
    private func failure(_ request: RoundRequest) -> RoundError? {
        do {
            _ = try RoundPipeline(request).check()
            return nil
        } catch {
            return error
        }
    }

    @Test func noInputs() {
        let error = failure(RoundRequest(inputs: []))
        #expect(error?.kind == .noInputs)
        #expect(error?.message(.en).hasPrefix("No input files") == true)
        #expect(error?.message(.zh).hasPrefix("没有给出输入文件") == true)
    }

    @Test func aMissingFileIsNamed() {
        let error = failure(RoundRequest(inputs: [.file(path: "/nonexistent/名单.csv")]))
        #expect(error?.kind == .input)
        #expect(error?.description.contains("/nonexistent/名单.csv") == true)
    }

    @Test func aBrokenPolicyTextIsAPolicyError() {
        var request = RoundRequest(inputs: [.file(path: samples)])
        request.policy = .yaml(name: "坏.yaml", text: "tiers: [unclosed")
        let error = failure(request)
        #expect(error?.kind == .policy)
        #expect(error?.description.contains("坏.yaml") == true)
    }

    @Test func anUnknownListKindIsRefused() {
        var request = RoundRequest(inputs: [.file(path: samples)])
        request.evidence = [EvidenceInput(kind: "不存在的类型", list: .bytes(name: "x.csv", contents: Array("a\n".utf8)))]
        let error = failure(request)
        #expect(error?.kind == .referenceList)
        #expect(error?.message(.en).contains("不存在的类型") == true)
    }

    @Test func anUnknownBankTemplateIsRefused() {
        var request = RoundRequest(inputs: [.file(path: samples)])
        request.bankTemplate = "no-such-bank"
        #expect(failure(request)?.kind == .bankTemplate)
    }

    @Test func aCancelledRoundStopsBeforeReading() {
        let cancellation = RoundCancellation()
        cancellation.cancel()
        #expect(throws: RoundError.self) {
            try RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check(cancellation: cancellation)
        }
        do {
            _ = try RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check(cancellation: cancellation)
        } catch {
            #expect(error.kind == .cancelled)
        }
    }

    @Test func cancellingTheTaskCancelsTheRound() async {
        let task = Task {
            // Give the cancellation time to arrive before the work starts.
            try? await Task.sleep(for: .milliseconds(50))
            return try await RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check()
        }
        task.cancel()
        let outcome = await task.result
        #expect(throws: (any Error).self) { try outcome.get() }
    }

    @Test func progressIsReportedFilePerFile() throws {
        let seen = Locked<[String]>([])
        _ = try RoundPipeline(RoundRequest(inputs: [.file(path: samples)])).check(progress: { progress in
            seen.mutate { $0.append(progress.text) }
        })
        let lines = seen.value
        #expect(lines.filter { $0.hasPrefix("读取 ") }.count == 3)
        #expect(lines.last == "检查 17 行 …")
    }
}

/// A value shared with a @Sendable callback.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
