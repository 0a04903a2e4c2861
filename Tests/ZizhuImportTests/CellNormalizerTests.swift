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
        func plain(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { CellNormalizer.isPlainText($0) } }
        #expect(plain("张三 abc 123") && plain("中国农业银行") && plain("䶮"))
        #expect(!plain(" 张三") && !plain("张三 ") && !plain("１") && !plain("a\tb"))
        // `，` stays as typed in a text cell, but an amount folds it.
        #expect(plain("，") && !Array("，".utf8).withUnsafeBufferPointer {
            CellNormalizer.isPlainText($0, keepsChinesePunctuation: false)
        })
        // Everything the fast path accepts, NFKC leaves unchanged.
        for text in ["张三 abc 123", "中国农业银行", "䶮", "龥"] {
            #expect(CellNormalizer.normalizeSlowly(text, as: .text).original == nil)
        }
    }

    /// Each non-ASCII character the fast path lets through, alone and between ideographs, is one the slow
    /// path leaves exactly as it is; and the characters next to them in Unicode that NFKC does change are
    /// still refused.
    @Test func fastPathSymbolsAreStable() {
        func plain(_ text: String, _ kind: CellKind) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer {
                CellNormalizer.isPlainText($0, keepsChinesePunctuation: kind == .text)
            }
        }
        let symbols = CellNormalizer.stableSymbols.compactMap(Unicode.Scalar.init).map { String($0) }
        let punctuation = CellNormalizer.chinesePunctuation.compactMap(Unicode.Scalar.init).map { String($0) }
        let others = ["·", "×", "÷", "㐀", "䶵", "𠀀", "𬭚", "𰀀"]
        for text in symbols + punctuation + others {
            for sample in [text, "张\(text)三"] {
                #expect(plain(sample, .text), "\(sample)")
                #expect(CellNormalizer.normalizeSlowly(sample, as: .text).original == nil, "\(sample)")
            }
        }
        for text in symbols + others {
            #expect(plain(text, .amount) && CellNormalizer.normalizeSlowly(text, as: .amount).original == nil)
        }
        // Full-width punctuation is kept in text but folded in amounts; NFKC changes these neighbours.
        for text in punctuation { #expect(!plain(text, .amount)) }
        for text in ["\u{00A0}", "\u{3000}", "\u{2026}", "\u{2160}", "\u{2460}", "\u{3200}", "\u{309B}",
                     "\u{3131}", "\u{F900}", "\u{2F800}", "\u{FF11}", "\u{00B5}"] {
            #expect(!plain(text, .text), "\(text.unicodeScalars.first!.value)")
        }
    }
}
