import Foundation
import Testing
import ZizhuArchive
import ZizhuCore
import ZizhuRound
import ZizhuTestSupport
@testable import ZizhuServer

/// The service end to end on the samples, without HTTP: a round kept, its view masked, a failure leaving nothing.
@Suite struct RoundServiceTests {
    private static let samples = Fixtures.packageRoot.appendingPathComponent("samples").path

    private func service(in folder: URL, archive: (any ArchiveStore)? = nil) throws -> RoundService {
        let data = folder.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: data + "/rounds", withIntermediateDirectories: true)
        return RoundService(dataDirectory: data, store: try SQLiteRoundStore(path: data + "/zizhu-server.sqlite"),
                            archive: archive, limiter: Limiter(capacity: 2))
    }

    /// The samples as the receiver leaves them: copies under server names, with the clerk's names beside.
    private func upload(into folder: String) throws -> ReceivedUpload {
        var upload = ReceivedUpload()
        for (position, name) in ["高一(1)班.csv", "高一(2)班.csv", "高二(1)班.txt"].enumerated() {
            let path = folder + "/inputs/upload-\(position)." + (name.hasSuffix(".txt") ? "txt" : "csv")
            try FileManager.default.copyItem(atPath: Self.samples + "/" + name, toPath: path)
            upload.files.append(UploadedFile(field: "files", name: name, path: path, size: 1))
        }
        return upload
    }

    @Test func aRoundIsKeptWithItsDocumentsAndAMaskedView() async throws {
        let folder = try Fixtures.temporaryFolder("service")
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try service(in: folder)
        let incoming = try service.incomingFolder()
        let round = try await service.run(try upload(into: incoming), in: incoming, label: nil)
        #expect(round.rows == 17 && round.accepted == 9 && round.returned == 8)
        #expect(round.label == "高一(1)班.csv 等 3 个文件")
        #expect(!FileManager.default.fileExists(atPath: incoming))
        let kept = service.roundsDirectory + "/" + round.id
        #expect(FileManager.default.fileExists(atPath: kept + "/" + RoundService.zipFileName))
        let documents = try service.store.documents(of: round.id)
        #expect(documents.contains { $0.kind == "returned-class" })
        #expect(documents.contains { $0.fileName == "花名册.xlsx" } && documents.contains { $0.kind == "manifest" })
        for document in documents {
            #expect(FileManager.default.fileExists(atPath: kept + "/documents/" + document.fileName))
        }
        #expect(try service.store.inputs(of: round.id).map(\.name) == ["高一(1)班.csv", "高一(2)班.csv", "高二(1)班.txt"])
        let view = try RoundView.read(from: kept + "/" + RoundView.fileName)
        let page = Pages.results(PageText(language: .zh), round: round, view: view, code: nil, severity: nil)
        #expect(page.contains("高一(1)班 · 高一(1)班.csv"))
        #expect(page.range(of: #"\d{17}[\dX]"#, options: .regularExpression) == nil)
        let errorsOnly = Pages.results(PageText(language: .en), round: round, view: view, code: nil, severity: "error")
        #expect(!errorsOnly.contains("<td>warning</td>") && errorsOnly.contains("<td>error</td>"))
    }

    /// The page's 检查 asks for what `zizhu check` does, 生成 for what `zizhu run` does: a sheet without
    /// 银行卡号 passes the check and has every row returned by the run.
    @Test func checkAndRunRequireTheColumnsOfTheirCommands() async throws {
        let folder = try Fixtures.temporaryFolder("service-purpose")
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try service(in: folder)
        let incoming = try service.incomingFolder()
        let path = incoming + "/inputs/upload-0.csv"
        try "姓名,身份证号,班级,资助金额,开户行,持卡人\n张伟,37011220090301101X,高一(1)班,1500,中国农业银行,张伟\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var upload = ReceivedUpload()
        upload.files.append(UploadedFile(field: "files", name: "补报.csv", path: path, size: 1))
        let report = try await service.checkReport(upload, language: .zh)
        #expect(!report.contains("column-missing"))
        let round = try await service.run(upload, in: incoming, label: nil)
        #expect(round.rows == 1 && round.accepted == 0 && round.returned == 1)
        let view = try RoundView.read(from: service.roundsDirectory + "/" + round.id + "/" + RoundView.fileName)
        let page = Pages.results(PageText(language: .zh), round: round, view: view, code: nil, severity: nil)
        #expect(page.contains("column-missing") && page.contains("银行卡号"))
    }

    /// A district's server on PostgreSQL: the samples, recorded there as paid, come back as repeat aid when
    /// uploaded again; a server whose database cannot be reached does not start.
    @Test(.enabled(if: PostgresTestServer.enabled, "needs the PostgreSQL server that make test starts"))
    func uploadsAreCheckedAgainstTheDistrictArchiveOnPostgreSQL() async throws {
        let folder = try Fixtures.temporaryFolder("service-postgres")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try PostgresTestServer.freshDatabase()
        defer { PostgresTestServer.drop(url) }
        let archive = try ArchiveStores.open(url, create: true)
        let paid = try await RoundPipeline(RoundRequest(inputs: ["高一(1)班.csv", "高一(2)班.csv", "高二(1)班.txt"]
            .map { .stored(path: Self.samples + "/" + $0, name: $0) })).check()
        _ = try archive.record(paid.result, inputHash: "samples", outputHash: "", label: "已发放")

        let service = try service(in: folder, archive: try ArchiveStores.open(url, create: false))
        let incoming = try service.incomingFolder()
        defer { try? FileManager.default.removeItem(atPath: incoming) }
        let report = try await service.checkReport(try upload(into: incoming), language: .zh)
        #expect(report.components(separatedBy: "\"repeat-aid\"").count - 1 == 9)

        let data = folder.appendingPathComponent("server").path
        let unreachable = "postgres://district:hunter22@127.0.0.1:1/zizhu?sslmode=disable"
        let error = #expect(throws: ServerStartError.self) {
            try ZizhuServer(ServerConfiguration(port: 0, dataDirectory: data, archive: unreachable))
        }
        #expect(error?.description.contains("无法连接资助档案数据库 postgres://district@127.0.0.1:1/zizhu") == true)
        #expect(error?.description.contains("hunter22") == false)
    }

    @Test func anUploadWithoutSheetsIsRefused() async throws {
        let folder = try Fixtures.temporaryFolder("service-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try service(in: folder)
        await #expect(throws: ServerError.self) {
            _ = try await service.checkReport(ReceivedUpload(), language: .zh)
        }
        #expect(try service.store.rounds(school: nil, states: nil, limit: 10).isEmpty)
    }

    @Test func manyRoundsAtOnceEachGetTheirOwnReport() async throws {
        let folder = try Fixtures.temporaryFolder("service-concurrent")
        defer { try? FileManager.default.removeItem(at: folder) }
        let service = try service(in: folder)
        let reports = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                let incoming = try service.incomingFolder()
                let upload = try upload(into: incoming)
                group.addTask {
                    defer { try? FileManager.default.removeItem(atPath: incoming) }
                    return try await service.checkReport(upload, language: .zh)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reports.count == 6 && Set(reports).count == 1)
    }
}
