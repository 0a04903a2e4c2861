import Foundation
import Testing
@testable import ZizhuArchive
import ZizhuCore
import ZizhuTestSupport

/// A fresh folder under the system's temporary folder, and the test databases made for it; the folder is
/// removed and the databases dropped when the value is released.
final class TemporaryFolder {
    let path: String
    private var databases: [String] = []

    init() {
        path = NSTemporaryDirectory() + "zizhu-archive-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// The URL of a new, empty database on the test run's PostgreSQL server.
    func database() throws -> String {
        let url = try PostgresTestServer.freshDatabase()
        databases.append(url)
        return url
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        for url in databases { PostgresTestServer.drop(url) }
    }
}

/// The two engines of `ArchiveStore`: the tests that take an `Engine` run against each.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    /// SQLite always; PostgreSQL when the run has a server (`make test` starts one and requires it).
    static var all: [Engine] {
        #if PostgreSQL
        PostgresTestServer.enabled ? [.sqlite, .postgres] : [.sqlite]
        #else
        [.sqlite]
        #endif
    }

    var testDescription: String { rawValue }

    /// Where a new archive of this engine goes: a file in `folder`, or a new database.
    func location(in folder: TemporaryFolder, name: String = "archive.sqlite") throws -> String {
        switch self {
        case .sqlite: folder.file(name)
        case .postgres: try folder.database()
        }
    }

    /// Keys per lookup statement: a test of chunking crosses two chunk boundaries.
    var lookupChunk: Int {
        switch self {
        case .sqlite: return AidArchive.lookupChunk
        case .postgres:
            #if PostgreSQL
            return PostgresArchive.lookupChunk
            #else
            return 1
            #endif
        }
    }

    /// A new, empty archive.
    func newArchive(in folder: TemporaryFolder) throws -> any ArchiveStore {
        try ArchiveStores.open(location(in: folder), create: true)
    }

    /// A new, empty round store, with an archive beside it (the same database on PostgreSQL).
    func newRoundStore(in folder: TemporaryFolder) throws -> (store: any RoundStore, archive: any ArchiveStore) {
        let location = try location(in: folder, name: "rounds.sqlite")
        let archive = self == .sqlite ? folder.file("archive.sqlite") : location
        return (try RoundStores.open(location), try ArchiveStores.open(archive, create: true))
    }
}

enum Fixtures {
    /// `Tests/Fixtures/archive`.
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures/archive").path
    }()

    static func path(_ name: String) -> String { folder + "/" + name }

    /// Copies a fixture into `folder` and returns the copy's path.
    static func copy(_ name: String, into folder: TemporaryFolder) throws -> String {
        let target = folder.file(name)
        try FileManager.default.copyItem(atPath: path(name), toPath: target)
        return target
    }
}

/// Rounds to record and to check, built from `ApplicantBuilder` rows under a policy.
enum Rounds {
    /// The default policy (示例县第一中学, 普通高中国家助学金, 2026 秋季学期) with changes.
    static func policy(school: String? = nil, program: String? = nil, term: String? = nil,
                       year: Int? = nil) -> Policy {
        var policy = Policy.default
        if let school { policy.school = school }
        if let program { policy.program = program }
        if let term { policy.term = term }
        if let year { policy.year = year }
        return policy
    }

    /// The validated round of these rows (no archive check).
    static func result(_ round: ApplicantBuilder, policy: Policy = .default) -> RoundResult {
        Validator(policy: policy).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
    }

    /// A round of `count` clean rows, the i-th with `change(i)`.
    static func clean(_ count: Int, file: String = "高一(1)班.csv", _ change: (Int) -> [String: String] = { _ in [:] })
        -> ApplicantBuilder {
        var round = ApplicantBuilder()
        round.file(file)
        round.rows(count, change)
        return round
    }

    /// A student the default rows never produce (born 2010-06-15, sequence 700 + n), with a card of theirs.
    static func student(_ n: Int) -> Student {
        Student(id: ApplicantBuilder.residentID(region: "370102", birth: "20100615", sequence: 700 + n),
                card: ApplicantBuilder.card(bin: "622848", serial: 900_000 + n))
    }
}

/// A student's identifiers and the cells that make a clean row of them.
struct Student {
    let id: String
    let card: String

    /// 身份证号, the matching 学籍号 and 性别, and the card: the other cells stay the builder's clean ones.
    var cells: [String: String] { cells(card: card) }

    func cells(card: String) -> [String: String] {
        let gender = ResidentID(id)?.gender.chinese ?? ""
        return ["身份证号": id, "学籍号": "G" + id, "性别": gender, "银行卡号": card]
    }
}

extension Finding {
    /// The Chinese message with values shown.
    var text: String { MessageCatalog.message(for: self, language: .zh, showValues: true) }
    var english: String { MessageCatalog.message(for: self, language: .en, showValues: true) }
}

/// The file's bytes, or nil.
func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// Runs a python3 program (for the tests that need a second process holding the archive).
final class PythonProcess {
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    let process = Process()
    private let output = Pipe()
    private var buffer = Data()

    init(_ script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Blocks until the program prints a line, and returns it (nil at end of output).
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill() }
    }
}
