import Foundation

/// The ZIP central directory: each entry's name, sizes, checksum, compression method, flags and where its local
/// header sits. With the data offset known, the reader feeds ZIPFoundation's inflater exactly the entry's
/// compressed bytes; `Archive.extract` instead reads on to the end of the file and, on Linux, spins forever there
/// when a crafted stream never ends. ZIPFoundation's `Archive` is not used to list the entries either: opening one
/// leaks its path (fuzzing found it), and this directory already holds all the reader needs.
struct XLSXZipDirectory {
    struct Record {
        var name: [UInt8]
        var flags: UInt16
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        /// The CRC-32 of the uncompressed data (the central directory's copy, correct even when the entry has a
        /// data descriptor).
        var checksum: UInt32
        var localHeaderOffset: UInt64

        /// General purpose flag bit 0: the entry is encrypted with a ZIP password.
        var isEncrypted: Bool { flags & 1 != 0 }

        /// A folder entry, which holds no part.
        var isDirectory: Bool { name.last == UInt8(ascii: "/") || name.last == UInt8(ascii: "\\") }

        /// The entry's name: UTF-8 when it is valid UTF-8 (flag bit 11 or plain ASCII), else each byte as its
        /// own character, so distinct names stay distinct. OOXML part names are ASCII in practice.
        var path: String {
            if let text = String(validating: name, as: UTF8.self) { return text }
            return String(String.UnicodeScalarView(name.map { Unicode.Scalar($0) }))
        }
    }

    struct Malformed: Error {}

    private(set) var records: [Record] = []

    /// Reads the central directory (ZIP64 included) through `handle`; throws `Malformed` when it is not sound.
    init(_ handle: FileHandle, fileSize: UInt64) throws {
        let tailLength = min(fileSize, 22 + 0xFFFF)
        try handle.seek(toOffset: fileSize - tailLength)
        let tail = [UInt8](try handle.read(upToCount: Int(tailLength)) ?? Data())
        guard tail.count == Int(tailLength), tail.count >= 22,
              let end = (0...(tail.count - 22)).reversed().first(where: {
                  Self.uint32(tail, $0) == 0x0605_4B50
              }) else { throw Malformed() }
        var entryCount = UInt64(Self.uint16(tail, end + 10))
        var directorySize = UInt64(Self.uint32(tail, end + 12))
        var directoryOffset = UInt64(Self.uint32(tail, end + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            guard end >= 20, Self.uint32(tail, end - 20) == 0x0706_4B50 else { throw Malformed() }
            let zip64EndOffset = Self.uint64(tail, end - 12)
            guard fileSize >= 56, zip64EndOffset <= fileSize - 56 else { throw Malformed() }
            try handle.seek(toOffset: zip64EndOffset)
            let record = [UInt8](try handle.read(upToCount: 56) ?? Data())
            guard record.count == 56, Self.uint32(record, 0) == 0x0606_4B50 else { throw Malformed() }
            entryCount = Self.uint64(record, 32)
            directorySize = Self.uint64(record, 40)
            directoryOffset = Self.uint64(record, 48)
        }
        guard directoryOffset <= fileSize, directorySize <= fileSize - directoryOffset else { throw Malformed() }
        try handle.seek(toOffset: directoryOffset)
        let directory = [UInt8](try handle.read(upToCount: Int(directorySize)) ?? Data())
        guard directory.count == Int(directorySize) else { throw Malformed() }

        var position = 0
        while records.count < entryCount, position + 46 <= directory.count {
            guard Self.uint32(directory, position) == 0x0201_4B50 else { throw Malformed() }
            let nameLength = Int(Self.uint16(directory, position + 28))
            let extraLength = Int(Self.uint16(directory, position + 30))
            let commentLength = Int(Self.uint16(directory, position + 32))
            let nameStart = position + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw Malformed() }
            var uncompressedSize = UInt64(Self.uint32(directory, position + 24))
            var compressedSize = UInt64(Self.uint32(directory, position + 20))
            var offset = UInt64(Self.uint32(directory, position + 42))
            if uncompressedSize == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                // The ZIP64 extra field holds, in this order, only the values marked 0xFFFFFFFF above.
                var extra = extraStart
                while extra + 4 <= extraStart + extraLength {
                    let id = Self.uint16(directory, extra)
                    let size = Int(Self.uint16(directory, extra + 2))
                    guard extra + 4 + size <= extraStart + extraLength else { throw Malformed() }
                    if id == 0x0001 {
                        var field = extra + 4
                        let fieldEnd = extra + 4 + size
                        func nextValue() throws -> UInt64 {
                            guard field + 8 <= fieldEnd else { throw Malformed() }
                            defer { field += 8 }
                            return Self.uint64(directory, field)
                        }
                        if uncompressedSize == 0xFFFF_FFFF { uncompressedSize = try nextValue() }
                        if compressedSize == 0xFFFF_FFFF { compressedSize = try nextValue() }
                        if offset == 0xFFFF_FFFF { offset = try nextValue() }
                    }
                    extra += 4 + size
                }
            }
            records.append(Record(
                name: Array(directory[nameStart..<extraStart]), flags: Self.uint16(directory, position + 8),
                method: Self.uint16(directory, position + 10), compressedSize: compressedSize,
                uncompressedSize: uncompressedSize, checksum: Self.uint32(directory, position + 16),
                localHeaderOffset: offset))
            position = next
        }
        guard records.count == entryCount else { throw Malformed() }
    }

    /// The offset of an entry's data: after its local header, whose name and extra lengths may differ from the
    /// central directory's.
    static func dataOffset(of record: Record, in handle: FileHandle, fileSize: UInt64) throws -> UInt64 {
        guard fileSize >= 30, record.localHeaderOffset <= fileSize - 30 else { throw Malformed() }
        try handle.seek(toOffset: record.localHeaderOffset)
        let header = [UInt8](try handle.read(upToCount: 30) ?? Data())
        guard header.count == 30, uint32(header, 0) == 0x0403_4B50 else { throw Malformed() }
        let dataOffset = record.localHeaderOffset + 30 + UInt64(uint16(header, 26)) + UInt64(uint16(header, 28))
        guard dataOffset <= fileSize, record.compressedSize <= fileSize - dataOffset else { throw Malformed() }
        return dataOffset
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}
