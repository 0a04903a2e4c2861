import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// FileOutput's own write/close methods hide the libc functions inside the class.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }

/// A file written under a temporary name in its target folder and renamed to its final name only when
/// complete, so a reader never sees half a file under the final name. rename(2) within one folder is atomic.
/// The temporary file is removed on failure, on `discard()`, and when an uncommitted value is dropped.
public final class AtomicFile: @unchecked Sendable {
    public let finalPath: String
    /// Where to write: `.花名册.xlsx.<pid>-<random>.tmp` in the same folder.
    public let temporaryPath: String
    public private(set) var isCommitted = false

    public init(finalPath: String) throws {
        self.finalPath = finalPath
        let (folder, name) = AtomicFile.split(finalPath)
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ExportError.file(path: finalPath, reason: "输出文件夹 \(folder) 不存在")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw ExportError.file(path: finalPath, reason: "输出文件夹 \(folder) 不可写：\(SystemErrorText.describe(errno))")
        }
        if stat(finalPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExportError.file(path: finalPath, reason: "已有同名文件夹")
        }
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        temporaryPath = (folder == "." && !finalPath.hasPrefix("./") ? "" : folder + "/")
            + ".\(name).\(getpid())-\(token).tmp"
    }

    deinit { if !isCommitted { discard() } }

    /// Renames the finished temporary file to its final name (replacing an older file of that name).
    public func commit() throws {
        guard !isCommitted else { return }
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = SystemErrorText.describe(errno)
            discard()
            throw ExportError.file(path: finalPath, reason: reason)
        }
        isCommitted = true
    }

    /// Removes the temporary file, if any.
    public func discard() {
        guard !isCommitted else { return }
        unlink(temporaryPath)
    }

    /// Writes a file atomically: `body` fills the temporary path, then it is renamed. On any error the
    /// temporary file is removed and the error passes on.
    public static func write(to path: String, _ body: (_ temporaryPath: String) throws -> Void) throws {
        let file = try AtomicFile(finalPath: path)
        do {
            try body(file.temporaryPath)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes bytes to a path directly (used inside `write(to:_:)` for text outputs).
    public static func writeBytes(_ bytes: [UInt8], toPath path: String) throws {
        let output = try FileOutput(path: path)
        try output.write(bytes)
        try output.close()
    }

    /// Removes the temporary files that runs killed before they could clean up left in `folder`: names of the
    /// form `.<name>.<pid>-<token>.tmp` whose process no longer exists. Files of a live process (a run writing
    /// into the same folder right now) and every other file are left alone. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = writerProcess(ofTemporaryName: name), pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists (EPERM: it exists, not ours).
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            if unlink(folder + "/" + name) == 0 { removed.append(name) }
        }
        return removed
    }

    /// The pid in a temporary name made by `init(finalPath:)`, nil for any other name.
    static func writerProcess(ofTemporaryName name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let inner = name.dropFirst().dropLast(4)
        guard let dot = inner.lastIndex(of: "."), dot > inner.startIndex else { return nil }
        let parts = inner[inner.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty,
              parts[1].allSatisfy({ ("0"..."9").contains($0) || ("a"..."z").contains($0) }),
              let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }
}

/// A file opened for writing with a plain descriptor: buffered by the caller, every write checked.
final class FileOutput {
    let path: String
    private var fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError.file(path: path, reason: SystemErrorText.describe(errno)) }
    }

    deinit { if fd >= 0 { _ = systemClose(fd) } }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ExportError.file(path: path, reason: SystemErrorText.describe(errno))
                }
                offset += written
            }
        }
    }

    func close() throws {
        let result = systemClose(fd)
        fd = -1
        if result != 0 { throw ExportError.file(path: path, reason: SystemErrorText.describe(errno)) }
    }
}
