import ArgumentParser
import Foundation
import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuImport
import ZizhuRound

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "资助档案：记录已发放的批次，查询学生的领取记录，用于发现跨学期、跨学校的重复资助。",
        subcommands: [Record.self, Import.self, History.self, Batches.self, Remove.self]
    )

    /// The archive a subcommand works on: `--archive FILE|URL`, else the default location.
    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("资助档案：SQLite 文件或 postgres:// 地址（默认 \(ArchiveStores.defaultLocationDescription)）。",
                                   valueName: "file|url"))
        var archive: String?

        func open(creating: Bool) throws -> any ArchiveStore {
            do {
                return try ArchiveStores.open(archive ?? ArchiveStores.defaultLocation, create: creating)
            } catch {
                throw CLIFailure(error.description)
            }
        }

        /// Opens the existing archive and reads from it; any failure becomes the one-line CLI error.
        func read<T>(_ body: (any ArchiveStore) throws(ArchiveError) -> T) throws -> T {
            let archive = try open(creating: false)
            do { return try body(archive) } catch { throw CLIFailure(error.description) }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "把一次 zizhu run 的结果（按其 manifest.json）记为一个已发放批次。",
            discussion: """
            输入文件按 manifest 中的路径重新读取：其校验值必须与 manifest 一致，重新检查的结果也必须与当时相同，\
            否则拒绝记录（文件或档案在此期间有变化时，请重新 run）。
            """)

        @Argument(help: ArgumentHelp("zizhu run 的输出文件夹。", valueName: "outdir"))
        var outputDirectory: String
        @OptionGroup var location: Location
        @Option(help: ArgumentHelp("run 时用的政策文件（默认取 report.json 中记录的政策）。", valueName: "file"))
        var policy: String?

        func run() throws {
            let manifest = try ManifestFile.read(in: outputDirectory)
            for input in manifest.inputs {
                let current: String
                do { current = try SHA256.hashFile(atPath: input.path) } catch {
                    throw CLIFailure("无法读取输入文件 \(input.path)：请在运行 run 时所在的文件夹中执行（\(error)）")
                }
                guard current == input.sha256 else {
                    throw CLIFailure("输入文件 \(input.path) 在 run 之后被修改过：请重新 run 后再记录")
                }
            }
            let archive = try location.open(creating: true)
            // Say "already recorded" before re-checking: the re-check would now find the batch's own payments.
            let inputHash = RoundRecording.inputHash(of: manifest)
            let recorded: [BatchSummary]
            do { recorded = try archive.batches() } catch { throw CLIFailure(error.description) }
            if let earlier = recorded.first(where: { $0.inputHash == inputHash }) {
                throw CLIFailure("该批次已于 \(earlier.recordedAt) 记录为档案批次 \(earlier.id)，不能重复记录")
            }
            let request = RoundRequest(paths: manifest.inputs.map(\.path),
                                       policy: try policy ?? ManifestFile.policyPath(in: outputDirectory),
                                       archive: archive, purpose: .documents)
            let result = try CLIRound.check(request).result
            guard Manifest.SummaryRecord(result.summary) == manifest.summary else {
                throw CLIFailure("重新检查的结果与 \(outputDirectory) 中的不同（档案或政策已变化）：请重新 run 后再记录")
            }
            let batch: BatchSummary
            do {
                batch = try RoundRecording.record(result, manifest: manifest, outputDirectory: outputDirectory,
                                                  into: archive)
            } catch {
                throw CLIFailure(error)
            }
            Terminal.print("已记入资助档案 \(archive.location)：批次 \(batch.id)，\(batch.rows) 行，\(batch.total.groupedString) 元。")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从以往的花名册（zizhu 生成的 XLSX，或同样列的 CSV）导入发放记录，作为历史批次。")

        @Argument(help: ArgumentHelp("花名册文件。", valueName: "file"))
        var files: [String]
        @OptionGroup var location: Location
        @Option(help: ArgumentHelp("政策文件：学校、项目、学期、年度默认取自政策。", valueName: "file"))
        var policy: String?
        @Option(help: "学校名称。") var school: String?
        @Option(help: "资助项目。") var program: String?
        @Option(help: "学期，例如 春季学期。") var term: String?
        @Option(help: "年度，例如 2025。") var year: Int?

        func run() throws {
            let base = try CLIRound.loadPolicy(policy).policy
            let archive = try location.open(creating: true)
            let inputs: [InputFile]
            do { inputs = try InputCollector.collect(files) } catch { throw CLIFailure(error.description) }
            for input in inputs {
                let fileImport: FileImport
                do { fileImport = try RosterReader.read(input, firstIndex: 0) } catch { throw CLIFailure(error.description) }
                if let problem = fileImport.findings.first(where: { $0.severity == .error && $0.row == nil }) {
                    throw CLIFailure("\(input.displayName)：\(MessageCatalog.message(for: problem))")
                }
                do {
                    let batch = try archive.importRegister(
                        fileImport.applicants, school: school ?? base.school, program: program ?? base.program,
                        term: term ?? base.term, year: year ?? base.year, source: input.displayName)
                    Terminal.print("已导入 \(input.displayName)：批次 \(batch.id)，\(batch.rows) 行，\(batch.total.groupedString) 元。")
                } catch {
                    throw CLIFailure("\(input.displayName)：\(error)")
                }
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出某个身份证号的全部领取记录。")

        @Argument(help: ArgumentHelp("学生的身份证号。", valueName: "id"))
        var idNumber: String
        @OptionGroup var location: Location
        @Flag(help: "显示完整的银行卡号（默认打码）。") var showValues = false

        func run() throws {
            let records = try location.read { archive throws(ArchiveError) in try archive.history(idNumber: idNumber) }
            guard !records.isEmpty else {
                Terminal.print("档案中没有 \(Masking.mask(idNumber)) 的领取记录。")
                return
            }
            for record in records {
                let card = showValues ? record.card : Masking.mask(record.card)
                Terminal.print("\(record.year)年\(record.term) \(record.program) \(record.school) \(record.className) \(record.name) \(record.amount.groupedString) 元 卡号 \(card)（批次 \(record.batchID) \(record.batchLabel)，\(record.recordedAt.prefix(10))）")
            }
        }
    }

    struct Batches: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出档案中的全部批次，含行数和金额。")

        @OptionGroup var location: Location

        func run() throws {
            let batches = try location.read { archive throws(ArchiveError) in try archive.batches() }
            if batches.isEmpty { Terminal.print("档案中还没有批次。") }
            for batch in batches {
                Terminal.print("\(batch.id)\t\(batch.recordedOn)\t\(batch.school)\t\(batch.year)年\(batch.term)\t\(batch.program)\t\(batch.rows) 行\t\(batch.total.groupedString) 元\t\(batch.label)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "撤销误记的批次（需加 --yes 确认）。")

        @Argument(help: ArgumentHelp("批次号（见 zizhu archive batches）。", valueName: "batch"))
        var batch: Int64
        @OptionGroup var location: Location
        @Flag(help: "确认删除。") var yes = false

        func run() throws {
            let archive = try location.open(creating: false)
            guard yes else {
                throw CLIFailure("删除批次 \(batch) 需要确认：请加 --yes 重新执行")
            }
            do {
                let removed = try archive.remove(batch: batch)
                Terminal.print("已删除批次 \(removed.id)（\(removed.rows) 行，\(removed.total.groupedString) 元，\(removed.label)）。")
            } catch {
                throw CLIFailure("\(error)")
            }
        }
    }
}

/// Reading a finished run's folder.
enum ManifestFile {
    static func read(in directory: String) throws -> Manifest {
        let path = directory + "/" + RoundWriter.manifestFileName
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIFailure("无法读取 \(path)：不是 zizhu run 的输出文件夹？（\(error.localizedDescription)）")
        }
    }

    /// The policy the run used, as its report names it; nil for the built-in default.
    static func policyPath(in directory: String) throws -> String? {
        let path = directory + "/" + RoundWriter.reportFileName
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let policy = object["policy"] as? String
        else { throw CLIFailure("无法读取 \(path) 中的政策名") }
        return policy == "default" ? nil : policy
    }
}
