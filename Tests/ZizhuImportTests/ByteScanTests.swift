import Testing
@testable import ZizhuImport

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
}
