import Foundation

/// A ZIP archive of files stored as they are (the workbooks inside are compressed already), with UTF-8 names
/// so that Windows' Explorer and WPS show `花名册.xlsx`, not mojibake. Written file by file to disk; nothing
/// larger than one file is held in memory.
struct ZipWriter {
    enum Failure: Error { case tooLarge(String), unreadable(String) }

    private struct Entry {
        let name: [UInt8]
        let crc: UInt32
        let size: UInt32
        let offset: UInt32
    }

    /// Writes `files` (path on disk, name in the archive) to `path`.
    static func write(_ files: [(path: String, name: String)], to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else { throw Failure.unreadable(path) }
        defer { try? out.close() }
        var entries: [Entry] = []
        var offset = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { throw Failure.unreadable(file.name) }
            guard data.count < Int(UInt32.max), offset < Int(UInt32.max) else { throw Failure.tooLarge(file.name) }
            let name = Array(file.name.utf8)
            let crc = CRC32.checksum(data)
            var header = Bytes()
            header.u32(0x0403_4b50)
            header.u16(20)          // version needed: 2.0
            header.u16(1 << 11)     // names are UTF-8
            header.u16(0)           // stored
            header.u16(0); header.u16(0x21)  // 1980-01-01 00:00, DOS time and date
            header.u32(crc)
            header.u32(UInt32(data.count)); header.u32(UInt32(data.count))
            header.u16(UInt16(name.count)); header.u16(0)
            header.bytes += name
            try out.write(contentsOf: header.bytes)
            try out.write(contentsOf: data)
            entries.append(Entry(name: name, crc: crc, size: UInt32(data.count), offset: UInt32(offset)))
            offset += header.bytes.count + data.count
        }
        var directory = Bytes()
        for entry in entries {
            directory.u32(0x0201_4b50)
            directory.u16(0x0314)   // made by: Unix, 2.0
            directory.u16(20)
            directory.u16(1 << 11)
            directory.u16(0)
            directory.u16(0); directory.u16(0x21)
            directory.u32(entry.crc)
            directory.u32(entry.size); directory.u32(entry.size)
            directory.u16(UInt16(entry.name.count))
            directory.u16(0); directory.u16(0)  // extra, comment
            directory.u16(0); directory.u16(0)  // disk, internal attributes
            directory.u32(0o100644 << 16)       // external attributes: a regular file, rw-r--r--
            directory.u32(entry.offset)
            directory.bytes += entry.name
        }
        guard offset < Int(UInt32.max), entries.count < Int(UInt16.max) else { throw Failure.tooLarge(path) }
        var end = Bytes()
        end.u32(0x0605_4b50)
        end.u16(0); end.u16(0)
        end.u16(UInt16(entries.count)); end.u16(UInt16(entries.count))
        end.u32(UInt32(directory.bytes.count))
        end.u32(UInt32(offset))
        end.u16(0)
        try out.write(contentsOf: directory.bytes + end.bytes)
    }

    private struct Bytes {
        var bytes: [UInt8] = []
        mutating func u16(_ value: UInt16) { bytes += [UInt8(value & 0xff), UInt8(value >> 8)] }
        mutating func u32(_ value: UInt32) { u16(UInt16(value & 0xffff)); u16(UInt16(value >> 16)) }
    }
}

/// CRC-32 (IEEE 802.3, the ZIP one).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { buffer in
            for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
