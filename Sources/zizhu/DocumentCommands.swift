import ArgumentParser
import Foundation
import ZizhuCore
import ZizhuExport
import ZizhuRound

/// `zizhu register|notice|bank`: one document from the accepted rows of the inputs.
private func writeDocument(_ path: String, _ write: (String) throws -> Void) throws {
    do {
        try AtomicFile.write(to: path, write)
    } catch ExportError.file(let failed, let reason) where failed == path {
        throw CLIFailure("无法写入 \(path)：\(reason)")  // not the path twice
    } catch {
        throw CLIFailure("无法写入 \(path)：\(error)")
    }
}

private func acceptedLine(_ summary: Summary) -> String {
    Summaries.line(summary, language: .zh)
}

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "生成发放花名册（只含通过检查的行）。Write the register book.")

    @OptionGroup var input: InputOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件，例如 花名册.xlsx。", valueName: "file"))
    var output: String

    func run() throws {
        // The register is written while the row rules finish on the other core, in the register's own order.
        let order = OrderOfEveryRow()
        var request = input.request(for: .documents)
        request.archive = try archiveOptions.open(creating: false)
        let validation = try CLIRound.start(request, rowOrder: order.compute)
        var decision: RegisterBook.Decision?
        try writeDocument(output) { path in
            decision = try RegisterBook.write(validation, order: order.value, to: path)
        }
        guard let decision else { return }
        Terminal.print(acceptedLine(decision.summary))
        Terminal.print("花名册已写入 \(output)")
    }
}

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "生成公示名单（不含身份证号、卡号等个人信息）。Write the public notice.")

    @OptionGroup var input: InputOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件，例如 公示名单.xlsx。", valueName: "file"))
    var output: String
    @Option(help: ArgumentHelp("公示开始日期（年-月-日，默认今天）。", valueName: "date"))
    var noticeStart: String?

    func run() throws {
        var request = input.request(for: .documents)
        request.archive = try archiveOptions.open(creating: false)
        let result = try CLIRound.check(request).result
        let text = noticeStart ?? ExportOptions().noticeStart
        let start: ZizhuExport.CivilDate
        do { start = try ZizhuExport.CivilDate(parsing: text) } catch { throw CLIFailure("\(error)") }
        try writeDocument(output) { try NoticeList.write(result, to: $0, start: start) }
        Terminal.print(acceptedLine(result.summary))
        Terminal.print("公示名单已写入 \(output)")
    }
}

struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "生成银行代发文件：-o 以 .xlsx 结尾时为代发清单，否则按模板生成银行上传文本。Write bank payment files.")

    @OptionGroup var input: InputOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件：代发清单.xlsx，或上传文本（如 代发.txt）。", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("银行上传模板名（默认取政策中的设置）。", valueName: "name"))
    var template: String?
    @Flag(help: "列出可用的银行模板。List the bank templates.")
    var list = false

    mutating func validate() throws {
        if !list && output == nil { throw ValidationError("请用 -o 指定输出文件，或用 --list 查看模板") }
    }

    func run() throws {
        if list {
            for template in BankTemplate.all {
                Terminal.print("\(template.name)\t\(template.description)")
            }
            return
        }
        guard let output else { return }
        var request = input.request(for: .documents)
        request.archive = try archiveOptions.open(creating: false)
        request.bankTemplate = template
        let result = try CLIRound.check(request).result
        if output.lowercased().hasSuffix(".xlsx") {
            try writeDocument(output) { try BankList.write(result, to: $0) }
        } else {
            let name = template ?? result.policy.bank.template
            let bankTemplate: BankTemplate
            do {
                bankTemplate = try BankTemplate.named(name)
            } catch {
                throw CLIFailure("\(error)")
            }
            try writeDocument(output) { try BankUpload.write(result, template: bankTemplate, to: $0) }
        }
        Terminal.print(acceptedLine(result.summary))
        Terminal.print("银行代发文件已写入 \(output)")
    }
}
