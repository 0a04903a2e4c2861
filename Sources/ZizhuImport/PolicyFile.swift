import Foundation
import Yams
import ZizhuCore

/// A policy file that cannot be used: bad YAML, an unknown or missing key, a bad value, or a semantic
/// problem. It names the file, the line and the key, in Chinese; there is never a silent default.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based line, nil when the problem is not at one place (an empty file, an unreadable one).
    public var line: Int?
    /// The key path: `tiers[1].amount`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `policy.yaml 第 12 行，tiers[1].amount：“1150.005”不是金额…`
    public var description: String {
        var place = file
        if let line { place += " 第 \(line) 行" }
        if let key, !key.isEmpty { place += "，\(key)" }
        return "\(place)：\(message)"
    }
}

/// Reads, checks and writes policy files (YAML). Unknown keys are errors, so that a typo such as `tierz:`
/// is never silently ignored; missing keys are errors too (`zizhu policy init` writes a complete file).
public enum PolicyFile {
    /// Reads a policy file (UTF-8, with or without BOM, or GB18030 as Notepad on Chinese Windows saves it).
    public static func load(path: String) throws(PolicyError) -> Policy {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyError(file: path, line: nil, key: nil, message: "无法读取政策文件（文件不存在或没有读取权限）")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let decoded = try? IconvConverter.decode(bytes, from: "GB18030"), decoded.invalidBytes == 0 {
            text = decoded.text
        } else {
            throw PolicyError(file: name, line: nil, key: nil, message: "文件既不是 UTF-8 也不是 GB18030 编码，请另存为 UTF-8")
        }
        return try parse(text, name: name)
    }

    /// Parses policy YAML; `name` names the source in errors.
    public static func parse(_ yaml: String, name: String) throws(PolicyError) -> Policy {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PolicyError(file: name, line: nil, key: nil, message: "政策文件为空")
            }
            root = node
        } catch let error as PolicyError {
            throw error
        } catch {
            throw yamlError(error, name: name)
        }
        guard root.mapping != nil else {
            throw PolicyError(file: name, line: root.mark?.line, key: nil,
                              message: "政策文件的顶层应是“键: 值”的映射")
        }
        if let problem = unknownKey(in: root, schema: makeSchema(), path: []) {
            throw PolicyError(file: name, line: problem.line, key: Policy.keyPath(problem.path), message: problem.message)
        }

        let policy: Policy
        do {
            policy = try YAMLDecoder().decode(Policy.self, from: root)
        } catch let error as DecodingError {
            throw decodingError(error, root: root, name: name)
        } catch {
            throw PolicyError(file: name, line: nil, key: nil, message: "无法读取：\(error)")
        }

        let problems = policy.problems
        if let first = problems.first {
            var message = first.message
            if problems.count > 1 { message += "（另有 \(problems.count - 1) 处问题，可用 zizhu policy check 查看）" }
            throw PolicyError(file: name, line: line(of: first.path, in: root), key: first.key, message: message)
        }
        return policy
    }

    /// Semantic problems of a policy (tiers empty, amounts ≤ 0, workingDays < 5, an unknown severity code or
    /// top-tier category …), each as `key：message` in Chinese. Empty when the policy is usable.
    public static func validate(_ policy: Policy) -> [String] {
        policy.problems.map(\.description)
    }

    /// The effective policy as YAML (`zizhu policy show`); `parse` reads it back to the same policy.
    public static func render(_ policy: Policy) -> String {
        let header = "# zizhu 生效的资助政策（\(policy.roundTitle)）\n"
        do {
            let encoded = try YAMLEncoder().encode(policy)
            guard let node = try Yams.compose(yaml: encoded) else { return header }
            let body = try Yams.serialize(node: sortedFreeMaps(node), width: -1, allowUnicode: true)
            return header + body
        } catch {
            return header + "# 无法输出：\(error)\n"
        }
    }

    // MARK: Schema

    /// The keys a policy file may have, taken from the default policy: a mapping lists its keys, a sequence
    /// gives the shape of its items, and an empty mapping (`classSizes`, `severity`) takes any key.
    private static func makeSchema() -> Node {
        guard let yaml = try? YAMLEncoder().encode(Policy.default), let node = try? Yams.compose(yaml: yaml) else {
            return Node([(Node, Node)]())
        }
        return node
    }

    private struct KeyProblem {
        var path: [Policy.PathComponent]
        var line: Int?
        var message: String
    }

    private static func unknownKey(in node: Node, schema: Node, path: [Policy.PathComponent]) -> KeyProblem? {
        switch (node, schema) {
        case (.mapping(let mapping), .mapping(let allowed)):
            if allowed.isEmpty { return nil }
            let known = allowed.compactMap { $0.key.string }
            for (key, value) in mapping {
                guard let name = key.string else {
                    return KeyProblem(path: path, line: key.mark?.line, message: "键必须是文字")
                }
                guard let child = allowed[name] else {
                    var message = "未知的键“\(name)”"
                    if let guess = closest(name, among: known) { message += "，是否应为“\(guess)”？" }
                    message += "（可用的键：\(known.joined(separator: "、"))）"
                    return KeyProblem(path: path + [.key(name)], line: key.mark?.line, message: message)
                }
                if let problem = unknownKey(in: value, schema: child, path: path + [.key(name)]) { return problem }
            }
            return nil
        case (.sequence(let items), .sequence(let shape)):
            guard let itemSchema = shape.first else { return nil }
            for (index, item) in items.enumerated() {
                if let problem = unknownKey(in: item, schema: itemSchema, path: path + [.index(index)]) {
                    return problem
                }
            }
            return nil
        default:
            return nil  // type mismatches are the decoder's to report
        }
    }

    /// The known key nearest to a typo (edit distance ≤ 2).
    private static func closest(_ name: String, among keys: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (key: String, distance: Int)?
        for key in keys {
            let candidate = Array(key.lowercased())
            var previous = Array(0...candidate.count)
            for (i, a) in target.enumerated() {
                var current = [i + 1]
                for (j, b) in candidate.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1)))
                }
                previous = current
            }
            let distance = previous[candidate.count]
            if distance <= 2, distance < (best?.distance ?? .max) { best = (key, distance) }
        }
        return best?.key
    }

    // MARK: Errors with lines

    private static func yamlError(_ error: Error, name: String) -> PolicyError {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _),
             YamlError.parser(_, let problem, let mark, _),
             YamlError.composer(_, let problem, let mark, _):
            return PolicyError(file: name, line: mark.line, key: nil, message: "YAML 格式错误：\(problem)（请检查缩进、冒号和引号）")
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return PolicyError(file: name, line: context.mark.line, key: duplicates.first,
                               message: "键“\(duplicates.joined(separator: "、"))”重复出现")
        case YamlError.reader(let problem, _, _, _):
            return PolicyError(file: name, line: nil, key: nil, message: "无法读取文本：\(problem)")
        default:
            return PolicyError(file: name, line: nil, key: nil, message: "YAML 格式错误：\(error)")
        }
    }

    private static func decodingError(_ error: DecodingError, root: Node, name: String) -> PolicyError {
        func components(_ codingPath: [any CodingKey]) -> [Policy.PathComponent] {
            codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = components(context.codingPath)
            return PolicyError(file: name, line: line(of: parent, in: root), key: Policy.keyPath(parent + [.key(key.stringValue)]),
                               message: "缺少键“\(key.stringValue)”（可运行 zizhu policy init 查看完整的政策文件）")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = components(context.codingPath)
            let value = node(at: path, in: root).map(describe) ?? ""
            return PolicyError(file: name, line: line(of: path, in: root), key: Policy.keyPath(path),
                               message: "\(value)\(expectation(type, path: path))")
        case .dataCorrupted(let context):
            let path = components(context.codingPath)
            let value = node(at: path, in: root).map(describe) ?? ""
            return PolicyError(file: name, line: line(of: path, in: root), key: Policy.keyPath(path),
                               message: "\(value)\(expectation(nil, path: path))")
        @unknown default:
            return PolicyError(file: name, line: nil, key: nil, message: "无法读取：\(error)")
        }
    }

    /// What a value should have been, in words a clerk understands.
    private static func expectation(_ type: Any.Type?, path: [Policy.PathComponent]) -> String {
        if case .key("amount")? = path.last {
            return "不是金额：应为以元为单位、最多两位小数的正数，例如 1150 或 \"1150.00\""
        }
        if path.count >= 2, case .key("severity") = path[path.count - 2] {
            return "不是严重程度：应为 error、warning 或 info"
        }
        switch type {
        case is Bool.Type: return "应为 true 或 false"
        case is Int.Type, is Int64.Type: return "应为整数"
        case is Double.Type: return "应为数字"
        case is String.Type: return "应为文字"
        case .some(let type) where String(describing: type).hasPrefix("Array"): return "应为列表（[a, b] 或每行一个“- ”）"
        case .some(let type) where String(describing: type).hasPrefix("Dictionary"): return "应为“键: 值”的映射"
        default: return "的值无效"
        }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "“\(scalar.string)”"
        case .mapping: "映射"
        case .sequence: "列表"
        case .alias: "别名"
        }
    }

    private static func node(at path: [Policy.PathComponent], in root: Node) -> Node? {
        var current = root
        for component in path {
            switch component {
            case .key(let key):
                guard let next = current.mapping?[key] else { return nil }
                current = next
            case .index(let index):
                guard let items = current.sequence, index < items.count else { return nil }
                current = items[index]
            }
        }
        return current
    }

    /// The line where the deepest existing part of a path is written (a key's own line for mapping keys).
    static func line(of path: [Policy.PathComponent], in root: Node) -> Int? {
        var current = root
        var line = root.mark?.line
        for component in path {
            switch component {
            case .key(let key):
                guard let mapping = current.mapping,
                      let pair = mapping.first(where: { $0.key.string == key })
                else { return line }
                line = pair.key.mark?.line ?? pair.value.mark?.line ?? line
                current = pair.value
            case .index(let index):
                guard let items = current.sequence, index < items.count else { return line }
                current = items[index]
                line = current.mark?.line ?? line
            }
        }
        return line
    }

    /// Sorts the keys of free-form maps (`classSizes`, `severity`) so that `render` is deterministic.
    private static func sortedFreeMaps(_ node: Node) -> Node {
        guard case .mapping(var mapping) = node else { return node }
        for key in ["classSizes", "severity"] {
            if let value = mapping[key], case .mapping(let inner) = value {
                let sorted = inner.sorted { ($0.key.string ?? "") < ($1.key.string ?? "") }
                mapping[key] = Node(sorted.map { ($0.key, $0.value) }, inner.tag, inner.style)
            }
        }
        return .mapping(mapping)
    }
}
