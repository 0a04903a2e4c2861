import ArgumentParser
import ZizhuCore
import ZizhuImport
import ZizhuArchive
import ZizhuRound

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

    /// The round these options name, without archive or lists; `.documents` for the commands that write them.
    func request(for purpose: ImportPurpose) -> RoundRequest {
        RoundRequest(paths: inputs, encoding: encoding, policy: policy, sheet: sheet, purpose: purpose)
    }
}

extension RoundRequest {
    /// Files and folders as the command line names them.
    init(paths: [String], encoding: String? = nil, policy: String? = nil, sheet: String? = nil,
         archive: (any ArchiveStore)? = nil, purpose: ImportPurpose) {
        self.init(inputs: paths.map { .file(path: $0) })
        self.encoding = encoding
        self.policy = policy.map { .file(path: $0) } ?? .builtIn
        self.sheet = sheet
        self.archive = archive
        self.purpose = purpose
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
