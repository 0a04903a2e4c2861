import Dispatch
import Foundation
import ZizhuCore

/// Options of a round's documents.
public struct ExportOptions: Sendable {
    /// The day the notice goes up (YYYY-MM-DD); default today.
    public var noticeStart: String
    /// The bank upload template (a built-in name or a .json path); nil = the policy's `bank.template`.
    public var bankTemplate: String?
    /// 填表日期 printed on the register (YYYY-MM-DD); nil leaves `年 月 日` blank to fill in by hand.
    public var fillDate: String?
    /// Language of the 问题清单's messages.
    public var language: Language
    /// Show identifiers unmasked in the 问题清单 (the 退回清单 always shows them: it goes to their owner).
    public var showValues: Bool
    /// libxlsxwriter's temporary folder (about 1.6 GB per million register rows); nil = the system's.
    public var temporaryDirectory: String?

    public init(noticeStart: String = CivilDate.today().description, bankTemplate: String? = nil,
                fillDate: String? = nil, language: Language = .zh, showValues: Bool = false,
                temporaryDirectory: String? = nil) {
        self.noticeStart = noticeStart
        self.bankTemplate = bankTemplate
        self.fillDate = fillDate
        self.language = language
        self.showValues = showValues
        self.temporaryDirectory = temporaryDirectory
    }
}

/// Writes every document of a round into one folder — 花名册.xlsx, 公示名单.xlsx, 银行代发清单.xlsx, the
/// bank upload file, 退回清单.xlsx, 问题清单.xlsx, report.json — then manifest.json.
///
/// The documents are independent, so they are written concurrently (largest first, one per core). Each
/// goes to a temporary file in the output folder; only when all have succeeded — the manifest too — are they
/// renamed to their final names, the manifest last. If any fails, every temporary file is removed, no final
/// name of this run is touched, and the error says which document failed and why. A manifest in the folder
/// always describes the documents beside it (an older one is removed before the renames), and temporary
/// files left by a killed run are removed by the next run into the folder.
///
/// Resources: memory stays small (constant_memory workbooks; the round itself is the caller's), but
/// libxlsxwriter needs temporary disk — about 1.5 GB per million register rows, and the notice and bank
/// list at the same time about 0.7 GB each — in `ExportOptions.temporaryDirectory` (default: the system's).
/// `progress` hears of each finished document and, for the big ones, every 200,000 rows. The manifest names
/// each input by `inputNames` (an upload's file name) or, without them, by its path.
public enum RoundWriter {
    public static let reportFileName = "report.json"
    public static let manifestFileName = "manifest.json"

    /// One document to write: its final name, kind, and the work (which writes to a given path and returns
    /// the row count).
    struct Job: @unchecked Sendable {
        let fileName: String
        let kind: Manifest.Kind
        let template: String?
        let cost: Int
        let write: @Sendable (_ path: String) throws -> Int
    }

    /// What a finished job produced (or why it failed).
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var outputs: [Int: Manifest.Output] = [:]
        private var failures: [Int: any Error & Sendable] = [:]
        private var inputHashes: [Int: String] = [:]

        func succeed(_ job: Int, _ output: Manifest.Output) { lock.withLock { outputs[job] = output } }
        func fail(_ job: Int, _ error: any Error & Sendable) { lock.withLock { failures[job] = error } }
        func hashed(_ input: Int, _ sha: String) { lock.withLock { inputHashes[input] = sha } }
        var results: (outputs: [Int: Manifest.Output], failures: [Int: any Error & Sendable], inputs: [Int: String]) {
            lock.withLock { (outputs, failures, inputHashes) }
        }
    }

    public static func writeAll(_ result: RoundResult, inputs: [(path: String, rows: Int)], outputDirectory: String,
                                options: ExportOptions, reportJSON: String, inputNames: [String]? = nil,
                                progress: (@Sendable (String) -> Void)?) throws -> Manifest {
        // Everything that can be wrong with the options fails here, before a single file is started.
        let noticeStart = try CivilDate(parsing: options.noticeStart)
        let fillDate = try options.fillDate.map(CivilDate.init(parsing:))
        let template = try BankTemplate.named(options.bankTemplate ?? result.policy.bank.template)
        _ = try NoticeList.period(for: result.policy, start: noticeStart)
        if let code = makeFolders(outputDirectory) {
            throw ExportError.file(path: outputDirectory, reason: "无法创建输出文件夹：\(SystemErrorText.describe(code))")
        }
        // A run killed earlier (SIGKILL, power cut) could not remove its temporary files: do it now.
        AtomicFile.removeStaleTemporaries(in: outputDirectory)

        let everyone = RosterOrder(every: result.applicants)
        let accepted = everyone.filtered { !result.isReturned[$0] }
        let returned = everyone.filtered { result.isReturned[$0] }
        let amounts = AmountTable(result)
        let tmp = options.temporaryDirectory
        let today = CivilDate.today()
        let rows = accepted.rows.count
        let findings = result.findings.count
        let jobs: [Job] = [
            Job(fileName: RegisterBook.fileName, kind: .register, template: nil, cost: rows * 14 + 1) { path in
                try RegisterBook.write(result, order: accepted, amounts: amounts, toPath: path, fillDate: fillDate,
                                       temporaryDirectory: tmp,
                                       progress: RowProgress(document: RegisterBook.fileName, total: rows, report: progress))
            },
            Job(fileName: NoticeList.fileName, kind: .notice, template: nil, cost: rows * 7 + 1) { path in
                try NoticeList.write(result, order: accepted, amounts: amounts, toPath: path, start: noticeStart,
                                     temporaryDirectory: tmp,
                                     progress: RowProgress(document: NoticeList.fileName, total: rows, report: progress))
            },
            Job(fileName: BankList.fileName, kind: .bank, template: nil, cost: rows * 7 + 1) { path in
                try BankList.write(result, order: accepted, amounts: amounts, toPath: path, temporaryDirectory: tmp,
                                   progress: RowProgress(document: BankList.fileName, total: rows, report: progress))
            },
            Job(fileName: template.outputFileName, kind: .bank, template: template.name, cost: rows / 2 + 1) { path in
                try BankUpload.write(result, order: accepted, amounts: amounts, template: template, toPath: path,
                                     date: today)
            },
            Job(fileName: ReturnedList.fileName, kind: .returned, template: nil, cost: returned.rows.count * 20 + 1) { path in
                try ReturnedList.write(result, order: returned, toPath: path, temporaryDirectory: tmp)
            },
            Job(fileName: ReportWorkbook.fileName, kind: .report, template: nil, cost: findings * 8 + 1) { path in
                try ReportWorkbook.write(result, toPath: path, language: options.language,
                                         showValues: options.showValues, temporaryDirectory: tmp)
            },
            Job(fileName: reportFileName, kind: .report, template: nil, cost: 1) { path in
                try AtomicFile.writeBytes(Array(reportJSON.utf8), toPath: path)
                return findings
            },
        ]

        let files = try jobs.map { try AtomicFile(finalPath: outputDirectory + "/" + $0.fileName) }
        let outcomes = Outcomes()
        // Work items: the documents, largest first, then the input hashes (small, fill the gaps).
        let order = jobs.indices.sorted { jobs[$0].cost > jobs[$1].cost }
        let workCount = jobs.count + inputs.count
        DispatchQueue.concurrentPerform(iterations: workCount) { item in
            if item >= jobs.count {
                let input = item - jobs.count
                do {
                    outcomes.hashed(input, try SHA256.hashFile(atPath: inputs[input].path))
                } catch {
                    outcomes.fail(-1 - input, ExportError.file(path: inputs[input].path, reason: "无法读取输入文件以计算校验值：\(error)"))
                }
                return
            }
            let index = order[item]
            let job = jobs[index]
            do {
                let count = try job.write(files[index].temporaryPath)
                let sha = try SHA256.hashFile(atPath: files[index].temporaryPath)
                outcomes.succeed(index, Manifest.Output(kind: job.kind, path: job.fileName, sha256: sha, rows: count,
                                                        template: job.template))
                progress?("已写入 \(job.fileName)（\(count) 行）")
            } catch let error as ExportError {
                outcomes.fail(index, error)
            } catch {
                outcomes.fail(index, ExportError.file(path: job.fileName, reason: "\(error)"))
            }
        }

        let (outputs, failures, inputHashes) = outcomes.results
        if let first = failures.keys.sorted(by: { ($0 < 0 ? Int.max : $0, $0) < ($1 < 0 ? Int.max : $1, $1) }).first,
           let error = failures[first] {
            files.forEach { $0.discard() }
            let name = first >= 0 ? jobs[first].fileName : inputs[-1 - first].path
            throw ExportError.document(name: name, underlying: error)
        }

        // The manifest is written (under its temporary name) before any document is renamed: a disk that fills
        // up on it must not leave the documents of this run under final names without their manifest.
        let manifest = Manifest(
            inputs: inputs.indices.map { Manifest.Input(path: inputNames?[$0] ?? inputs[$0].path,
                                                        sha256: inputHashes[$0] ?? "",
                                                        rows: inputs[$0].rows) },
            outputs: jobs.indices.compactMap { outputs[$0] },
            summary: Manifest.SummaryRecord(result.summary))
        let manifestPath = outputDirectory + "/" + manifestFileName
        let manifestFile = try AtomicFile(finalPath: manifestPath)
        do {
            try AtomicFile.writeBytes(Array(try manifest.jsonText().utf8), toPath: manifestFile.temporaryPath)
        } catch {
            manifestFile.discard()
            files.forEach { $0.discard() }
            throw ExportError.document(name: manifestFileName, underlying: (error as? ExportError)
                                       ?? ExportError.file(path: manifestFileName, reason: "\(error)"))
        }
        // The renames. An older manifest goes first: while they run, and if the process dies among them, the
        // folder holds no manifest rather than one describing documents it no longer has. A manifest present
        // therefore always matches the documents beside it; it is renamed into place last.
        unlink(manifestPath)
        for file in files { try file.commit() }
        try manifestFile.commit()
        progress?("已写入 \(manifestFileName)")
        return manifest
    }

    /// `mkdir -p`; the errno of the first folder that could not be made, nil when the folder exists.
    static func makeFolders(_ path: String) -> Int32? {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR }
        let (parent, _) = AtomicFile.split(path)
        if parent != path, parent != ".", parent != "/", let code = makeFolders(parent) { return code }
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return nil }
        return errno
    }
}
