import Testing
import ZizhuTestSupport
@testable import ZizhuImport

/// The table path must give exactly what iconv gives: the same text for good input, and for bad input the same
/// text up to the first replacement character (where the reader stops) and a count of invalid bytes either way.
@Suite struct GB18030TableTests {
    /// Decodes `chunks` one after another, with or without the table.
    /// `partial`: whether the input ended inside a character before the last chunk, as the reader asks at the
    /// end of a file; `invalidBefore`: invalid bytes by then (after one, the reader has stopped already).
    static func decode(_ chunks: [[UInt8]], table: Bool)
        throws -> (text: [UInt8], invalid: Int, partial: Bool, invalidBefore: Int)
    {
        let converter = try IconvConverter(from: "GB18030")
        converter.decodesLoneByte80AsEuro = true
        converter.usesGB18030Table = table
        var out: [UInt8] = []
        var partial = false
        var invalidBefore = 0
        for (position, chunk) in chunks.enumerated() {
            let final = position == chunks.count - 1
            if final { (partial, invalidBefore) = (converter.holdsPartialCharacter, converter.invalidBytes) }
            chunk.withUnsafeBytes { converter.convert($0, final: final, into: &out) }
        }
        return (out, converter.invalidBytes, partial, invalidBefore)
    }

    static func beforeReplacement(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD { return bytes[..<index] }
            index += 1
        }
        return bytes[...]
    }

    @Test func everyTwoByteCodeDecodesAsIconvDecodesIt() throws {
        for lead in 0x81...0xFE {
            var bytes: [UInt8] = []
            for trail in 0x40...0xFE where trail != 0x7F { bytes += [UInt8(lead), UInt8(trail), 0x2C] }
            let plain = try Self.decode([bytes], table: false)
            let table = try Self.decode([bytes], table: true)
            #expect(table.text == plain.text, "lead \(lead)")
            #expect(table.invalid == plain.invalid, "lead \(lead)")
        }
    }

    @Test func rosterTextDecodesTheSameInChunksOfAnySize() throws {
        let text = "序号,姓名,身份证号,开户行,备注\r\n1,刘䶮,370112201005121238,中国邮政储蓄银行,\"一行\r\n两行\"\r\n"
            + "2,王𬭚,37011220110214452X,中国农业银行,€5 ＡＢＣ\r\n3,欧阳娜娜,370112200911032144,,家中有重病患者\r\n"
        var bytes = try IconvConverter.encode(text.replacingOccurrences(of: "€", with: ""), to: "GB18030")
        bytes.insert(0x80, at: bytes.count - 20)  // CP936's euro sign
        let expected = try Self.decode([bytes], table: false)
        #expect(expected.invalid == 0)
        for size in [1, 2, 3, 4, 5, 7, 16, 61, bytes.count] {
            let chunks = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            let table = try Self.decode(chunks, table: true)
            #expect(table.text == expected.text, "chunks of \(size)")
            #expect(table.invalid == 0)
        }
    }

    /// Random bytes, mostly shaped like GB18030 text with damage in it.
    @Test(arguments: 0..<200)
    func damagedTextStopsWhereIconvStops(seed: Int) throws {
        var generator = SeededRandom(seed: UInt64(seed))
        var bytes: [UInt8] = []
        for _ in 0..<(20 + Int(generator.next() % 200)) {
            switch generator.next() % 10 {
            case 0: bytes.append(UInt8(truncatingIfNeeded: generator.next()))  // anything
            case 1: bytes += [0x81 + UInt8(generator.next() % 0x7E), 0x30 + UInt8(generator.next() % 10),
                              0x81 + UInt8(generator.next() % 0x7E), 0x30 + UInt8(generator.next() % 10)]
            case 2, 3: bytes.append(0x20 + UInt8(generator.next() % 0x5F))
            default: bytes += [0xB0 + UInt8(generator.next() % 0x40), 0xA1 + UInt8(generator.next() % 0x5E)]
            }
        }
        let cut = Int(generator.next() % UInt64(bytes.count))
        let plain = try Self.decode([Array(bytes[..<cut]), Array(bytes[cut...])], table: false)
        let table = try Self.decode([Array(bytes[..<cut]), Array(bytes[cut...])], table: true)
        #expect(Self.beforeReplacement(table.text) == Self.beforeReplacement(plain.text))
        #expect((table.invalid == 0) == (plain.invalid == 0))
        if plain.invalidBefore == 0 { #expect(table.partial == plain.partial) }
        if plain.invalid == 0 { #expect(table.text == plain.text) }
    }
}
