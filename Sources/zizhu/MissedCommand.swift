import ArgumentParser
import Foundation
import ZizhuCore
import ZizhuExport
import ZizhuImport
import ZizhuRound

/// `zizhu missed`: enrolled students on an assistance list who did not apply, per class (issue 8).
struct MissedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missed",
        abstract: "不漏掉一个：列出在籍、出现在困难认定名单中却未申请的学生（按班级）。",
        discussion: "需要 --enrolment 和至少一个 --evidence。退出码：0 已写出；2 无法完成。"
    )

    @Argument(help: "已收到的申请名单文件或文件夹（可省略：则名单上的在籍学生全部列出）。")
    var applications: [String] = []

    @OptionGroup var crossCheck: CrossCheckOptions

    @Option(help: ArgumentHelp("指定输入编码，默认自动识别。", valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("政策文件（YAML），默认使用内置政策。", valueName: "file"))
    var policy: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件（默认 未申请名单.xlsx）。", valueName: "file"))
    var output = MissedList.fileName

    mutating func validate() throws {
        if crossCheck.enrolment == nil { throw ValidationError("missed 需要 --enrolment 学籍名单文件") }
        if crossCheck.evidence.isEmpty { throw ValidationError("missed 需要至少一个 --evidence 类型=文件") }
    }

    func run() throws {
        let (policy, _) = try CLIRound.loadPolicy(self.policy)
        let references: ReferenceLists
        do {
            defer { Terminal.endProgress() }
            references = try ReferenceLists.load(enrolment: crossCheck.enrolmentInput, evidence: crossCheck.evidenceInputs,
                                                 policy: policy, encoding: encoding, progress: Terminal.roundProgress)
        } catch {
            throw CLIFailure(error)
        }
        guard let roster = references.roster else { throw CLIFailure("missed 需要 --enrolment 学籍名单文件") }
        for finding in roster.readFindings + references.lists.flatMap(\.readFindings)
        where finding.severity == .error {
            throw CLIFailure(MissedCommand.describe(finding))
        }

        var applicants: [Applicant] = []
        if !applications.isEmpty {
            let files: [InputFile]
            do {
                files = try InputCollector.collect(applications)
            } catch {
                throw CLIFailure(error.description)
            }
            let options = ImportOptions(encoding: encoding)
            for file in files {
                Terminal.progress("读取申请 \(file.displayName) …")
                do {
                    applicants += try RosterReader.read(file, firstIndex: applicants.count, options: options).applicants
                } catch {
                    Terminal.endProgress()
                    throw CLIFailure(error.description)
                }
            }
            Terminal.endProgress()
        }

        let classes = MissedStudents.find(roster: roster, lists: references.lists, applicants: applicants)
        let total: Int
        do {
            total = try MissedList.write(classes, title: policy.roundTitle + "未申请学生名单", to: output)
        } catch {
            throw CLIFailure("无法写入 \(output)：\(error)")
        }
        Terminal.print("学籍名单 \(roster.count) 人，困难认定名单 \(references.lists.count) 份，申请 \(applicants.count) 行。")
        for group in classes {
            let label = [group.grade, group.className].filter { !$0.isEmpty }.joined(separator: " ")
            Terminal.print("  \(label.isEmpty ? "（未填班级）" : label)：\(group.students.count) 人未申请")
        }
        Terminal.print("共 \(total) 名在籍学生在名单中但未申请，已写入 \(output)")
    }

    /// A file-level problem of a reference list, in one line.
    static func describe(_ finding: Finding) -> String {
        "\(finding.location.file)：" + MessageCatalog.message(for: finding)
    }
}
