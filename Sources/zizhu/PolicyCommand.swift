import ArgumentParser
import Foundation
import ZizhuCore
import ZizhuImport

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "资助政策文件：生成、查看、检查。Write, show or check a policy file.",
        subcommands: [Init.self, Show.self, Check.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "写出带中文说明的默认政策文件，供修改。Write the default policy, commented.")

        @Option(name: .shortAndLong, help: ArgumentHelp("输出文件（默认 zizhu-policy.yaml）。", valueName: "file"))
        var output = "zizhu-policy.yaml"
        @Flag(help: "覆盖已存在的文件。")
        var force = false

        func run() throws {
            if FileManager.default.fileExists(atPath: output) && !force {
                throw CLIFailure("\(output) 已存在；如要覆盖请加 --force")
            }
            do {
                try Data(Policy.defaultYAML.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CLIFailure("无法写入 \(output)：\(error.localizedDescription)")
            }
            Terminal.print("已写出默认政策：\(output)。修改后用 zizhu policy check \(output) 检查。")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "显示生效的政策（未给 --policy 时为内置默认）。Print the effective policy.")

        @Option(help: ArgumentHelp("政策文件。", valueName: "file"))
        var policy: String?

        func run() throws {
            let effective: Policy
            if let policy {
                do { effective = try PolicyFile.load(path: policy) } catch { throw CLIFailure(error.description) }
            } else {
                effective = Policy.default
            }
            Terminal.print(PolicyFile.render(effective))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查政策文件；有问题时指出行和键，退出码 2。Validate a policy file.")

        @Argument(help: ArgumentHelp("政策文件。", valueName: "file"))
        var file: String

        func run() throws {
            let policy: Policy
            do { policy = try PolicyFile.load(path: file) } catch { throw CLIFailure(error.description) }
            let problems = PolicyFile.validate(policy)
            guard problems.isEmpty else {
                for problem in problems { Terminal.error("\(file)：\(problem)") }
                throw ExitCode(2)
            }
            Terminal.print("\(file)：政策文件有效（\(policy.roundTitle)，\(policy.tiers.count) 个档次）。")
        }
    }
}
