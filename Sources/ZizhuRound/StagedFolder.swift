import Foundation
import ZizhuImport

/// A private folder holding a round's uploaded bytes as files, so the readers (which stream from a file
/// descriptor) read them as they read any sheet. It is removed when the last round that reads from it ends.
final class StagedFolder: Sendable {
    let path: String

    init(under parent: String?) throws(RoundError) {
        let base = parent ?? NSTemporaryDirectory()
        var template = Array(((base.hasSuffix("/") ? base : base + "/") + "zizhu-round-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let start = buffer.baseAddress else { return false }
            return mkdtemp(start) != nil
        }
        guard made else {
            throw RoundError(.input, zh: "无法创建临时文件夹（\(base)）：\(String(cString: strerror(errno)))",
                             en: "Cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes one upload under a name of its own; returns the file's path.
    func store(_ contents: [UInt8], position: Int, name: String) throws(RoundError) -> String {
        // Each upload in a numbered subfolder: two uploads may carry the same name, and the name itself may
        // hold anything a browser sends.
        let folder = path + "/\(position)"
        let file = folder + "/" + Self.safeFileName(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            try Data(contents).write(to: URL(fileURLWithPath: file))
        } catch {
            throw RoundError(.input, zh: "无法暂存上传的文件“\(name)”：\(error.localizedDescription)",
                             en: "Cannot stage the uploaded file “\(name)”: \(error.localizedDescription)")
        }
        return file
    }

    /// The last path component, with separators and control characters replaced; never empty, `.` or `..`.
    static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.map { $0.properties.generalCategory == .control ? "_" : Character($0) })
        if cleaned.isEmpty || cleaned == "." || cleaned == ".." { return "upload" }
        return String(cleaned.prefix(200))
    }
}

/// Display names of uploads, made unique the way a clerk reads them: `名单.csv`, `名单.csv (2)`.
struct UploadNames {
    private var used: [String: Int] = [:]

    mutating func unique(_ name: String) -> String {
        let count = (used[name] ?? 0) + 1
        used[name] = count
        return count == 1 ? name : "\(name) (\(count))"
    }
}
