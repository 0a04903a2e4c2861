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
