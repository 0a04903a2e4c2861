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
                    let high = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian
                        & 0x8080_8080_8080_8080
                    if high != 0 {
                        // Straight to the first non-ASCII byte of the word.
                        i += high.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
                if i >= n { break }
                let b = p[i]
                if b < 0x80 {
                    i += 1
                    continue
                }
                sawMultibyte = true
                // The common CJK case, runs of whole 3-byte sequences inside the block (lead E1–EC or EE–EF, where
                // any continuation byte is allowed): a word per character, lead and continuation bits at once.
                var run = 0
                while i + 4 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self).littleEndian
                    let lead = word & 0xFF
                    guard lead >= 0xE1 && lead <= 0xEF && lead != 0xED, word & 0x00C0_C000 == 0x0080_8000 else { break }
                    run += 3
                    i += 3
                }
                if run > 0 {
                    multibyteBytes += run
                    continue
                }
                if i + 2 < n, (b >= 0xE1 && b <= 0xEC) || b >= 0xEE && b <= 0xEF,
                   p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
                    multibyteBytes += 3
                    i += 3
                    continue
                }
                i += 1
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
