import Testing
@testable import ZizhuGenerate

@Suite struct IdentifiersTests {
    /// The examples printed in GB 11643-1999.
    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func checkCharacterOfStandardExamples(id: String) {
        #expect(Identifiers.idCheckCharacter(String(id.prefix(17))) == id.last)
    }

    @Test func checkCharacterNeedsSeventeenDigits() {
        #expect(Identifiers.idCheckCharacter("1101051949123100") == nil)
        #expect(Identifiers.idCheckCharacter("1101051949123100A") == nil)
    }

    @Test func wrongCheckCharacterIsNeverRight() {
        var random = RandomSource(seed: 3)
        for _ in 0..<200 {
            #expect(Identifiers.wrongIDCheckCharacter("11010519491231002", using: &random) != "X")
        }
    }

    @Test(arguments: ["79927398713", "4111111111111111", "5555555555554444"])
    func luhnAcceptsValidNumbers(number: String) {
        #expect(Identifiers.passesLuhn(number))
    }

    @Test func luhnCheckDigitCompletesANumber() {
        #expect(Identifiers.luhnCheckDigit("7992739871") == "3")
        #expect(Identifiers.passesLuhn("79927398710") == false)
        #expect(Identifiers.luhnCheckDigit("12a") == nil)
    }

    @Test(arguments: [
        ("370112201005123456", "3.70112201005123E+17"),
        ("370112200000000456", "3.701122E+17"),
        ("300000000000000000", "3E+17"),
    ])
    func excelShowsFifteenSignificantDigits(digits: String, shown: String) {
        #expect(Identifiers.excelScientific(digits) == shown)
    }
}
