import Testing
@testable import ZizhuCore

/// Messages built from hostile cell text (issue 7): short, and the text stays as typed.
@Suite struct MessageCatalogTests {
    static func finding(value: String, arguments: [String: String] = [:]) -> Finding {
        Finding(.amountInvalid, at: SourceLocation(file: "高一(1)班.csv", line: 3), row: 0, field: "资助金额",
                value: value, arguments: ["detail": "不是数字", "detailEn": "not a number", "file": "高一(1)班.csv"].merging(arguments) { $1 })
    }

    @Test func aHugeValueIsQuotedByItsStartAndLength() {
        let value = String(repeating: "长", count: 300_000)
        let zh = MessageCatalog.message(for: Self.finding(value: value), language: .zh)
        #expect(zh.contains(String(repeating: "长", count: MessageCatalog.longestValue) + "…（共 300000 个字符）"))
        #expect(zh.count < 200)
        let en = MessageCatalog.message(for: Self.finding(value: value), language: .en)
        #expect(en.contains("… (300000 characters in all)"))
    }

    @Test func aValueHoldingAPlaceholderStaysAsTyped() {
        // Substituting placeholder by placeholder would put the file name into the value, in a random order.
        for _ in 0..<20 {
            let message = MessageCatalog.message(for: Self.finding(value: "{file}{field}"), language: .zh)
            #expect(message.contains("“{file}{field}”"), "\(message)")
        }
    }

    @Test func shortValuesAreUntouched() {
        #expect(MessageCatalog.clipped("1150", to: 60, language: .zh) == "1150")
        #expect(MessageCatalog.clipped(String(repeating: "x", count: 60), to: 60, language: .zh).count == 60)
    }
}
