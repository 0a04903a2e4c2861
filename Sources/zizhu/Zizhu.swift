import ArgumentParser
import Foundation
import ZizhuRound

@main
struct Zizhu: AsyncParsableCommand {
    static let version = ZizhuVersion.current

    static let configuration = CommandConfiguration(
        commandName: "zizhu",
        abstract: "资助名册检查与造册：检查班级提交的资助名单，退回问题行，生成花名册、公示名单和银行代发文件。",
        discussion: """
        Check class aid rosters and write the official paperwork. Exit codes: 0 done / no errors, \
        1 error findings (check), 2 usage, configuration or I/O failure.
        """,
        version: version,
        subcommands: [
            RunCommand.self, CheckCommand.self, RegisterCommand.self, NoticeCommand.self, BankCommand.self,
            PolicyCommand.self, ArchiveCommand.self, GenerateCommand.self, MissedCommand.self, ServeCommand.self,
            DistrictCommand.self,
        ]
    )

    /// The contract wants exit 2 for usage errors (ArgumentParser's default is 64) and a one-line reason,
    /// never a stack trace.
    static func main() async {
        OpenFileLimit.raise()
        do {
            var command = try parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            Terminal.error(failure.message)
            Foundation.exit(2)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .validationFailure {
                if code == .validationFailure {
                    Terminal.error(message(for: error))
                    Terminal.error("用法见 `zizhu \(helpHint(for: error)) --help`")
                    Foundation.exit(2)
                }
                exit(withError: error)
            }
            Terminal.error(message(for: error))
            Foundation.exit(2)
        }
    }

    private static func helpHint(for error: any Error) -> String {
        CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? ""
    }
}

/// Work could not be done: the message is one line, in the user's language, with the file concerned.
struct CLIFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
    /// A round that could not be done, in Chinese: the CLI's failures are Chinese whatever `--lang` says.
    init(_ error: RoundError) { message = error.message(.zh) }
}
