import Testing
@testable import ZizhuCore

@Suite struct StudentNumberTests {
    @Test(arguments: [
        ("G11010519491231002X", StudentNumber.Kind.national), ("g11010519491231002X", .national),
        ("J3701020001", .school), ("L2026000123", .temporary), ("11010519491231002X", .unrecognised), ("", .unrecognised),
    ])
    func kinds(text: String, kind: StudentNumber.Kind) {
        #expect(StudentNumber(text).kind == kind)
    }

    @Test func embeddedID() {
        #expect(StudentNumber("g11010519491231002X").embeddedID == "11010519491231002X")
        #expect(StudentNumber("g11010519491231002X").text == "G11010519491231002X")
        #expect(StudentNumber("J3701020001").embeddedID == nil)
        #expect(StudentNumber("J3701020001").body == "3701020001")
    }
}
