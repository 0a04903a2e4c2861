import Testing
import ZizhuCore
@testable import ZizhuExport

@Suite struct ChineseAmountTests {
    /// The official examples of DOMAIN.md (《支付结算办法》), then edge cases.
    @Test(arguments: [
        ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
        ("6007.14", "人民币陆仟零柒元壹角肆分"),
        ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
        ("100000", "人民币壹拾万元整"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        ("0.50", "人民币伍角整"),
        ("0.05", "人民币伍分"),
        ("0.55", "人民币伍角伍分"),
        ("1000000.05", "人民币壹佰万元零伍分"),
        ("100010", "人民币壹拾万零壹拾元整"),
        ("0", "人民币零元整"),
        ("10", "人民币壹拾元整"),
        ("1150", "人民币壹仟壹佰伍拾元整"),
        ("800.00", "人民币捌佰元整"),
        ("312.50", "人民币叁佰壹拾贰元伍角整"),
        ("1500.10", "人民币壹仟伍佰元零壹角整"),   // 元 digit 0, 角 not: 零 (the chosen form)
        ("10000", "人民币壹万元整"),
        ("10001", "人民币壹万零壹元整"),
        ("100000000", "人民币壹亿元整"),
        ("100001000", "人民币壹亿零壹仟元整"),
        ("110000000", "人民币壹亿壹仟万元整"),
        ("101000000", "人民币壹亿零壹佰万元整"),
        ("1000000000000", "人民币壹万亿元整"),
        ("1234567890123.45", "人民币壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分"),
    ])
    func words(amount: String, expected: String) throws {
        let money = try Money.parse(amount).get()
        #expect(ChineseAmount.words(money) == expected)
    }

    @Test func negativeAmountsSayFu() {
        #expect(ChineseAmount.words(Money(fen: -150)) == "人民币负壹元伍角整")
    }

    @Test func largestAmountDoesNotTrap() {
        #expect(ChineseAmount.words(Money(fen: .max)) ==
                "人民币玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分")
    }
}
