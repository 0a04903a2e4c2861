/// Word-at-a-time byte tests (SWAR): eight bytes per step for the checks that run on every field. Shared by the
/// import, the rules and the bank file (`package`: not part of zizhu's library interface).
package enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when some byte of `word` is below `limit` (limit ≤ 0x80).
    @inline(__always)
    package static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    @inline(__always)
    package static func load(_ p: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(p + offset).loadUnaligned(as: UInt64.self)
    }

    /// True when any byte is a control character (below 0x0E: tab, LF, CR and the like). A field without
    /// one holds no line break, so the exact count can be skipped.
    @inline(__always)
    package static func mayHoldControl(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if hasByteBelow(load(p, i), 0x0E) { return true }
            i += 8
        }
        while i < n {
            if p[i] < 0x0E { return true }
            i += 1
        }
        return false
    }

    /// True when all eight bytes are ASCII printable (0x20–0x7E).
    @inline(__always)
    package static func isPrintableASCII(_ word: UInt64) -> Bool {
        word & highBits == 0 && !hasByteBelow(word, 0x20) && !hasByteBelow(word ^ 0x7F7F_7F7F_7F7F_7F7F, 1)
    }

    /// True when all eight bytes are ASCII digits.
    @inline(__always)
    package static func isDigits(_ word: UInt64) -> Bool {
        // High nibbles all 3 (0x30–0x3F), and no low nibble above 9 (adding 6 would carry into bit 4).
        word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
            && ((word & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 == 0
    }

    /// True when all eight bytes are ASCII digits or capital letters (0–9, A–Z): an identifier's bytes.
    @inline(__always)
    package static func isDigitsOrCapitals(_ word: UInt64) -> Bool {
        guard word & highBits == 0, !hasByteBelow(word, 0x30), !hasByteBelow(word ^ 0x7F7F_7F7F_7F7F_7F7F, 0x25)
        else { return false }  // some byte is not ASCII, below "0" or above "Z"
        // Bytes now 0x30–0x5A: adding 0x46 keeps digits below 0x80 and lifts 0x3A–0x40 to 0x80–0x86,
        // letters to 0x87 and up (no carry between bytes). Digit bytes get 0x40 so that only 0x80–0x86 land
        // below 7 in `low`.
        let lifted = word &+ 0x4646_4646_4646_4646
        let low = (lifted & 0x7F7F_7F7F_7F7F_7F7F) | ((~lifted & highBits) >> 1)
        return !hasByteBelow(low, 7)
    }

    /// Line ends in `n` bytes: CR LF once, a lone CR or LF once each. A CR as the last byte is not counted
    /// but reported (`endsWithCR`), since the next block decides whether a LF completes it; pass that as
    /// `afterCR` for the next block, and count a final pending CR once at the very end.
    package static func countLineBreaks(_ p: UnsafePointer<UInt8>, _ n: Int, afterCR: Bool) -> (breaks: Int, endsWithCR: Bool) {
        var breaks = 0
        var index = 0
        if afterCR {
            if n == 0 { return (0, true) }
            if p[0] != 0x0A { breaks += 1 }  // the CR before stood alone
        }
        while index < n {
            if index + 8 <= n && !hasByteBelow(load(p, index), 0x0E) {
                index += 8
                continue
            }
            let byte = p[index]
            if byte == 0x0A {
                breaks += 1
            } else if byte == 0x0D {
                if index + 1 == n { return (breaks, true) }
                if p[index + 1] != 0x0A { breaks += 1 }
            }
            index += 1
        }
        return (breaks, false)
    }
}
