import ArgumentParser
import Foundation
import ZizhuCore
import ZizhuImport

/// `--enrolment FILE` and `--evidence KIND=FILE` (issue 8), shared by check, run and missed.
struct CrossCheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp("学籍系统导出的在校生名单（CSV/TXT）：核对是否在籍、姓名年级班级是否一致。", valueName: "file"))
    var enrolment: String?

    @Option(help: ArgumentHelp("困难认定名单，可重复：类型=文件，如 低保=低保名单.csv（类型为政策中的困难类型或别名）。",
                               valueName: "kind=file"))
    var evidence: [String] = []

    mutating func validate() throws {
        for item in evidence {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex,
                  item.index(after: equals) != item.endIndex
            else {
                throw ValidationError("--evidence 的写法是 类型=文件，例如 --evidence 低保=低保名单.csv（收到“\(item)”）")
            }
        }
    }

    var source: CrossCheckSource {
        CrossCheckSource(enrolment: enrolment, evidence: evidence.compactMap { item in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            return (kind: String(item[..<equals]), path: String(item[item.index(after: equals)...]))
        })
    }
}

/// The reference files of a round, as plain values (the pipeline is built without ArgumentParser too).
struct CrossCheckSource {
    var enrolment: String? = nil
    var evidence: [(kind: String, path: String)] = []

    var isEmpty: Bool { enrolment == nil && evidence.isEmpty }

    /// The loaded lists.
    struct Loaded {
        var roster: EnrolmentRoster?
        var lists: [AssistanceList] = []

        /// The round checks to run beside the archive's.
        var checks: [any RoundCheck] {
            var checks: [any RoundCheck] = []
            if let roster { checks.append(EnrolmentCheck(roster: roster)) }
            if !lists.isEmpty { checks.append(EvidenceCheck(lists: lists)) }
            return checks
        }
    }

    /// Reads every reference file once. An unknown KIND or an unreadable file is a CLIFailure (exit 2);
    /// what a readable file lacks (no header, no ID column) becomes a file-level finding.
    func load(policy: Policy, encoding: String?) throws -> Loaded {
        var loaded = Loaded()
        let options = ImportOptions(encoding: encoding)
        let categories = CategoryIndex(policy: policy)
        var resolved: [(kind: String, category: String, path: String)] = []
        for item in evidence {
            guard let category = categories.category(named: item.kind) else {
                let known = policy.documents.categoryProof.map(\.category).joined(separator: "、")
                throw CLIFailure("--evidence 的类型“\(item.kind)”不是政策中的困难类型或别名；可用：\(known)")
            }
            resolved.append((item.kind, category, item.path))
        }
        if let enrolment {
            let file = try Self.inputFile(enrolment, what: "学籍名单")
            Terminal.progress("读取学籍名单 \(file.displayName) …")
            do {
                loaded.roster = try ReferenceList.readEnrolment(file, options: options)
            } catch {
                Terminal.endProgress()
                throw CLIFailure(error.description)
            }
        }
        for item in resolved {
            let file = try Self.inputFile(item.path, what: "\(item.kind)名单")
            Terminal.progress("读取\(item.kind)名单 \(file.displayName) …")
            do {
                loaded.lists.append(try ReferenceList.readAssistance(file, kind: item.kind, category: item.category,
                                                                     options: options))
            } catch {
                Terminal.endProgress()
                throw CLIFailure(error.description)
            }
        }
        Terminal.endProgress()
        return loaded
    }

    private static func inputFile(_ path: String, what: String) throws -> InputFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CLIFailure("找不到\(what)文件“\(path)”；请检查路径是否写对。")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return InputFile(path: path, displayName: name)
    }
}
