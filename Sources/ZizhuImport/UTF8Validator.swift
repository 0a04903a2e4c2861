/// A strict, streaming UTF-8 validator (no overlongs, no surrogates, nothing above U+10FFFF).
/// It keeps the state of a sequence split across blocks, so blocks can end anywhere.
struct UTF8Validator {
    /// Continuation bytes still expected by the current sequence.
    private var needed = 0
    /// Allowed range of the next continuation byte (narrower right after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// True once any non-ASCII sequence has been seen.
    private(set) var sawMultibyte = false
    /// Bytes in complete, valid multi-byte sequences.
    private(set) var multibyteBytes = 0
    private var sequenceLength = 0

    /// True when the input so far ends inside a sequence.
    var isMidSequence: Bool { needed > 0 }

    /// Validates the next block; returns the offset of the first invalid byte, or nil when all is well.
    mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let raw = bytes.baseAddress else { return nil }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        let n = bytes.count
        var i = 0
        while i < n {
            if needed == 0 {
                // ASCII runs are most of a roster: test 8 bytes at a time.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                if i >= n { break }
                let b = p[i]
                i += 1
                if b < 0x80 { continue }
                sawMultibyte = true
                switch b {
                case 0xC2...0xDF: needed = 1; lower = 0x80; upper = 0xBF
                case 0xE0: needed = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2; lower = 0x80; upper = 0xBF
                case 0xED: needed = 2; lower = 0x80; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: needed = 3; lower = 0x80; upper = 0xBF
                case 0xF4: needed = 3; lower = 0x80; upper = 0x8F
                default: return i - 1
                }
                sequenceLength = needed + 1
            } else {
                let b = p[i]
                if b < lower || b > upper {
                    needed = 0
                    return i
                }
                lower = 0x80
                upper = 0xBF
                needed -= 1
                i += 1
                if needed == 0 { multibyteBytes += sequenceLength }
            }
        }
        return nil
    }

    /// How UTF-8-like a buffer is: bytes in valid multi-byte sequences, and the number of invalid spots
    /// (scanning on past each). UTF-8 with a damaged byte scores high; GBK text, whose byte pairs only now and
    /// then happen to form a valid UTF-8 sequence, scores low.
    static func evidence(_ bytes: UnsafeRawBufferPointer) -> (multibyteBytes: Int, invalid: Int) {
        var offset = 0
        var multibyte = 0
        var invalid = 0
        while offset < bytes.count {
            var validator = UTF8Validator()
            let bad = validator.validate(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            multibyte += validator.multibyteBytes
            guard let bad else { break }
            invalid += 1
            offset += bad + 1
        }
        return (multibyte, invalid)
    }

    /// Text that is valid UTF-8, or clearly UTF-8 with a few damaged bytes (at least 8 bytes of valid
    /// multi-byte sequences per invalid spot): reading that as GB18030 would garble it.
    static func looksLikeUTF8(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> Bool {
        let check = isValid(bytes, allowTruncatedEnd: allowTruncatedEnd)
        if check.valid { return true }
        let evidence = evidence(bytes)
        return evidence.multibyteBytes >= 8 && evidence.multibyteBytes >= 8 * evidence.invalid
    }

    /// Whole-buffer check: valid UTF-8, with an unfinished sequence at the end allowed when `allowTruncatedEnd`.
    static func isValid(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool) -> (valid: Bool, multibyte: Bool) {
        var validator = UTF8Validator()
        if validator.validate(bytes) != nil { return (false, validator.sawMultibyte) }
        return (allowTruncatedEnd || !validator.isMidSequence, validator.sawMultibyte)
    }
}
