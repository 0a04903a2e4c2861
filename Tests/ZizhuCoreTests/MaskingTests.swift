import Testing
@testable import ZizhuCore

@Suite struct MaskingTests {
    @Test func masksLongDigitRuns() {
        #expect(Masking.maskIdentifiers(in: "身份证号 37011220100512123X 有误") == "身份证号 3701**********123X 有误")
        #expect(Masking.maskIdentifiers(in: "卡号6228480402564890018") == "卡号6228***********0018")
        #expect(Masking.maskIdentifiers(in: "电话13812345678") == "电话138****5678")
    }

    @Test func leavesAmountsAndLineNumbersAlone() {
        let text = "第 17 行金额 210450.00 元，共 1500 人"
        #expect(Masking.maskIdentifiers(in: text) == text)
    }
}
