#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZizhuCore

/// A file read front to back with read(2) in fixed blocks, so memory does not grow with the file.
/// A source may cover only part of a file (`startingAt`, `limit`): the halves of a file read on two cores.
final class FileSource {
    static let defaultBlockSize = 1 << 20

    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private let displayName: String
    private(set) var reachedEnd = false
    /// Bytes read so far.
    private(set) var offset = 0
    /// The file's size when it was opened (0 when unknown, e.g. a pipe).
    let size: Int
    /// Where reading stops as if the file ended there; nil reads to the real end. Lifting it
    /// (`readOn()`) continues from where reading stopped.
    private(set) var limit: Int?

    init(path: String, displayName: String, blockSize: Int = FileSource.defaultBlockSize,
         startingAt start: Int = 0) throws(ImportError) {
        self.displayName = displayName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw ImportError(file: displayName, message: FileSource.openFailureMessage(errno: errno, path: path))
        }
        var info = stat()
        let known = fstat(fd, &info) == 0
        if known, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ImportError(file: displayName, message: "“\(path)”是文件夹而不是文件；请直接给出文件夹路径或其中的 CSV/XLSX 文件。")
        }
        size = known ? Int(info.st_size) : 0
        descriptor = fd
        buffer = .allocate(byteCount: max(blockSize, 1), alignment: 16)
        if start > 0 {
            guard lseek(fd, off_t(start), SEEK_SET) == off_t(start) else {
                let code = errno
                close(fd)
                buffer.deallocate()
                throw ImportError(file: displayName, message: FileSource.readFailureMessage(errno: code))
            }
            offset = start
        }
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The next block, empty at the end of the file. The bytes stay valid until the next call.
    func nextBlock() throws(ImportError) -> UnsafeRawBufferPointer {
        guard !reachedEnd, let base = buffer.baseAddress else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let wanted = limit.map { min(buffer.count, $0 - offset) } ?? buffer.count
        if wanted <= 0 {
            reachedEnd = true
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        while true {
            let n = readBytes(descriptor, base, wanted)
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
            throw ImportError(file: displayName, message: FileSource.readFailureMessage(errno: code))
        }
    }

    /// Makes reading stop at `offset` (not before what was read already).
    func stop(at offset: Int) {
        limit = max(offset, self.offset)
    }

    /// Lifts the limit: reading goes on from where it stopped, to the real end.
    func readOn() {
        limit = nil
        reachedEnd = false
    }

    /// The offset just after the first LF at or after `offset`, looking at most `window` bytes ahead; nil when
    /// there is none. Reads with pread(2), leaving the reading position alone. A LF byte is a line end in
    /// UTF-8 and in GB18030 alike (neither uses 0x0A inside a character).
    func lineStart(after offset: Int, window: Int = 1 << 16) -> Int? {
        guard offset >= 0, offset < size else { return nil }
        // A buffer of its own: the reading buffer may still hold a block the decoder has not taken.
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { scratch.deallocate() }
        guard let base = scratch.baseAddress else { return nil }
        var position = offset
        while position < min(size, offset + window) {
            let n = pread(descriptor, base, min(scratch.count, offset + window - position), off_t(position))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            if let lf = memchr(base, 0x0A, n) {
                return position + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(lf)) + 1
            }
            position += n
        }
        return nil
    }

    /// Line ends in the first `end` bytes as the CSV reader counts them (CR LF once, a lone CR or LF once
    /// each), read with pread(2); nil on a read error.
    func lineBreaks(before end: Int) -> Int? {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { scratch.deallocate() }
        guard let base = scratch.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var breaks = 0
        var position = 0
        var lastWasCR = false
        while position < end {
            let n = pread(descriptor, base, min(scratch.count, end - position), off_t(position))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            let counted = ByteScan.countLineBreaks(base, n, afterCR: lastWasCR)
            breaks += counted.breaks
            lastWasCR = counted.endsWithCR
            position += n
        }
        return breaks + (lastWasCR ? 1 : 0)
    }

    static func readFailureMessage(errno code: Int32) -> String {
        "读取文件时出错（\(String(cString: strerror(code)))）；请把文件复制到本机硬盘后重试。"
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
