import Testing
import ZizhuCore
@testable import ZizhuImport

@Suite struct ExcelManglingTests {
    @Test(arguments: [
        ("3.70112E+17", Field.idNumber, true),
        ("3.70112201005123E+17", .idNumber, true),
        ("3.7E17", .idNumber, true),
        ("370112201005120000.0", .idNumber, true),
        ("370112201005120000", .idNumber, true),            // 000 and the check digit fails
        ("370112201005017000", .idNumber, false),           // 000 but a valid ID
        ("370112201005121238", .idNumber, false),
        ("11010519491231002X", .idNumber, false),
        ("6.22848E+18", .card, true),
        ("6222021234567890000", .card, true),               // zeros after the 15th digit, Luhn fails
        ("6228480402564890018", .card, false),
        ("6228480402564890000", .card, false),              // passes Luhn: may be real
        ("6222021234567890", .card, false),                 // 16 digits: too common to ending in 0
        ("1.38123E+10", .phone, true),
        ("13812345678", .phone, false),
        ("3.70112E+17", .name, false),                      // not an identifier column
        ("1150.0", .idNumber, false),
    ])
    func recognisesDamage(value: String, field: Field, mangled: Bool) {
        #expect(ExcelMangling.isMangled(value, field: field) == mangled)
    }

    @Test func checkDigitsOfTheStandardExamples() {
        for id in ["11010519491231002X", "440524188001010014"] {
            #expect(Array(id.utf8).withUnsafeBufferPointer(ExcelMangling.hasValidIDCheckDigit))
        }
    }
}
