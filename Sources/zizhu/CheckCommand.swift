import ArgumentParser
import Foundation
import ZizhuCore
import ZizhuExport
import ZizhuRound

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "只检查，不生成文件：按文件和行列出问题。Validate only.",
        discussion: "退出码：0 无错误；1 有错误（--strict 时警告也算）；2 无法完成（用法、配置或读写失败）。"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, xlsx }

    @OptionGroup var input: InputOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @OptionGroup var crossCheck: CrossCheckOptions
    @OptionGroup var messages: MessageOptions

    @Option(help: "输出格式：text（默认，中文报告）、json（DESIGN.md 的报告）、xlsx（问题清单，需 -o）。")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件（--format xlsx 时必填；json/text 时写入文件而非屏幕）。", valueName: "file"))
    var output: String?

    @Flag(help: "警告也算失败（退出码 1）。Warnings fail too.")
    var strict = false

    @Option(help: ArgumentHelp("按哪个银行上传模板检查户名等能否写入（zizhu bank --list 查看），默认取政策中的设置。", valueName: "name"))
    var template: String?

    @Flag(help: .hidden)
    var onlyImport = false

    /// With --only-import: keep the rows in memory as check does (the benchmark's baseline for validation).
    @Flag(help: .hidden)
    var keepRows = false

    mutating func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError("--format xlsx 需要用 -o 指定输出文件，例如 -o 问题清单.xlsx")
        }
    }

    func run() throws {
        var request = crossCheck.adding(to: input.request(for: .check))
        request.archive = try archiveOptions.open(creating: false)
        request.bankTemplate = template
        let round = try CLIRound.check(request, onlyImport: onlyImport, keepsImportedRows: keepRows)
        let result = round.result
        let options = messages.reportOptions(policyName: round.policyName)
        switch format {
        case .text:
            try emit(TextReport.render(result, options: options))
        case .json:
            try emit(JSONReport.render(result, options: options))
        case .xlsx:
            guard let output else { return }
            do {
                try AtomicFile.write(to: output) { temporary in
                    try ReportWorkbook.write(result, to: temporary, language: options.language,
                                             showValues: options.showValues)
                }
            } catch {
                throw CLIFailure("无法写入 \(output)：\(error)")
            }
            Terminal.print(Summaries.line(result.summary, language: options.language))
            for line in Summaries.crossCheck(result, language: options.language) { Terminal.print(line) }
            Terminal.print("问题清单已写入 \(output)")
        }
        let failing = result.summary.errors > 0 || (strict && result.summary.warnings > 0)
        if failing { throw ExitCode(1) }
    }

    private func emit(_ text: String) throws {
        guard let output else {
            Terminal.print(text)
            return
        }
        do {
            try AtomicFile.write(to: output) { try AtomicFile.writeBytes(Array(text.utf8), toPath: $0) }
        } catch {
            throw CLIFailure("无法写入 \(output)：\(error)")
        }
    }
}
