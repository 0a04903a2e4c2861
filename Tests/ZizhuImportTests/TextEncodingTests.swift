import Testing
@testable import ZizhuImport

@Suite struct TextEncodingTests {
    @Test(arguments: [
        ("utf-8", EncodingOverride.utf8), ("GBK", .gb18030), ("gb2312", .gb18030), ("GB18030", .gb18030),
        ("UTF16", .utf16), ("utf-16le", .utf16LE), ("UTF_16BE", .utf16BE),
    ])
    func overrideNames(name: String, expected: EncodingOverride) {
        #expect(EncodingOverride(name) == expected)
    }

    @Test func unknownOverrideName() {
        #expect(EncodingOverride("latin1") == nil)
    }

    @Test func byteOrderMarksWin() {
        func sniff(_ bytes: [UInt8]) -> EncodingSniffer.Verdict {
            bytes.withUnsafeBytes { EncodingSniffer.sniff($0, wholeFile: true, override: nil) }
        }
        #expect(sniff([0xEF, 0xBB, 0xBF, 0x61]) == .settled(.utf8BOM, bomLength: 3, guessed: false))
        #expect(sniff([0xFF, 0xFE, 0x61, 0x00]) == .settled(.utf16LE, bomLength: 2, guessed: false))
        #expect(sniff([0xFE, 0xFF, 0x00, 0x61]) == .settled(.utf16BE, bomLength: 2, guessed: false))
        #expect(sniff(Array("张三".utf8)) == .settled(.utf8, bomLength: 0, guessed: false))
        #expect(sniff([0xD5, 0xC5, 0xC8, 0xFD]) == .settled(.gb18030, bomLength: 0, guessed: true))
    }

    @Test func asciiPrefixWaitsForEvidence() {
        let ascii = Array("No,Name\r\n".utf8)
        #expect(ascii.withUnsafeBytes { EncodingSniffer.sniff($0, wholeFile: false, override: nil) } == .asciiSoFar)
        #expect(ascii.withUnsafeBytes { EncodingSniffer.sniff($0, wholeFile: true, override: nil) }
            == .settled(.utf8, bomLength: 0, guessed: false))
    }

    @Test func overrideStripsItsOwnBOMOnly() {
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61]
        #expect(withBOM.withUnsafeBytes { EncodingSniffer.sniff($0, wholeFile: true, override: .utf8) }
            == .settled(.utf8BOM, bomLength: 3, guessed: false))
        #expect(withBOM.withUnsafeBytes { EncodingSniffer.sniff($0, wholeFile: true, override: .gb18030) }
            == .settled(.gb18030, bomLength: 0, guessed: false))
    }

    @Test func foreignFormatsByMagic() {
        #expect(([0x50, 0x4B, 0x03, 0x04, 0x14] as [UInt8]).withUnsafeBytes(ForeignFormat.detect) == .zip)
        #expect(([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] as [UInt8]).withUnsafeBytes(ForeignFormat.detect) == .ole)
        #expect(Array("%PDF-1.7".utf8).withUnsafeBytes(ForeignFormat.detect) == .pdf)
        #expect(Array("序号,姓名".utf8).withUnsafeBytes(ForeignFormat.detect) == nil)
    }
}
