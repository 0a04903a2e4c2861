#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why decoding stopped before the end of the file.
enum DecodeProblem: Equatable, Sendable {
    /// Bytes that are not valid in the encoding: binary junk, another encoding, a truncated character.
    case invalidBytes
    /// A NUL byte, which no text roster holds (binary data, or UTF-16 read as something else).
    case nulByte
    /// The file ends inside a character: a download or copy cut short.
    case truncatedCharacter
}

/// Turns a file of UTF-8, UTF-16 or GB18030 into a stream of valid UTF-8 blocks.
///
/// It decides the encoding from the first `window` bytes (BOM, override, UTF-16 zero pattern, strict UTF-8),
/// and when those are plain ASCII it waits for the first non-ASCII byte and decides there, looking `window`
/// bytes ahead. Decisions depend on the bytes only, never on where blocks happen to end. It stops at the first
/// byte that does not decode rather than passing on replacement characters: text is never garbled silently.
final class TextDecoder {
    private let source: FileSource
    private let override: EncodingOverride?
    private let window: Int

    private(set) var encoding: TextEncoding = .utf8
    /// True when the encoding was a fallback guess (GB18030 after failed UTF-8, UTF-16 without BOM).
    private(set) var guessed = false
    /// Set when the file is a known non-text format; nothing is decoded then.
    private(set) var foreign: ForeignFormat?
    /// Set when decoding stopped at an undecodable byte or a NUL.
    private(set) var problem: DecodeProblem?
    /// True when the input ended before any byte (an empty file).
    private(set) var isEmpty = false
    /// For a file guessed as GB18030 whose first bytes are good UTF-8 Chinese: the line of the first byte that
    /// is not UTF-8. Should GB18030 fail too, the file was pasted together from two encodings.
    private(set) var firstNonUTF8Line: Int?

    /// Raw bytes read but not decoded yet: the sniffed prefix, or bytes held for an encoding decision.
    private let pending = ByteBuffer(capacity: 1 << 16)
    private var asciiSoFar = false
    private var decisionPending = false
    private var finished = false
    private var validator = UTF8Validator()
    private var converter: IconvConverter?
    private var converted: [UInt8] = []

    init(source: FileSource, override: EncodingOverride?, window: Int = 64 << 10) {
        self.source = source
        self.override = override
        self.window = max(window, 16)
    }

    /// A decoder for the rest of a file whose encoding its first part settled: no sniffing, no BOM.
    convenience init(source: FileSource, continuing encoding: TextEncoding, displayName: String) throws(ImportError) {
        self.init(source: source, override: nil)
        try settle(encoding, guessed: false, displayName: displayName)
    }

    /// True once the encoding is known for every later byte: text (not a foreign format, not empty) whose
    /// first non-ASCII byte has been seen.
    var isSettled: Bool { foreign == nil && !isEmpty && !asciiSoFar && !decisionPending }

    /// Decodes on after the source's limit was lifted (`FileSource.readOn`): the end that `run` met was
    /// the limit, at a line end, where no character is left half decoded.
    func resume() {
        guard problem == nil else { return }
        finished = false
    }

    /// Reads the first bytes and decides what they are.
    func start(displayName: String) throws(ImportError) {
        try fill(upTo: window)
        if pending.isEmpty {
            isEmpty = true
            finished = true
            return
        }
        if let format = ForeignFormat.detect(pending.bytes) {
            foreign = format
            finished = true
            return
        }
        let prefix = UnsafeRawBufferPointer(start: pending.base, count: min(pending.count, window))
        let wholeFile = source.reachedEnd && pending.count <= window
        switch EncodingSniffer.sniff(prefix, wholeFile: wholeFile, override: override) {
        case .settled(let encoding, let bomLength, let guessed):
            if encoding == .gb18030 && guessed { firstNonUTF8Line = TextDecoder.firstNonUTF8Line(prefix) }
            try settle(encoding, guessed: guessed, displayName: displayName)
            pending.removeFirst(bomLength)
        case .asciiSoFar:
            asciiSoFar = true
            encoding = .utf8
        }
        converted.reserveCapacity(encoding.iconvName == nil ? 0 : 2 * FileSource.defaultBlockSize + 64)
    }

    /// Hands each decoded block to `sink` until the end, a problem, or `sink` returning false.
    /// The bytes passed to `sink` are valid UTF-8 without NUL and live only during the call.
    func run(displayName: String, _ sink: (UnsafeRawBufferPointer) -> Bool) throws(ImportError) {
        while !finished {
            if decisionPending {
                try decideAtFirstNonASCII(displayName: displayName)
            }
            if !pending.isEmpty {
                let (consumed, go) = process(pending.bytes, sink)
                pending.removeFirst(consumed)
                if !go { finished = true }
                continue
            }
            let block = try source.nextBlock()
            if block.count == 0 {
                finishDecoding(sink)
                finished = true
                return
            }
            let (consumed, go) = process(block, sink)
            if consumed < block.count {
                pending.append(UnsafeRawBufferPointer(rebasing: block[consumed...]))
            }
            if !go { finished = true }
        }
    }

    // MARK: - Steps

    private func fill(upTo target: Int) throws(ImportError) {
        while pending.count < target && !source.reachedEnd {
            let block = try source.nextBlock()
            pending.append(block)
        }
    }

    private func settle(_ encoding: TextEncoding, guessed: Bool, displayName: String) throws(ImportError) {
        self.encoding = encoding
        self.guessed = guessed
        guard let name = encoding.iconvName else { return }
        do {
            let converter = try IconvConverter(from: name)
            converter.decodesLoneByte80AsEuro = encoding == .gb18030
            converter.usesGB18030Table = encoding == .gb18030
            self.converter = converter
        } catch {
            throw ImportError(file: displayName,
                              message: "本机的 iconv 不支持 \(name) 编码（缺少 glibc 的 gconv 模块）；请安装完整的 libc6 后重试。")
        }
    }

    /// `pending` starts with the first non-ASCII byte of the file: look `window` bytes ahead and choose.
    private func decideAtFirstNonASCII(displayName: String) throws(ImportError) {
        decisionPending = false
        asciiSoFar = false
        try fill(upTo: window)
        let ahead = UnsafeRawBufferPointer(start: pending.base, count: min(pending.count, window))
        let wholeRest = source.reachedEnd && pending.count <= window
        let utf8 = UTF8Validator.looksLikeUTF8(ahead, allowTruncatedEnd: !wholeRest)
        try settle(utf8 ? .utf8 : .gb18030, guessed: !utf8, displayName: displayName)
    }

    /// Decodes `input`; returns how many bytes were consumed and whether to go on.
    private func process(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) -> Bool)
        -> (consumed: Int, go: Bool)
    {
        if asciiSoFar {
            let ascii = TextDecoder.asciiPrefixLength(input)
            let go = emit(UnsafeRawBufferPointer(rebasing: input[..<ascii]), sink)
            if ascii < input.count { decisionPending = true }
            return (ascii, go)
        }
        guard let converter else {
            if let bad = validator.validate(input) {
                _ = emit(UnsafeRawBufferPointer(rebasing: input[..<bad]), sink)
                problem = .invalidBytes
                return (input.count, false)
            }
            return (input.count, emit(input, sink))
        }
        converted.removeAll(keepingCapacity: true)
        let invalidBefore = converter.invalidBytes
        converter.convert(input, final: false, into: &converted)
        return (input.count, emitConverted(invalidBefore: invalidBefore, sink))
    }

    private func finishDecoding(_ sink: (UnsafeRawBufferPointer) -> Bool) {
        if let converter {
            let cut = converter.holdsPartialCharacter
            converted.removeAll(keepingCapacity: true)
            let invalidBefore = converter.invalidBytes
            converter.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &converted)
            _ = emitConverted(invalidBefore: invalidBefore, sink)
            if cut && problem == .invalidBytes { problem = .truncatedCharacter }
        } else if validator.isMidSequence {
            problem = .truncatedCharacter
        }
    }

    /// Emits iconv's output, cut before the first replacement character when this block had invalid bytes.
    private func emitConverted(invalidBefore: Int, _ sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let hadInvalid = (converter?.invalidBytes ?? 0) > invalidBefore
        return converted.withUnsafeBytes { out in
            guard hadInvalid else { return emit(out, sink) }
            let cut = TextDecoder.firstReplacementCharacter(out) ?? out.count
            _ = emit(UnsafeRawBufferPointer(rebasing: out[..<cut]), sink)
            problem = .invalidBytes
            return false
        }
    }

    /// Passes bytes on, stopping before a NUL.
    private func emit(_ bytes: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        if let nul = memchr(base, 0, bytes.count) {
            let clean = base.distance(to: UnsafeRawPointer(nul))
            if clean > 0 { _ = sink(UnsafeRawBufferPointer(start: base, count: clean)) }
            problem = .nulByte
            return false
        }
        return sink(bytes)
    }

    /// The line of the first byte that is not UTF-8, when at least three characters of multibyte UTF-8 come before it
    /// (GBK text is seldom valid UTF-8 for that long).
    static func firstNonUTF8Line(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var validator = UTF8Validator()
        guard let bad = validator.validate(bytes), validator.multibyteBytes >= 9 else { return nil }
        var line = 1
        for index in 0..<bad {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
        }
        return line
    }

    static func asciiPrefixLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var i = 0
        while i + 8 <= bytes.count {
            if UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < bytes.count && p[i] < 0x80 { i += 1 }
        return i
    }

    /// Offset of the first U+FFFD (EF BF BD), which is where iconv replaced an invalid byte.
    static func firstReplacementCharacter(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 3 else { return nil }
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return i }
            i += 1
        }
        return nil
    }
}
