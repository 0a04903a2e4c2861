import Testing
@testable import ZizhuCore

@Suite struct ByteScanTests {
    func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteScan.load($0.baseAddress!, 0) }
    }

    @Test func printableASCIIWords() {
        #expect(ByteScan.isPrintableASCII(word(Array("abc 123~".utf8))))
        #expect(!ByteScan.isPrintableASCII(word(Array("abc\t123~".utf8))))
        #expect(!ByteScan.isPrintableASCII(word([0x41, 0x41, 0x41, 0x7F, 0x41, 0x41, 0x41, 0x41])))
        #expect(!ByteScan.isPrintableASCII(word(Array("ab张三".utf8))))
        // Every single odd byte is caught wherever it stands.
        for position in 0..<8 {
            for bad: UInt8 in [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xE4, 0xFF] {
                var bytes = Array("12345678".utf8)
                bytes[position] = bad
                #expect(!ByteScan.isPrintableASCII(word(bytes)), "byte \(bad) at \(position)")
            }
        }
    }

    @Test func digitWords() {
        #expect(ByteScan.isDigits(word(Array("37011220".utf8))))
        for position in 0..<8 {
            for bad in Array("/:AX x".utf8) + [0x00, 0x3F, 0xB3] {
                var bytes = Array("37011220".utf8)
                bytes[position] = bad
                #expect(!ByteScan.isDigits(word(bytes)), "byte \(bad) at \(position)")
            }
        }
    }

    @Test func controlBytes() {
        func check(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { ByteScan.mayHoldControl($0.baseAddress!, $0.count) }
        }
        #expect(!check("plain text without breaks"))
        #expect(check("first line\nsecond"))
        #expect(check("0123456789abcdef\r"))
        #expect(check("\t"))
    }

    @Test func lineBreaksAreCountedAsTheReaderCountsThem() {
        func count(_ bytes: ArraySlice<UInt8>, afterCR: Bool) -> (breaks: Int, endsWithCR: Bool) {
            // One byte more so that even an empty block has an address.
            (Array(bytes) + [0]).withUnsafeBufferPointer {
                ByteScan.countLineBreaks($0.baseAddress!, bytes.count, afterCR: afterCR)
            }
        }
        for (text, expected) in [("a\r\nb\nc\rd", 3), ("\r", 1), ("\r\n", 1), ("\n\r", 2), ("\r\r\n", 2), ("", 0),
                                 ("0123456789abcdef\r\n0123456789", 1)] {
            let bytes = Array(text.utf8)
            // Every way of cutting the bytes in two blocks counts the same.
            for cut in 0...bytes.count {
                let first = count(bytes[..<cut], afterCR: false)
                let second = count(bytes[cut...], afterCR: first.endsWithCR)
                #expect(first.breaks + second.breaks + (second.endsWithCR ? 1 : 0) == expected,
                        "\(text.debugDescription) cut at \(cut)")
            }
        }
    }

    @Test func digitsOrCapitalsMatchesTheByteTest() {
        func plain(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) }
        // Every byte value in every position of a word of otherwise good bytes.
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = Array("37A1G9Z0".utf8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBufferPointer { ByteScan.load($0.baseAddress!, 0) }
                #expect(ByteScan.isDigitsOrCapitals(word) == plain(UInt8(value)), "byte \(value) at \(position)")
            }
        }
    }
}
