import Foundation
import ZizhuCore
import ZizhuImport

/// The enrolment roster and assistance lists of a round, read once (issue 8).
public struct ReferenceLists: Sendable {
    public var roster: EnrolmentRoster?
    public var lists: [AssistanceList] = []

    /// The round checks to run beside the archive's.
    var checks: [any RoundCheck] {
        var checks: [any RoundCheck] = []
        if let roster { checks.append(EnrolmentCheck(roster: roster)) }
        if !lists.isEmpty { checks.append(EvidenceCheck(lists: lists)) }
        return checks
    }

    /// Reads the lists alone (`zizhu missed`).
    public static func load(enrolment: RoundInput?, evidence: [EvidenceInput], policy: Policy, encoding: String?,
                            stagingDirectory: String? = nil,
                            progress: RoundProgressHandler? = nil) throws(RoundError) -> ReferenceLists {
        let uploads = enrolment.map(\.isUpload) == true || evidence.contains { $0.list.isUpload }
        let staged = uploads ? try StagedFolder(under: stagingDirectory) : nil
        return try load(enrolment: enrolment, evidence: evidence, policy: policy, encoding: encoding, staged: staged,
                        progress: progress)
    }

    /// Reads every reference file. An unknown kind or an unreadable file throws; what a readable file lacks
    /// (no header, no ID column) becomes a file-level finding.
    static func load(enrolment: RoundInput?, evidence: [EvidenceInput], policy: Policy, encoding: String?,
                     staged: StagedFolder?, progress: RoundProgressHandler?) throws(RoundError) -> ReferenceLists {
        var loaded = ReferenceLists()
        let options = ImportOptions(encoding: encoding)
        let categories = CategoryIndex(policy: policy)
        var resolved: [(kind: String, category: String, list: RoundInput)] = []
        for item in evidence {
            guard let category = categories.category(named: item.kind) else {
                let known = policy.documents.categoryProof.map(\.category).joined(separator: "、")
                throw RoundError(.referenceList,
                                 zh: "--evidence 的类型“\(item.kind)”不是政策中的困难类型或别名；可用：\(known)",
                                 en: "The list kind “\(item.kind)” is not a category or alias of the policy; known: \(known)")
            }
            resolved.append((item.kind, category, item.list))
        }
        // Uploaded lists are staged after the class sheets' numbered folders.
        var position = 1_000_000
        if let enrolment {
            let file = try inputFile(enrolment, what: "学籍名单", staged: staged, position: &position)
            progress?(.readingList("学籍名单 \(file.displayName)"))
            do {
                loaded.roster = try ReferenceList.readEnrolment(file, options: options)
            } catch {
                throw RoundError(.referenceList, detail: error.description, enPrefix: "Cannot read the enrolment roster: ")
            }
        }
        for item in resolved {
            let file = try inputFile(item.list, what: "\(item.kind)名单", staged: staged, position: &position)
            progress?(.readingList("\(item.kind)名单 \(file.displayName)"))
            do {
                loaded.lists.append(try ReferenceList.readAssistance(file, kind: item.kind, category: item.category,
                                                                     options: options))
            } catch {
                throw RoundError(.referenceList, detail: error.description, enPrefix: "Cannot read the list: ")
            }
        }
        return loaded
    }

    private static func inputFile(_ input: RoundInput, what: String, staged: StagedFolder?,
                                  position: inout Int) throws(RoundError) -> InputFile {
        switch input {
        case .file(let path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw RoundError(.referenceList, zh: "找不到\(what)文件“\(path)”；请检查路径是否写对。",
                                 en: "Cannot find the file “\(path)” (\(what)); check the path.")
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return InputFile(path: path, displayName: name)
        case .stored(let path, let name):
            return InputFile(path: path, displayName: StagedFolder.safeFileName(name))
        case .bytes(let name, let contents):
            guard let staged else {
                throw RoundError(.referenceList, zh: "无法暂存\(what)“\(name)”。", en: "Cannot stage “\(name)”.")
            }
            position += 1
            return InputFile(path: try staged.store(contents, position: position, name: name),
                             displayName: StagedFolder.safeFileName(name))
        }
    }
}
