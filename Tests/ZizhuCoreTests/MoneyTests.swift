import Testing
@testable import ZizhuCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1150", 115_000), ("312.50", 31_250), ("312.5", 31_250), ("1,150", 115_000), ("1,150.00", 115_000),
        ("¥800", 80_000), ("800元", 80_000), (" 1500 ", 150_000), ("0.05", 5), (".5", 50), ("12,345,678.09", 1_234_567_809),
    ] as [(String, Int64)])
    func parsesAmounts(text: String, fen: Int64) {
        #expect(Money.parse(text) == .success(Money(fen: fen)))
    }

    @Test(arguments: [
        ("1150.005", Money.ParseError.tooManyDecimals), ("-800", .negative), ("壹仟", .chineseNumerals),
        ("一千五", .chineseNumerals), ("", .empty), ("abc", .notANumber), ("1,15", .notANumber),
        ("11,50", .notANumber), ("1.2.3", .notANumber), ("1e3", .notANumber),
    ])
    func rejectsBadAmounts(text: String, error: Money.ParseError) {
        #expect(Money.parse(text) == .failure(error))
    }

    @Test func formats() {
        #expect(Money(fen: 115_000).decimalString == "1150.00")
        #expect(Money(fen: 5).decimalString == "0.05")
        #expect(Money(fen: -305).decimalString == "-3.05")
        #expect(Money(fen: 123_456_789).groupedString == "1,234,567.89")
        #expect(Money(fen: 99).groupedString == "0.99")
    }
}

@Suite struct TrimmingWhitespaceTests {
    /// The byte-level shortcut answers as the Character-by-Character trim does.
    @Test(arguments: ["", " ", "张三", " 张三", "张三 ", "\u{3000}张三\u{3000}", "\u{00A0}1150\u{00A0}", "a b", "\t\r\n",
                      "高一(1)班", "王\u{2003}", "\u{2028}x", "x\u{0301}", "√", " √ ", "1150.00", "李䶮", "𬭚", " 𬭚"])
    func shortcutAgreesWithTheSlowTrim(_ text: String) {
        #expect(text.trimmingWhitespace() == Substring(text).trimmingWhitespace())
    }
}

@Suite struct MoneyFastPathTests {
    /// Plain digits take a shortcut; it gives exactly what the full parse gives, and defers to it otherwise.
    @Test(arguments: ["1150", "1150.5", "312.50", "0", "0.05", ".5", "1500.", "000800.00", "999999999999999",
                      "1,150.00", "¥800", " 800 ", "800元", "1.234", "12..5", "", ".", "一千", "-5", "9999999999999999"])
    func shortcutAgreesWithTheFullParse(text: String) {
        let full = try? Money.parseSlowly(text).get()
        if let fen = Money.plainFen(text) { #expect(Money(fen: fen) == full) }
        #expect((try? Money.parse(text).get()) == full)
    }
}
