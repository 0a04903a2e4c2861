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
}
