import ArgumentParser
import ZizhuCore
import ZizhuImport

/// The inputs of a round and how to read them.
struct InputOptions: ParsableArguments {
    @Argument(help: "班级名单文件或文件夹（.csv .txt .xlsx）。Roster files or folders.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("指定输入编码（UTF-8、GB18030、GBK、UTF-16LE…），默认自动识别。", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("政策文件（YAML），默认使用内置政策。", valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("只读取 .xlsx 工作簿中的这一个工作表（默认读取所有含表头的可见工作表）。", valueName: "name"))
    var sheet: String?

    mutating func validate() throws {
        if let encoding, (try? IconvConverter(from: encoding)) == nil {
            throw ValidationError("不认识的编码：\(encoding)（可用 UTF-8、GB18030、GBK、UTF-16LE、UTF-16BE）")
        }
    }

    var round: RoundInputs { RoundInputs(paths: inputs, encoding: encoding, policyPath: policy, sheet: sheet) }
}

/// What a round reads: the files or folders, an encoding override and the policy file.
struct RoundInputs {
    var paths: [String]
    var encoding: String? = nil
    var policyPath: String? = nil
    /// `--sheet`: the one sheet of each .xlsx input to read.
    var sheet: String? = nil

    func loadPolicy() throws -> (policy: Policy, name: String) {
        guard let path = policyPath else { return (Policy.default, "default") }
        do {
            return (try PolicyFile.load(path: path), path)
        } catch {
            throw CLIFailure(error.description)
        }
    }
}

/// How messages are shown.
struct MessageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("消息语言：zh（默认）或 en。", valueName: "zh|en"))
    var lang: LanguageChoice = .zh

    @Flag(help: "显示完整的身份证号、银行卡号和电话（默认打码）。Show identifiers unmasked.")
    var showValues = false

    func reportOptions(policyName: String) -> ReportOptions {
        ReportOptions(language: lang.language, showValues: showValues, toolVersion: Zizhu.version,
                      policyName: policyName)
    }
}

enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case zh, en
    var language: Language { self == .zh ? .zh : .en }
}
