import Testing
@testable import ZizhuImport

@Suite struct CellNormalizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var kind: CellKind
        var value: String
        var changes: NormalizationChanges
        var testDescription: String { "\(input.debugDescription) as \(kind)" }
    }

    static let cases: [Case] = [
        Case(input: "张三", kind: .text, value: "张三", changes: []),
        Case(input: " 张三 ", kind: .text, value: "张三", changes: [.trimmed]),
        Case(input: "\u{a0}李四\u{3000}", kind: .text, value: "李四", changes: [.specialSpace, .trimmed]),
        Case(input: "王\u{200b}五", kind: .text, value: "王五", changes: [.invisible]),
        Case(input: "高一（２）班", kind: .text, value: "高一（2）班", changes: [.fullWidth]),
        Case(input: "济南市，历城区", kind: .text, value: "济南市，历城区", changes: []),
        Case(input: "⼈民路", kind: .text, value: "人民路", changes: [.fullWidth]),           // Kangxi radical
        Case(input: "１１５０", kind: .amount, value: "1150", changes: [.fullWidth]),
        Case(input: " 800 ", kind: .amount, value: "800", changes: [.trimmed]),
        Case(input: "３７０１１２２０１００５１２１２３８", kind: .identifier, value: "370112201005121238",
             changes: [.fullWidth]),
        Case(input: "'370112200911032144", kind: .identifier, value: "370112200911032144", changes: [.apostrophe]),
        Case(input: "11010519491231002x", kind: .identifier, value: "11010519491231002X", changes: [.uppercased]),
        Case(input: "6222 0212 3456 7890 123", kind: .identifier, value: "6222021234567890123",
             changes: [.innerSpaces]),
        Case(input: "6217-0012-3456", kind: .identifier, value: "621700123456", changes: [.dashes]),
        Case(input: "１１０１０５１９４９１２３１００２ｘ", kind: .identifier, value: "11010519491231002X",
             changes: [.fullWidth, .uppercased]),
        Case(input: "3.70112E+17", kind: .identifier, value: "3.70112E+17", changes: []),
        Case(input: "", kind: .identifier, value: "", changes: []),
    ]

    @Test(arguments: cases)
    func normalises(_ test: Case) {
        let fromText = CellNormalizer.normalize(test.input, as: test.kind)
        #expect(fromText.value == test.value)
        #expect(fromText.changes == test.changes)
        #expect(fromText.original == (test.value == test.input ? nil : test.input))
        let fromBytes = Array(test.input.utf8).withUnsafeBufferPointer { CellNormalizer.normalize($0, as: test.kind) }
        #expect(fromBytes.value == fromText.value && fromBytes.changes == fromText.changes)
    }

    @Test func plainTextFastPathIsExact() {
        func plain(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(CellNormalizer.isPlainText) }
        #expect(plain("张三 abc 123") && plain("中国农业银行") && plain("䶮"))
        #expect(!plain(" 张三") && !plain("张三 ") && !plain("１") && !plain("，") && !plain("a\tb"))
        // Everything the fast path accepts, NFKC leaves unchanged.
        for text in ["张三 abc 123", "中国农业银行", "䶮", "龥"] {
            #expect(CellNormalizer.normalizeSlowly(text, as: .text).original == nil)
        }
    }
}
