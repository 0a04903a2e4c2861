#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error from iconv: the conversion is unknown, or text cannot be represented in the target encoding.
public struct IconvError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// A streaming converter over glibc iconv. It owns the `iconv_t` handle and closes it in `deinit`.
/// Decoding never stops on bad input: each invalid byte becomes U+FFFD and is counted in `invalidBytes`,
/// so the caller can decide whether the guess was wrong.
public final class IconvConverter {
    private let handle: iconv_t
    public let from: String
    public let to: String
    /// Bytes that could not be converted (each replaced by U+FFFD when decoding to UTF-8).
    public private(set) var invalidBytes = 0
    /// A partial character carried from the end of one chunk to the next.
    private var carry: [UInt8] = []
    /// The input so far ends inside a character (which the next chunk may complete).
    public var holdsPartialCharacter: Bool { !carry.isEmpty }
    /// Windows CP936 writes € as the single byte 0x80, which glibc's GB18030 rejects. When set, a lone 0x80
    /// decodes to € instead of counting as invalid (TOOLCHAIN.md section 5).
    public var decodesLoneByte80AsEuro = false
    /// Decode GB18030 with `GB18030Table` where it can (only when `from` is GB18030 and `to` UTF-8).
    var usesGB18030Table = false

    public init(from: String, to: String = "UTF-8") throws {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) {
            throw IconvError(description: "iconv cannot convert \(from) to \(to)")
        }
        handle = cd!
        self.from = from
        self.to = to
    }

    deinit { iconv_close(handle) }

    /// Converts one chunk, appending to `output`. With `final`, a truncated character at the end counts as
    /// invalid; otherwise it is kept for the next chunk.
    public func convert(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) {
        if carry.isEmpty {
            if usesGB18030Table {
                convertByTable(input, final: final, into: &output)
            } else {
                convertBody(input, final: final, into: &output)
            }
        } else if usesGB18030Table, let boundary = input.firstIndex(where: { $0 < 0x30 }) {
            // Finish the split character with the input up to its first byte below 0x30, which no GB18030
            // character holds inside it; the rest goes by table again.
            var joined = carry
            joined.append(contentsOf: input[...boundary])
            carry.removeAll()
            joined.withUnsafeBytes { convertBody($0, final: final, into: &output) }
            convertByTable(UnsafeRawBufferPointer(rebasing: input[(boundary + 1)...]), final: final, into: &output)
        } else {
            var joined = carry
            joined.append(contentsOf: input)
            carry.removeAll()
            joined.withUnsafeBytes { convertBody($0, final: final, into: &output) }
        }
        if final { flush(into: &output) }
    }

    /// GB18030 by table, handing iconv only what the table lacks: a four-byte code, a stray byte, or the
    /// rest of the input from a byte it cannot place.
    private func convertByTable(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return }
        let count = input.count
        var read = 0
        while read < count {
            let before = output.count
            output.append(contentsOf: repeatElement(0, count: (count - read) * 2 + 8))
            let (stop, written) = output.withUnsafeMutableBufferPointer { out in
                GB18030Table.convert(base, from: read, count: count, into: out.baseAddress! + before)
            }
            output.removeLast(output.count - before - written)
            read = stop
            guard read < count else { return }
            let byte = base[read]
            if GB18030Table.isFourByteCode(base, at: read, count: count) {
                // Settled at once (an unassigned code is invalid now, not carried into the next block).
                convertBody(UnsafeRawBufferPointer(start: base + read, count: 4), final: true, into: &output)
                read += 4
            } else if byte == 0x80 || byte == 0xFF {
                // Never the start of a character: one byte, settled at once (€ or invalid).
                convertBody(UnsafeRawBufferPointer(start: base + read, count: 1), final: true, into: &output)
                read += 1
            } else {
                convertBody(UnsafeRawBufferPointer(start: base + read, count: count - read), final: final,
                            into: &output)
                return
            }
        }
    }

    private func convertBody(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
            mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        while inLeft > 0 {
            let before = output.count
            let room = max(inLeft * 2, 64)
            output.append(contentsOf: repeatElement(0, count: room))
            var outLeft = room
            let rc = output.withUnsafeMutableBytes { out -> Int in
                var outPtr: UnsafeMutablePointer<CChar>? = (out.baseAddress! + before)
                    .assumingMemoryBound(to: CChar.self)
                return iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
            }
            let err = errno
            output.removeLast(outLeft)
            if rc != -1 || err == E2BIG { continue }
            if err == EINVAL && !final {
                // A character split across chunks: keep its first bytes for the next call.
                carry = Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(inPtr!), count: inLeft))
                return
            }
            if decodesLoneByte80AsEuro, err == EILSEQ, let bad = inPtr, UInt8(bitPattern: bad.pointee) == 0x80 {
                output.append(contentsOf: [0xE2, 0x82, 0xAC])
                inPtr! += 1
                inLeft -= 1
                continue
            }
            // EILSEQ, or EINVAL at the very end: one bad byte, replaced and counted.
            invalidBytes += 1
            if to == "UTF-8" { output.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
            inPtr! += 1
            inLeft -= 1
        }
    }

    private func flush(into output: inout [UInt8]) {
        var room = 64
        var buffer = [UInt8](repeating: 0, count: room)
        buffer.withUnsafeMutableBytes { out in
            var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress!.assumingMemoryBound(to: CChar.self)
            _ = iconv(handle, nil, nil, &outPtr, &room)
        }
        output.append(contentsOf: buffer.prefix(64 - room))
        _ = iconv(handle, nil, nil, nil, nil)
    }

    /// Decodes a whole buffer to a String (for small inputs such as tests and policy files).
    public static func decode(_ bytes: [UInt8], from encoding: String) throws -> (text: String, invalidBytes: Int) {
        let converter = try IconvConverter(from: encoding)
        var out: [UInt8] = []
        bytes.withUnsafeBytes { converter.convert($0, final: true, into: &out) }
        return (String(decoding: out, as: UTF8.self), converter.invalidBytes)
    }

    /// Encodes text into `encoding` (GBK for bank files, GB18030 or UTF-16LE for generated samples).
    /// Throws when a character cannot be represented, naming it: never writes a silent `?`.
    public static func encode(_ text: String, to encoding: String) throws -> [UInt8] {
        let converter = try IconvConverter(from: "UTF-8", to: encoding)
        var out: [UInt8] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeBytes { converter.convert($0, final: true, into: &out) }
        if converter.invalidBytes > 0 {
            let bad = text.first { ch in
                (try? IconvConverter.encodeStrict(String(ch), to: encoding)) == nil
            }
            throw IconvError(description: "“\(bad.map(String.init) ?? "?")” cannot be written in \(encoding)")
        }
        utf8.removeAll()
        return out
    }

    private static func encodeStrict(_ text: String, to encoding: String) throws -> [UInt8] {
        let converter = try IconvConverter(from: "UTF-8", to: encoding)
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBytes { converter.convert($0, final: true, into: &out) }
        if converter.invalidBytes > 0 { throw IconvError(description: "unencodable") }
        return out
    }
}
