extension String {
    /// The text without surrounding blanks, without allocating or looking up Unicode properties when there
    /// are none (the import already trims cells; this is the cheap guard the rules run on every row).
    var trimmedForRules: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80 && last < 0x80 && !String.isASCIIBlank(first) && !String.isASCIIBlank(last) { return self }
        guard let head = unicodeScalars.first, let tail = unicodeScalars.last else { return self }
        if String.isBlank(head) || String.isBlank(tail) { return trimmingWhitespace() }
        return self
    }

    private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// True when some UTF-8 byte passes the test (a plain loop over contiguous storage).
    @inline(__always)
    func containsByte(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }

    /// True when this text is `letter` (ASCII, either case) followed by exactly the bytes of `rest`:
    /// `G` + the ID cell, without building substrings.
    func isLetter(_ letter: UInt8, followedBy rest: String) -> Bool {
        guard utf8.count == rest.utf8.count + 1 else { return false }
        let result: Bool?? = utf8.withContiguousStorageIfAvailable { a in
            rest.utf8.withContiguousStorageIfAvailable { b in
                guard a[0] | 0x20 == letter | 0x20 else { return false }
                for i in 0..<b.count where a[i + 1] != b[i] { return false }
                return true
            }
        }
        if let result = result ?? nil { return result }
        return utf8.first.map { $0 | 0x20 == letter | 0x20 } == true && utf8.dropFirst().elementsEqual(rest.utf8)
    }

    /// Byte equality: what "the same cell" means here (cells come normalised from the import). Much cheaper
    /// than `==`, which compares Chinese text through Unicode normalisation.
    func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast: Bool?? = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                for i in 0..<a.count where a[i] != b[i] { return false }
                return true
            }
        }
        if let fast = fast ?? nil { return fast }
        return utf8.elementsEqual(other.utf8)
    }
}

/// A string hashed and compared by its UTF-8 bytes, for the hash maps the rules fill on every row: Swift
/// hashes non-ASCII `String`s through Unicode normalisation, which costs more than the rest of a rule.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.text.sameBytes(b.text) }

    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}

extension StringProtocol {
    /// Runs `body` over the UTF-8 bytes in contiguous storage: a plain loop over a buffer costs a few
    /// instructions per byte, iterating `utf8` dozens. Only text that is not contiguous is copied first.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return copy.withUTF8(body)
    }
}
