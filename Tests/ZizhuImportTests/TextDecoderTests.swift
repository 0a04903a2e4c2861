import Foundation
import Testing
import ZizhuTestSupport
@testable import ZizhuImport

/// Decodes a file with `blockSize`-byte reads; returns the UTF-8 text and the decoder.
func decodeFile(_ path: String, blockSize: Int, override: EncodingOverride? = nil, window: Int = 64 << 10)
    throws -> (text: [UInt8], decoder: TextDecoder)
{
    let source = try FileSource(path: path, displayName: "test", blockSize: blockSize)
    let decoder = TextDecoder(source: source, override: override, window: window)
    try decoder.start(displayName: "test")
    var text: [UInt8] = []
    try decoder.run(displayName: "test") { block in
        text += block
        return true
    }
    return (text, decoder)
}

@Suite struct TextDecoderTests {
    @Test(arguments: ["gbk_title.csv", "gb18030_rare.csv", "utf16le_tab.txt", "utf8_bom_crlf.csv", "multiline.csv"])
    func tinyBlocksDecodeTheSameText(file: String) throws {
        let path = Fixtures.path("import/" + file)
        let whole = try decodeFile(path, blockSize: 1 << 20)
        #expect(whole.text.withUnsafeBytes { UTF8Validator.isValid($0, allowTruncatedEnd: false).valid })
        for blockSize in [1, 2, 3, 5] {
            let small = try decodeFile(path, blockSize: blockSize)
            #expect(small.text == whole.text, "\(file), block size \(blockSize)")
            #expect(small.decoder.encoding == whole.decoder.encoding)
        }
    }

    @Test func decodedTextMatchesTheOriginal() throws {
        let gb = try decodeFile(Fixtures.path("import/gb18030_rare.csv"), blockSize: 3)
        let text = String(decoding: gb.text, as: UTF8.self)
        #expect(text.hasPrefix("序号,姓名,性别,身份证号,银行卡号,资助金额\r\n1,刘䶮,"))
        #expect(text.contains("𠮷祥"))
        let utf16 = try decodeFile(Fixtures.path("import/utf16le_tab.txt"), blockSize: 7)
        #expect(String(decoding: utf16.text, as: UTF8.self).hasPrefix("序号\t姓名\t"), "the BOM is not text")
    }

    @Test func stopsBeforeTheFirstUndecodableByte() throws {
        let folder = try Fixtures.temporaryFolder("zizhu-decode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.csv").path
        var bytes = Array("姓名\r\n张三\r\n".utf8)
        bytes += [0xFF] + Array("李四\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try decodeFile(path, blockSize: 4)
        #expect(result.decoder.problem == .invalidBytes)
        #expect(String(decoding: result.text, as: UTF8.self) == "姓名\r\n张三\r\n")
    }

    /// A file cut inside its last character is told apart from bad bytes (issue 7), at any block size.
    @Test(arguments: [1, 3, 1 << 20])
    func aCharacterCutAtTheEndIsTruncation(blockSize: Int) throws {
        let folder = try Fixtures.temporaryFolder("zizhu-decode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let utf8 = folder.appendingPathComponent("cut-utf8.csv").path
        try Data(Array("姓名\r\n张三".utf8).dropLast()).write(to: URL(fileURLWithPath: utf8))
        #expect(try decodeFile(utf8, blockSize: blockSize).decoder.problem == .truncatedCharacter)
        let gb = folder.appendingPathComponent("cut-gb18030.csv").path
        // 𠮷 is four bytes in GB18030 (95 34 B2 35); keep two.
        let bytes = try IconvConverter.encode("姓名\r\n王𠮷", to: "GB18030").dropLast(2)
        try Data(bytes).write(to: URL(fileURLWithPath: gb))
        #expect(try decodeFile(gb, blockSize: blockSize).decoder.problem == .truncatedCharacter)
    }
}
