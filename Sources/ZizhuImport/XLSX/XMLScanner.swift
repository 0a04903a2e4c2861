#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small incremental XML tokenizer for the parts of an XLSX package. It is fed the inflated bytes chunk by
// chunk, so memory stays at one chunk plus the longest single token; it never builds a tree. It checks what a
// reader needs to trust the data (tags nest and match, the document ends with its root closed) and refuses any
// DOCTYPE, so entities are never declared, let alone expanded.

/// A syntax problem in an XML part. `reason` is a short Chinese phrase without cell contents.
struct XMLSyntaxError: Error {
    var reason: String
    var line: Int?
}

/// The part declares a DTD (the door to entity expansion attacks such as "billion laughs").
struct XMLDoctypeRefused: Error {}

/// One token (a tag or a text run) is longer than the scanner is willing to hold in memory.
struct XMLTokenTooLarge: Error {}

/// Receives the events of a part. Raw byte views are valid only during the call.
protocol XMLEventHandler {
    mutating func startElement(_ tag: XMLTag) throws
    mutating func endElement(_ name: XMLName) throws
    /// A text run between tags, still escaped unless `isCDATA`.
    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws
}

/// The qualified name of an element or attribute, as bytes.
struct XMLName {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The name after any namespace prefix (`x:row` → `row`): writers differ in the prefixes they use.
    var localName: UnsafeBufferPointer<UInt8> {
        guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
    }

    var hasPrefix: Bool { bytes.contains(UInt8(ascii: ":")) }

    func isLocal(_ expected: StaticString) -> Bool {
        XMLBytes.equal(localName, expected)
    }
}

/// A start tag: its name and its attributes, parsed on demand.
struct XMLTag {
    /// The bytes between `<` and `>`, without a trailing `/`.
    let bytes: UnsafeBufferPointer<UInt8>
    let name: XMLName

    func isLocal(_ expected: StaticString) -> Bool { name.isLocal(expected) }

    /// Calls `body` with each attribute's name and raw (still escaped) value.
    func forEachAttribute(_ body: (XMLName, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var index = name.bytes.count
        let count = bytes.count
        while true {
            while index < count, XMLBytes.isSpace(bytes[index]) { index += 1 }
            if index == count { return }
            let nameStart = index
            while index < count, bytes[index] != UInt8(ascii: "="), !XMLBytes.isSpace(bytes[index]) { index += 1 }
            let attributeName = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
            while index < count, XMLBytes.isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "="), !attributeName.isEmpty else {
                throw XMLSyntaxError(reason: "属性格式错误")
            }
            index += 1
            while index < count, XMLBytes.isSpace(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw XMLSyntaxError(reason: "属性值缺少引号")
            }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < count, bytes[index] != quote { index += 1 }
            guard index < count else { throw XMLSyntaxError(reason: "属性值缺少结束引号") }
            try body(XMLName(bytes: attributeName), UnsafeBufferPointer(rebasing: bytes[valueStart..<index]))
            index += 1
        }
    }

    /// The decoded value of the first attribute with this local name and no prefix.
    func attribute(_ localName: StaticString) throws -> String? {
        var found: String?
        try forEachAttribute { attributeName, raw in
            if found == nil, !attributeName.hasPrefix, attributeName.isLocal(localName) {
                found = try XMLText.decodeString(raw)
            }
        }
        return found
    }
}

/// The tokenizer. Feed it chunks, then call `finish`.
struct XMLScanner {
    /// The longest tag or text run it holds while waiting for the rest (Excel caps a cell at 32,767 characters).
    var maxTokenBytes: Int

    private var buffer: [UInt8] = []
    private var lineAtBufferStart = 1
    private var atDocumentStart = true
    /// Names of the open elements, concatenated; `openNameEnds` marks where each ends.
    private var openNames: [UInt8] = []
    private var openNameEnds: [Int] = []
    private var rootClosed = false
    private var sawRoot = false

    init(maxTokenBytes: Int = 16 << 20) {
        self.maxTokenBytes = maxTokenBytes
    }

    mutating func feed<Handler: XMLEventHandler>(_ chunk: UnsafeRawBufferPointer,
                                                  into handler: inout Handler) throws {
        buffer.append(contentsOf: chunk)
        if atDocumentStart {
            guard try consumeByteOrderMark() else { return }
        }
        try scanBuffer(into: &handler)
        if buffer.count > maxTokenBytes { throw XMLTokenTooLarge() }
    }

    mutating func finish<Handler: XMLEventHandler>(into handler: inout Handler) throws {
        if atDocumentStart {
            _ = try consumeByteOrderMark(isFinal: true)
        }
        try scanBuffer(into: &handler)
        let leftover = buffer.contains { !XMLBytes.isSpace($0) }
        if leftover || !openNameEnds.isEmpty || !sawRoot {
            throw XMLSyntaxError(reason: "文件不完整，在中途结束", line: lineAtBufferStart + newlineCount(buffer[...]))
        }
    }

    /// Strips a UTF-8 byte order mark; refuses UTF-16 parts (Office writes UTF-8). Returns false to wait for bytes.
    private mutating func consumeByteOrderMark(isFinal: Bool = false) throws -> Bool {
        if buffer.count < 3 && !isFinal { return false }
        atDocumentStart = false
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
            buffer.removeFirst(3)
        } else if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
            throw XMLSyntaxError(reason: "不支持 UTF-16 编码的 XML", line: 1)
        }
        return true
    }

    private mutating func scanBuffer<Handler: XMLEventHandler>(into handler: inout Handler) throws {
        var consumed = 0
        var failure: (any Error)?
        do {
            // A second reference to the storage (no copy): the scan mutates other state of `self`.
            let pending = buffer
            pending.withUnsafeBufferPointer { bytes in
                var index = 0
                do {
                    try scan(bytes, from: &index, into: &handler)
                } catch {
                    failure = error
                }
                consumed = index
            }
        }
        let failureOffset = consumed
        if var syntax = failure as? XMLSyntaxError {
            syntax.line = lineAtBufferStart + newlineCount(buffer[..<failureOffset])
            throw syntax
        }
        if let failure { throw failure }
        lineAtBufferStart += newlineCount(buffer[..<consumed])
        buffer.removeSubrange(..<consumed)
    }

    /// Tokenizes from `index` until a token is incomplete; `index` ends at the first unconsumed byte.
    private mutating func scan<Handler: XMLEventHandler>(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int,
                                                         into handler: inout Handler) throws {
        let count = bytes.count
        while index < count {
            if bytes[index] != UInt8(ascii: "<") {
                guard let lessThan = XMLBytes.find(UInt8(ascii: "<"), in: bytes, from: index) else { return }
                if !openNameEnds.isEmpty {
                    try handler.characters(UnsafeBufferPointer(rebasing: bytes[index..<lessThan]), isCDATA: false)
                } else if bytes[index..<lessThan].contains(where: { !XMLBytes.isSpace($0) }) {
                    throw XMLSyntaxError(reason: "根元素之外有文字")
                }
                index = lessThan
                continue
            }
            guard index + 1 < count else { return }
            switch bytes[index + 1] {
            case UInt8(ascii: "/"):
                guard let greaterThan = XMLBytes.find(UInt8(ascii: ">"), in: bytes, from: index + 2) else { return }
                var nameEnd = greaterThan
                while nameEnd > index + 2, XMLBytes.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
                let name = UnsafeBufferPointer(rebasing: bytes[(index + 2)..<nameEnd])
                try closeElement(named: name)
                try handler.endElement(XMLName(bytes: name))
                index = greaterThan + 1
            case UInt8(ascii: "?"):
                guard let end = XMLBytes.find("?>", in: bytes, from: index + 2) else { return }
                index = end + 2
            case UInt8(ascii: "!"):
                guard let next = try scanMarkupDeclaration(bytes, at: index, into: &handler) else { return }
                index = next
            default:
                guard let next = try scanStartTag(bytes, at: index, into: &handler) else { return }
                index = next
            }
        }
    }

    /// Comments, CDATA sections and (refused) DTDs. Returns nil when the declaration is not complete yet.
    private mutating func scanMarkupDeclaration<Handler: XMLEventHandler>(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into handler: inout Handler
    ) throws -> Int? {
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        if XMLBytes.hasPrefix(rest, "<!--") {
            guard let end = XMLBytes.find("-->", in: bytes, from: start + 4) else { return nil }
            return end + 3
        }
        if XMLBytes.hasPrefix(rest, "<![CDATA[") {
            guard let end = XMLBytes.find("]]>", in: bytes, from: start + 9) else { return nil }
            guard !openNameEnds.isEmpty else { throw XMLSyntaxError(reason: "根元素之外有 CDATA") }
            try handler.characters(UnsafeBufferPointer(rebasing: bytes[(start + 9)..<end]), isCDATA: true)
            return end + 3
        }
        // Not enough bytes yet to tell a comment or CDATA from a declaration.
        if rest.count < 9, "<![CDATA[".utf8.starts(with: rest) || "<!--".utf8.starts(with: rest) { return nil }
        if rest.count >= 3, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(rest[2]) {
            throw XMLDoctypeRefused()
        }
        throw XMLSyntaxError(reason: "无法识别的 <! 标记")
    }

    /// A start or empty-element tag. Returns nil when the tag is not complete yet.
    private mutating func scanStartTag<Handler: XMLEventHandler>(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into handler: inout Handler
    ) throws -> Int? {
        let count = bytes.count
        var index = start + 1
        var quote: UInt8 = 0
        while index < count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            } else if byte == UInt8(ascii: "<") {
                throw XMLSyntaxError(reason: "标签没有结束")
            }
            index += 1
        }
        guard index < count else { return nil }
        let greaterThan = index
        let isEmptyElement = greaterThan > start + 1 && bytes[greaterThan - 1] == UInt8(ascii: "/")
        let contentEnd = isEmptyElement ? greaterThan - 1 : greaterThan
        let content = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<contentEnd])
        var nameLength = 0
        while nameLength < content.count, !XMLBytes.isSpace(content[nameLength]) { nameLength += 1 }
        guard nameLength > 0, XMLBytes.isNameStart(content[0]) else { throw XMLSyntaxError(reason: "标签名无效") }
        if rootClosed { throw XMLSyntaxError(reason: "根元素之后还有内容") }
        let name = XMLName(bytes: UnsafeBufferPointer(rebasing: content[..<nameLength]))
        let tag = XMLTag(bytes: content, name: name)
        sawRoot = true
        if isEmptyElement {
            try handler.startElement(tag)
            try handler.endElement(name)
            if openNameEnds.isEmpty { rootClosed = true }
        } else {
            openNames.append(contentsOf: name.bytes)
            openNameEnds.append(openNames.count)
            try handler.startElement(tag)
        }
        return greaterThan + 1
    }

    private mutating func closeElement(named name: UnsafeBufferPointer<UInt8>) throws {
        guard let end = openNameEnds.last else { throw XMLSyntaxError(reason: "多余的结束标签") }
        let start = openNameEnds.count > 1 ? openNameEnds[openNameEnds.count - 2] : 0
        let matches = end - start == name.count && openNames.withUnsafeBufferPointer { open in
            guard let openBase = open.baseAddress, let nameBase = name.baseAddress else { return name.isEmpty }
            return memcmp(openBase + start, nameBase, name.count) == 0
        }
        guard matches else { throw XMLSyntaxError(reason: "开始和结束标签不配对") }
        openNames.removeSubrange(start..<end)
        openNameEnds.removeLast()
        if openNameEnds.isEmpty { rootClosed = true }
    }

    private func newlineCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { view in
            var lines = 0
            var index = 0
            while let newline = XMLBytes.find(UInt8(ascii: "\n"), in: view, from: index) {
                lines += 1
                index = newline + 1
            }
            return lines
        }
    }
}

/// Byte helpers shared by the scanner and the handlers.
enum XMLBytes {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var index = start
        while let first = find(pattern[0], in: bytes, from: index) {
            guard first + pattern.count <= bytes.count else { return nil }
            if bytes[first..<(first + pattern.count)].elementsEqual(pattern) { return first }
            index = first + 1
        }
        return nil
    }

    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return bytes.count >= pattern.count && bytes[..<pattern.count].elementsEqual(pattern)
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        guard bytes.count == expected.utf8CodeUnitCount, let base = bytes.baseAddress else {
            return bytes.isEmpty && expected.utf8CodeUnitCount == 0
        }
        return memcmp(base, expected.utf8Start, bytes.count) == 0
    }
}

/// Decoding of escaped text: the five predefined entities, character references and line-end normalisation.
/// Named entities beyond the predefined five cannot exist without a DTD, which the scanner refuses.
enum XMLText {
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool = false,
                       appendingTo output: inout [UInt8]) throws {
        let count = raw.count
        var index = 0
        while index < count {
            // Plain runs are copied in one go; only `&` and CR need work.
            var runEnd = index
            while runEnd < count, raw[runEnd] != UInt8(ascii: "&") || isCDATA, raw[runEnd] != 0x0D { runEnd += 1 }
            if runEnd > index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<runEnd]))
                index = runEnd
                continue
            }
            let byte = raw[index]
            if byte == UInt8(ascii: "&") && !isCDATA {
                guard let semicolon = XMLBytes.find(UInt8(ascii: ";"), in: raw, from: index + 1),
                      semicolon - index <= 12 else {
                    throw XMLSyntaxError(reason: "字符引用格式错误")
                }
                let reference = UnsafeBufferPointer(rebasing: raw[(index + 1)..<semicolon])
                try appendReference(reference, to: &output)
                index = semicolon + 1
            } else if byte == 0x0D {
                // XML line-end normalisation: CR LF and a lone CR both become LF.
                output.append(0x0A)
                index += (index + 1 < count && raw[index + 1] == 0x0A) ? 2 : 1
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    static func decodeString(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        try decode(raw, appendingTo: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendReference(_ reference: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) throws {
        if XMLBytes.equal(reference, "lt") { output.append(UInt8(ascii: "<")); return }
        if XMLBytes.equal(reference, "gt") { output.append(UInt8(ascii: ">")); return }
        if XMLBytes.equal(reference, "amp") { output.append(UInt8(ascii: "&")); return }
        if XMLBytes.equal(reference, "quot") { output.append(UInt8(ascii: "\"")); return }
        if XMLBytes.equal(reference, "apos") { output.append(UInt8(ascii: "'")); return }
        guard reference.count >= 2, reference[0] == UInt8(ascii: "#") else {
            throw XMLSyntaxError(reason: "未声明的实体引用")
        }
        let isHex = reference[1] == UInt8(ascii: "x")
        let digits = reference[(isHex ? 2 : 1)...]
        guard !digits.isEmpty else { throw XMLSyntaxError(reason: "字符引用格式错误") }
        var value: UInt32 = 0
        for digit in digits {
            guard let digitValue = hexValue(digit), isHex || digitValue < 10 else {
                throw XMLSyntaxError(reason: "字符引用格式错误")
            }
            value = value * (isHex ? 16 : 10) + UInt32(digitValue)
            guard value <= 0x10FFFF else { throw XMLSyntaxError(reason: "字符引用超出范围") }
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { throw XMLSyntaxError(reason: "字符引用超出范围") }
        UTF8.encode(scalar) { output.append($0) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Undoes Office's `_xHHHH_` escapes (used for control characters such as `_x000D_`, and `_x005F_` for a
    /// literal underscore before `x`). A lone surrogate escape is left as written.
    static func unescapeOfficeString(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let unit = officeEscape(in: bytes, at: index) {
                if UTF16.isLeadSurrogate(unit), let trail = officeEscape(in: bytes, at: index + 7),
                   UTF16.isTrailSurrogate(trail) {
                    let scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                    if let scalar = Unicode.Scalar(scalarValue) { UTF8.encode(scalar) { output.append($0) } }
                    index += 14
                    continue
                }
                if let scalar = Unicode.Scalar(unit) {
                    UTF8.encode(scalar) { output.append($0) }
                    index += 7
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func officeEscape(in bytes: [UInt8], at index: Int) -> UInt16? {
        guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = hexValue(bytes[index + offset]) else { return nil }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }
}
