import Testing
@testable import ZizhuImport

@Suite struct IconvTests {
    @Test func roundTripsGB18030IncludingFourByteCharacters() throws {
        let text = "张三,䶮,李四\r\n"
        let bytes = try IconvConverter.encode(text, to: "GB18030")
        #expect(bytes.count > text.unicodeScalars.count)
        let decoded = try IconvConverter.decode(bytes, from: "GB18030")
        #expect(decoded.text == text)
        #expect(decoded.invalidBytes == 0)
    }

    @Test func carriesCharactersSplitAcrossChunks() throws {
        let bytes = try IconvConverter.encode("䶮王五", to: "GB18030")
        for split in 1..<bytes.count {
            let converter = try IconvConverter(from: "GB18030")
            var out: [UInt8] = []
            Array(bytes[..<split]).withUnsafeBytes { converter.convert($0, final: false, into: &out) }
            Array(bytes[split...]).withUnsafeBytes { converter.convert($0, final: true, into: &out) }
            #expect(String(decoding: out, as: UTF8.self) == "䶮王五", "split at \(split)")
            #expect(converter.invalidBytes == 0)
        }
    }

    @Test func countsATruncatedCharacterAtTheEnd() throws {
        let bytes = try IconvConverter.encode("王", to: "GB18030")
        let decoded = try IconvConverter.decode(Array(bytes.dropLast()), from: "GB18030")
        #expect(decoded.invalidBytes == 1)
        #expect(decoded.text == "\u{FFFD}")
    }

    @Test func refusesCharactersTheTargetLacks() {
        #expect(throws: IconvError.self) { try IconvConverter.encode("䶮", to: "GBK") }
    }

    @Test func unknownEncodingThrows() {
        #expect(throws: IconvError.self) { try IconvConverter(from: "NO-SUCH-ENCODING") }
    }
}

@Suite struct IconvEuroTests {
    @Test func loneByte80IsTheEuroSignWhenAsked() throws {
        let bytes: [UInt8] = [0x31, 0x80, 0x32]
        let converter = try IconvConverter(from: "GB18030")
        converter.decodesLoneByte80AsEuro = true
        var out: [UInt8] = []
        bytes.withUnsafeBytes { converter.convert($0, final: true, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "1€2")
        #expect(converter.invalidBytes == 0)
        #expect(try IconvConverter.decode(bytes, from: "GB18030").invalidBytes == 1)
    }
}
