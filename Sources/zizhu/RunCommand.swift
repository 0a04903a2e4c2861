import ArgumentParser
import Foundation
import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuRound

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "主流程：检查、退回问题行，生成花名册、公示名单、银行代发清单、退回清单、问题清单和 manifest.json。",
        discussion: "退回问题行是正常结果：文件写成即退出码 0；无法完成时退出码 2。"
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @OptionGroup var crossCheck: CrossCheckOptions
    @OptionGroup var messages: MessageOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件夹（默认 out/）。", valueName: "dir"))
    var output = "out"

    @Option(help: ArgumentHelp("公示开始日期（年-月-日，默认今天）。", valueName: "date"))
    var noticeStart: String?

    @Flag(help: "文件全部写成后，把通过的行作为一个批次记入资助档案（只对最终发放的一轮使用）。Record the batch.")
    var record = false

    @Option(help: ArgumentHelp("银行上传模板（zizhu bank --list 查看），默认取政策中的设置。", valueName: "name"))
    var template: String?

    mutating func validate() throws {
        if record && archiveOptions.noArchive { throw ValidationError("--record 需要资助档案，不能与 --no-archive 同时使用") }
    }

    func run() throws {
        // Recording creates the archive when needed; it is opened before any work so a bad archive stops early.
        let archive = try archiveOptions.open(creating: record)
        var request = crossCheck.adding(to: input.request(for: .documents))
        request.archive = archive
        request.bankTemplate = template
        let round = try CLIRound.check(request)
        let result = round.result
        let reportOptions = messages.reportOptions(policyName: round.policyName)
        var exportOptions = ExportOptions(showValues: reportOptions.showValues)
        if let noticeStart { exportOptions.noticeStart = noticeStart }
        if let template { exportOptions.bankTemplate = template }
        exportOptions.language = reportOptions.language

        let manifest: Manifest
        do {
            defer { Terminal.endProgress() }
            manifest = try round.writeDocuments(to: output, options: exportOptions, report: reportOptions,
                                                progress: Terminal.roundProgress)
        } catch {
            throw CLIFailure(error)
        }
        let language = reportOptions.language
        for summary in result.inputs {
            Terminal.print(Summaries.input(summary, language: language))
        }
        Terminal.print(Summaries.line(result.summary, language: language))
        Terminal.print(Summaries.conservation(result.summary, language: language))
        for line in Summaries.crossCheck(result, language: language) { Terminal.print(line) }
        Terminal.print(language == .zh ? "已生成（\(output)）：" : "Written to \(output):")
        for entry in manifest.outputs {
            Terminal.print("  \(entry.path)")
        }
        Terminal.print("  \(RoundWriter.manifestFileName)")
        if record, let archive {
            let batch: BatchSummary
            do {
                batch = try RoundRecording.record(result, manifest: manifest, outputDirectory: output, into: archive)
            } catch {
                throw CLIFailure(error)
            }
            Terminal.print("已记入资助档案 \(archive.location)：批次 \(batch.id)，\(batch.rows) 行，\(batch.total.groupedString) 元。")
        }
        if result.summary.returned > 0 {
            Terminal.print(language == .zh
                ? "退回原因见 退回清单.xlsx（按班级分表，发回班主任修改）；全部问题见 问题清单.xlsx。"
                : "Reasons for returned rows: 退回清单.xlsx (one sheet per class); all findings: 问题清单.xlsx.")
        }
    }
}
