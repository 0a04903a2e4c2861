import ArgumentParser
import ZizhuCore
import ZizhuGenerate
import ZizhuImport

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成仿真的班级名单（含已知的问题和答案文件 answers.json），用于演示、培训和性能测试。"
    )

    @Option(help: "总行数。")
    var rows: Int
    @Option(help: "随机种子（相同种子生成相同文件）。")
    var seed: UInt64 = 1
    @Option(help: "问题行比例（0 到 1）。")
    var anomalies: Double = 0.05
    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件夹。", valueName: "dir"))
    var output: String
    @Option(help: ArgumentHelp("政策文件（档次金额等），默认内置政策。", valueName: "file"))
    var policy: String?

    mutating func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows 必须大于 0") }
        guard (0...1).contains(anomalies) else { throw ValidationError("--anomalies 必须在 0 到 1 之间") }
    }

    func run() throws {
        var options = GeneratorOptions(rows: rows, seed: seed, anomalyRate: anomalies)
        if let policy {
            do { options.policy = try PolicyFile.load(path: policy) } catch { throw CLIFailure(error.description) }
        }
        let round: GeneratedRound
        do {
            round = try RosterGenerator.generate(options, into: output)
        } catch {
            throw CLIFailure("无法生成到 \(output)：\(error)")
        }
        Terminal.print("已生成 \(round.files.count) 个班级名单，共 \(round.rows) 行，其中 \(round.answers.count) 处预埋问题（见 \(output)/answers.json）。")
    }
}
