#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read front to back with read(2) in fixed blocks, so memory does not grow with the file.
final class FileSource {
    static let defaultBlockSize = 1 << 20

    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private let displayName: String
    private(set) var reachedEnd = false
    /// Bytes read so far.
    private(set) var offset = 0

    init(path: String, displayName: String, blockSize: Int = FileSource.defaultBlockSize) throws(ImportError) {
        self.displayName = displayName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw ImportError(file: displayName, message: FileSource.openFailureMessage(errno: errno, path: path))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ImportError(file: displayName, message: "“\(path)”是文件夹而不是文件；请直接给出文件夹路径或其中的 CSV/XLSX 文件。")
        }
        descriptor = fd
        buffer = .allocate(byteCount: max(blockSize, 1), alignment: 16)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The next block, empty at the end of the file. The bytes stay valid until the next call.
    func nextBlock() throws(ImportError) -> UnsafeRawBufferPointer {
        guard !reachedEnd, let base = buffer.baseAddress else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        while true {
            let n = readBytes(descriptor, base, buffer.count)
            if n > 0 {
                offset += n
                return UnsafeRawBufferPointer(start: base, count: n)
            }
            if n == 0 {
                reachedEnd = true
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            let code = errno
            if code == EINTR { continue }
            throw ImportError(file: displayName,
                              message: "读取文件时出错（\(String(cString: strerror(code)))）；请把文件复制到本机硬盘后重试。")
        }
    }

    static func openFailureMessage(errno code: Int32, path: String) -> String {
        switch code {
        case ENOENT, ENOTDIR: "找不到文件“\(path)”；请检查路径和文件名。"
        case EACCES, EPERM: "没有读取“\(path)”的权限；请检查文件权限，或先把文件复制出来。"
        default: "无法打开“\(path)”（\(String(cString: strerror(code)))）。"
        }
    }
}

/// read(2) under another name: inside a type, `read` would resolve to a method (TOOLCHAIN.md, Swift 6 pitfalls).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
