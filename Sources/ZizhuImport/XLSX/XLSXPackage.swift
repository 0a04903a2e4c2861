import Foundation
import ZIPFoundation

/// Bounds on what a package may make the reader inflate and hold. Tests lower them to stay fast.
struct XLSXReadLimits: Sendable {
    /// No part may declare or inflate to more than this (a full 1,048,576-row sheet stays well below).
    var maxPartBytes: UInt64 = 1 << 30
    /// Deflate cannot exceed about 1032:1; real sheets stay far below 1000:1 …
    var maxCompressionRatio: UInt64 = 1000
    /// … and the ratio is only judged once a part has inflated past this size.
    var ratioCheckMinimumBytes: UInt64 = 16 << 20
    /// The longest single tag or text run held in memory.
    var maxTokenBytes: Int = 16 << 20
    /// Inflate buffer size: the unit in which rows are streamed.
    var chunkSize: Int = 64 << 10

    static let standard = XLSXReadLimits()
}

/// The ZIP package of a workbook: its entries by part name, and bounded, chunked reading of one part.
/// `XLSXZipDirectory` lists the archive and the reader positions and bounds the compressed bytes; ZIPFoundation
/// only inflates.
final class XLSXPackage {
    let path: String
    let limits: XLSXReadLimits
    private let file: FileHandle
    private let fileSize: UInt64
    /// Entries by lower-cased part name: OPC part names are case-insensitive, and some writers use `\`.
    private let entries: [String: XLSXZipDirectory.Record]

    init(path: String, limits: XLSXReadLimits) throws(XLSXReadError) {
        self.path = path
        self.limits = limits
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw XLSXReadError(.unreadable, file: path, detail: "文件不存在")
        }
        guard !isDirectory.boolValue else { throw XLSXReadError(.unreadable, file: path, detail: "这是一个文件夹") }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw XLSXReadError(.unreadable, file: path, detail: "没有读取权限")
        }
        self.file = file
        let signature = (try? file.read(upToCount: 8)) ?? Data()
        if signature.starts(with: Self.compoundFileSignature) {
            throw XLSXReadError(Self.compoundFileMentionsEncryption(file) ? .encrypted : .legacyXLS, file: path)
        }
        guard signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) || signature.starts(with: [0x50, 0x4B, 0x05, 0x06])
        else {
            throw XLSXReadError(.notAZip, file: path)
        }
        let directory: XLSXZipDirectory
        do {
            fileSize = try file.seekToEnd()
            directory = try XLSXZipDirectory(file, fileSize: fileSize)
        } catch {
            throw XLSXReadError(.damagedZip, file: path, detail: "找不到 ZIP 目录，文件可能不完整")
        }
        // A ZIP password (rare; Office itself encrypts differently).
        if directory.records.contains(where: \.isEncrypted) { throw XLSXReadError(.encrypted, file: path) }
        var entries: [String: XLSXZipDirectory.Record] = [:]
        for record in directory.records where !record.isDirectory {
            let key = Self.key(record.path)
            if entries[key] == nil { entries[key] = record }
        }
        self.entries = entries
    }

    deinit { try? file.close() }

    func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

    /// Inflates one part chunk by chunk. Errors of `consume` pass through unchanged; damaged data, a checksum
    /// mismatch (when `verifyChecksum` and read to the end) or a part beyond the limits become an `XLSXReadError`.
    func read(_ part: String, verifyChecksum: Bool = true,
              _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let record = entries[Self.key(part)] else {
            throw XLSXReadError(.missingPart(part), file: path)
        }
        guard record.method == 0 || record.method == 8 else {
            throw XLSXReadError(.damagedZip, file: path, part: part, detail: "不支持的压缩方式 \(record.method)")
        }
        let declaredSize = record.uncompressedSize
        if declaredSize > limits.maxPartBytes {
            throw XLSXReadError(.tooLarge, file: path, part: part, detail: "声明大小 \(declaredSize / (1 << 20)) MiB")
        }
        let (ratioProduct, overflow) = max(record.compressedSize, 1).multipliedReportingOverflow(
            by: limits.maxCompressionRatio)
        let ratioBound = max(limits.ratioCheckMinimumBytes, overflow ? .max : ratioProduct)
        if declaredSize > ratioBound {
            throw XLSXReadError(.tooLarge, file: path, part: part, detail: "压缩比超过 \(limits.maxCompressionRatio):1")
        }
        var inflated: UInt64 = 0
        var checksum: UInt32 = 0
        func deliver(_ data: Data) throws {
            inflated += UInt64(data.count)
            // The declared size may lie. Stopping once inflating passes it bounds the work by the declared
            // size, which was just checked against both limits.
            if inflated > declaredSize {
                throw PassThrough(XLSXReadError(.tooLarge, file: path, part: part,
                                                detail: "解压后超过声明的 \(declaredSize) 字节"))
            }
            do {
                try data.withUnsafeBytes { bytes in
                    if verifyChecksum { checksum = XLSXChecksum.update(checksum, with: bytes) }
                    try consume(bytes)
                }
            } catch {
                throw PassThrough(error)
            }
        }
        do {
            let dataOffset = try XLSXZipDirectory.dataOffset(of: record, in: file, fileSize: fileSize)
            try file.seek(toOffset: dataOffset)
            var remaining = record.compressedSize
            let chunkSize = limits.chunkSize
            // Hands out the entry's compressed bytes and nothing past them.
            func nextCompressedChunk() throws -> Data {
                guard remaining > 0 else { throw CompressedDataEnded() }
                let count = Int(min(UInt64(chunkSize), remaining))
                let chunk = try file.read(upToCount: count) ?? Data()
                guard chunk.count == count else { throw CompressedDataEnded() }
                remaining -= UInt64(count)
                return chunk
            }
            if record.method == 0 {
                while remaining > 0 { try deliver(try nextCompressedChunk()) }
            } else {
                _ = try Data.decompress(size: Int64(record.compressedSize), bufferSize: chunkSize, skipCRC32: true,
                                        provider: { _, _ in
                    var chunk = try nextCompressedChunk()
                    // ZIPFoundation's inflate loop on Linux offers zlib a full buffer whatever the chunk's length;
                    // zeros after the last real byte keep it from reading past the chunk.
                    if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
                    return chunk
                }, consumer: deliver)
            }
        } catch let passed as PassThrough {
            throw passed.error
        } catch {
            throw XLSXReadError(.damagedZip, file: path, part: part, detail: "压缩数据无法解开")
        }
        if inflated != declaredSize || (verifyChecksum && checksum != record.checksum) {
            throw XLSXReadError(.damagedZip, file: path, part: part, detail: "校验和不符")
        }
    }

    /// Reads a whole part through `handler`; XML problems become errors naming `sheet` (or the part).
    func parse<Handler: XMLEventHandler>(_ part: String, sheet: String? = nil,
                                         into handler: inout Handler) throws(XLSXReadError) {
        var scanner = XMLScanner(maxTokenBytes: limits.maxTokenBytes)
        do {
            try read(part) { chunk in try scanner.feed(chunk, into: &handler) }
            try scanner.finish(into: &handler)
        } catch {
            throw mapParseError(error, part: part, sheet: sheet)
        }
    }

    /// Turns what a scan or handler throws into the reader's error, with the file and part.
    func mapParseError(_ error: any Error, part: String, sheet: String?) -> XLSXReadError {
        switch error {
        case let error as XLSXReadError:
            return error
        case let outOfRange as XLSXSharedStringOutOfRange:
            return XLSXReadError(.sharedStringOutOfRange(cell: outOfRange.cell), file: path, part: part)
        case let syntax as XMLSyntaxError:
            return XLSXReadError(.brokenXML(sheet: sheet ?? part, line: syntax.line), file: path, part: part,
                                 detail: syntax.reason)
        case is XMLDoctypeRefused:
            return XLSXReadError(.entityExpansion, file: path, part: part)
        case is XMLTokenTooLarge:
            return XLSXReadError(.tooLarge, file: path, part: part,
                                 detail: "单个 XML 片段超过 \(limits.maxTokenBytes / (1 << 20)) MiB")
        default:
            return XLSXReadError(.brokenXML(sheet: sheet ?? part, line: nil), file: path, part: part)
        }
    }

    private static func key(_ entryPath: String) -> String {
        var normalized = entryPath.replacingOccurrences(of: "\\", with: "/").lowercased()
        while normalized.hasPrefix("/") { normalized.removeFirst() }
        return normalized
    }

    /// Carries an error of ours through ZIPFoundation's consumer, so it is not mistaken for damaged data.
    private struct PassThrough: Error {
        let error: any Error
        init(_ error: any Error) { self.error = error }
    }

    /// The entry's compressed bytes ran out before the deflate stream ended.
    private struct CompressedDataEnded: Error {}

    // MARK: OLE2 compound files (.xls, or an encrypted .xlsx)

    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// An encrypted OOXML file is a compound file with the streams `EncryptionInfo` and `EncryptedPackage`; their
    /// names sit in the directory as UTF-16LE. A bounded scan for "Encrypt" tells it from a legacy `.xls`.
    private static func compoundFileMentionsEncryption(_ handle: FileHandle) -> Bool {
        let needle = Array("Encrypt".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        var carry: [UInt8] = []
        var scanned = 0
        try? handle.seek(toOffset: 0)
        while scanned < 256 << 20, let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            scanned += chunk.count
            let window = carry + chunk
            if window.firstRange(of: needle) != nil { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
        return false
    }
}
