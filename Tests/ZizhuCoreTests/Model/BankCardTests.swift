import Testing
@testable import ZizhuCore

@Suite struct BankCardTests {
    @Test(arguments: ["6228480402564890018", "4111111111111111", "79927398713", "0"])
    func luhnValid(digits: String) {
        #expect(BankCard.isLuhnValid(digits) == (digits.count > 1))
    }

    @Test(arguments: ["6228480402564890017", "6222020200112345678", "4111111111111112", "12a4"])
    func luhnInvalid(digits: String) {
        #expect(!BankCard.isLuhnValid(digits))
    }

    @Test func luhnCheckDigit() {
        #expect(BankCard.luhnCheckDigit(for: "622848040256489001") == "8")
        #expect(BankCard.luhnCheckDigit(for: "7992739871") == "3")
        #expect(BankCard.luhnCheckDigit(for: "") == nil)
    }

    @Test(arguments: ["6228480402564890018", "6228 4804 0256 4890 018", "6228-4804-0256-4890-018"])
    func parsesGroupedDigits(text: String) throws {
        let card = try BankCard.parse(text).get()
        #expect(card.digits == "6228480402564890018")
        #expect(card.bin == "622848")
        #expect(card.passesLuhn)
    }

    @Test(arguments: [
        ("", BankCard.FormatProblem.empty),
        ("622848040256489", .length(15)),
        ("62284804025648900181", .length(20)),
        ("622848O402564890018", .character("O")),
        ("6.22848E+18", .character(".")),
    ])
    func rejects(text: String, problem: BankCard.FormatProblem) {
        #expect(BankCard.parse(text) == .failure(problem))
    }

    @Test func lengthsSixteenToNineteenAreFine() {
        for length in 16...19 {
            #expect(BankCard(String(repeating: "6", count: length)) != nil)
        }
    }

    @Test func keysKeepLeadingZerosApart() throws {
        let a = try BankCard.parse("0622848040256489001").get()
        let b = try BankCard.parse("6228480402564890010").get()
        let c = try BankCard.parse("622848040256489001").get()
        #expect(a.key != b.key)
        #expect(a.key != c.key)
        #expect(c.key == (try BankCard.parse("6228 4804 0256 4890 01").get()).key)
    }
}
