import Testing
@testable import ZizhuImport

@Suite struct UTF8ValidatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var firstInvalid: Int?
        var testDescription: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(bytes: Array("plain ascii, 123".utf8), firstInvalid: nil),
        Case(bytes: Array("张三䶮𠮷é".utf8), firstInvalid: nil),
        Case(bytes: [0x41, 0xC0, 0xAF], firstInvalid: 1),               // overlong
        Case(bytes: [0xE0, 0x80, 0xAF], firstInvalid: 1),               // overlong 3-byte
        Case(bytes: [0xED, 0xA0, 0x80], firstInvalid: 1),               // surrogate
        Case(bytes: [0xF4, 0x90, 0x80, 0x80], firstInvalid: 1),         // above U+10FFFF
        Case(bytes: [0xE5, 0xBC, 0x41], firstInvalid: 2),               // truncated by ASCII
        Case(bytes: [0x31, 0x32, 0x80], firstInvalid: 2),               // lone continuation
        Case(bytes: [0xFF], firstInvalid: 0),
        Case(bytes: [0xD5, 0xC5, 0xC8, 0xFD], firstInvalid: 1),         // 张三 in GBK
    ]

    @Test(arguments: cases)
    func findsTheFirstInvalidByte(_ test: Case) {
        var validator = UTF8Validator()
        let result = test.bytes.withUnsafeBytes { validator.validate($0) }
        #expect(result == test.firstInvalid)
    }

    @Test func sequencesMaySplitAcrossBlocks() {
        let bytes = Array("a张b𠮷c".utf8)
        for split in 0...bytes.count {
            var validator = UTF8Validator()
            let first = Array(bytes[..<split]).withUnsafeBytes { validator.validate($0) }
            let second = Array(bytes[split...]).withUnsafeBytes { validator.validate($0) }
            #expect(first == nil && second == nil && !validator.isMidSequence, "split at \(split)")
        }
    }

    @Test func aTruncatedEndIsReported() {
        var validator = UTF8Validator()
        _ = Array("张".utf8.dropLast()).withUnsafeBytes { validator.validate($0) }
        #expect(validator.isMidSequence)
    }

    @Test func damagedUTF8StillLooksLikeUTF8ButGBKDoesNot() throws {
        var damaged = Array("序号,姓名,身份证号\r\n1,张三,李四,王五".utf8)
        damaged.insert(0xFF, at: 20)
        #expect(damaged.withUnsafeBytes { UTF8Validator.looksLikeUTF8($0, allowTruncatedEnd: false) })
        let gbk = try IconvConverter.encode("序号,姓名,身份证号\r\n1,张三,李四,王五,欧阳娜娜", to: "GBK")
        #expect(!gbk.withUnsafeBytes { UTF8Validator.looksLikeUTF8($0, allowTruncatedEnd: false) })
    }
}
