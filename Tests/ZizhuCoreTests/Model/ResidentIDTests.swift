import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct ResidentIDTests {
    /// The examples printed in GB 11643-1999.
    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func standardExamplesAreValid(text: String) throws {
        guard case .standard(let id) = ResidentID.parse(text) else {
            Issue.record("\(text) should be well-formed")
            return
        }
        #expect(id.isChecksumValid)
        #expect(id.isProvinceKnown)
        #expect(id.birthDate != nil)
        #expect(id.text == text)
    }

    @Test func exampleParts() throws {
        let id = try #require(ResidentID("11010519491231002X"))
        #expect(id.regionCode == 110105)
        #expect(id.provinceCode == 11)
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(id.sequence == 2)
        #expect(id.gender == .female)
        #expect(id.checkCharacter == "X")
        #expect(ResidentID("440524188001010014")?.gender == .male)
    }

    @Test(arguments: [("11010519491231002", "X"), ("44052418800101001", "4"), ("37010220100512123", "5")] as [(String, Character)])
    func checkCharacter(first17: String, expected: Character) {
        #expect(ResidentID.checkCharacter(forFirst17: first17) == expected)
    }

    @Test func checkCharacterRejectsNonDigits() {
        #expect(ResidentID.checkCharacter(forFirst17: "1101051949123100") == nil)
        #expect(ResidentID.checkCharacter(forFirst17: "1101051949123100A") == nil)
    }

    @Test func wrongCheckCharacterIsWellFormedButInvalid() throws {
        let id = try #require(ResidentID("110105194912310021"))
        #expect(!id.isChecksumValid)
        #expect(id.expectedCheckCharacter == "X")
    }

    @Test func lowercaseXIsAccepted() {
        #expect(ResidentID("11010519491231002x")?.isChecksumValid == true)
    }

    /// A checksum can be right while the date or the province is wrong.
    @Test(arguments: ["20101301", "20100230", "20110229", "20100001", "20100100"])
    func checksumValidButDateNotReal(birth: String) throws {
        let id = try #require(ResidentID(ApplicantBuilder.residentID(birth: birth)))
        #expect(id.isChecksumValid)
        #expect(id.birthDate == nil)
        #expect(id.birthDateText.replacingOccurrences(of: "-", with: "") == birth)
    }

    @Test(arguments: ["990102", "200102", "000000", "390102", "720102", "840102"])
    func checksumValidButProvinceUnknown(region: String) throws {
        let id = try #require(ResidentID(ApplicantBuilder.residentID(region: region)))
        #expect(id.isChecksumValid)
        #expect(!id.isProvinceKnown)
    }

    @Test(arguments: [11, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65, 71, 81, 82, 83])
    func knownProvinces(code: Int) {
        #expect(ResidentID.provinceCodes.contains(code))
    }

    @Test func legacyNumberConverts() throws {
        guard case .legacy(let fifteen, let converted) = ResidentID.parse("110105491231002") else {
            Issue.record("a 15-digit number is legacy")
            return
        }
        #expect(fifteen == "110105491231002")
        #expect(converted.text == "11010519491231002X")
        #expect(ResidentID.convertLegacy("110105491231002")?.text == "11010519491231002X")
    }

    @Test(arguments: [
        ("", ResidentID.FormatProblem.empty),
        ("11010519491231002", .length(17)),
        ("1101051949123100212", .length(19)),
        ("1101051949123A002X", .character("A")),
        ("11010519491X310021", .misplacedX),
        ("11010519491231002X ", .character(" ")),
        ("3.70112E+17", .character(".")),
        ("１１０１０５１９４９１２３１００２Ｘ", .character("１")),
    ])
    func malformed(text: String, problem: ResidentID.FormatProblem) {
        #expect(ResidentID.parse(text) == .malformed(problem))
    }

    @Test func textKeepsLeadingZeros() {
        let id = ResidentID(body: 1_010_519_491_231_002, check: 5)
        #expect(id.text == "010105194912310025")
    }
}
