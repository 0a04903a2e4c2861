import Testing
@testable import ZizhuCore

@Suite struct BankBINTableTests {
    let table = BankBINTable.shared

    @Test func shippedTableReadsCleanly() {
        #expect(table.problems.isEmpty, "\(table.problems)")
        #expect(table.banks.count >= 40)
    }

    @Test(arguments: [
        ("6228480402564890018", "中国农业银行"), ("6228410000000000000", "中国农业银行"), ("6228490000000000000", "中国农业银行"),
        ("6222020200112345678", "中国工商银行"), ("6222080000000000000", "中国工商银行"),
        ("6217001234567890123", "中国建设银行"), ("6227000000000000000", "中国建设银行"),
        ("6216610000000000000", "中国银行"), ("6216690000000000000", "中国银行"),
        ("6217970000000000000", "中国邮政储蓄银行"), ("6221800000000000000", "中国邮政储蓄银行"),
        ("6221820000000000000", "中国邮政储蓄银行"),
        ("6222600000000000000", "交通银行"), ("6225880000000000", "招商银行"),
        ("6215210000000000", "山东省农村信用社"), ("6229910000000000000", "河南省农村信用社"),
        ("6210330000000000000", "四川省农村信用社"), ("9558800000000000000", "中国工商银行"),
    ])
    func looksUpKnownBINs(card: String, bank: String) {
        #expect(table.lookup(card)?.bank.name == bank)
    }

    @Test func unknownBINIsNil() {
        #expect(table.lookup("1234567890123456") == nil)
        #expect(table.lookup("") == nil)
    }

    @Test func longestPrefixWins() {
        let custom = BankBINTable(tsv: """
            bank\t甲银行\t\t甲
            bank\t乙银行\t\t乙
            bank\t丙银行\t\t丙
            bin\t62\t甲银行
            bin\t6228\t乙银行
            bin\t622848\t丙银行
            """)
        #expect(custom.problems.isEmpty)
        #expect(custom.lookup("6228480000000000")?.bank.name == "丙银行")
        #expect(custom.lookup("6228480000000000")?.prefix == "622848")
        #expect(custom.lookup("6228470000000000")?.bank.name == "乙银行")
        #expect(custom.lookup("6211110000000000")?.bank.name == "甲银行")
        #expect(custom.lookup("6311110000000000") == nil)
    }

    @Test func badLinesAreReported() {
        let custom = BankBINTable(tsv: "bank\t甲银行\t\t甲\nbin\t62x\t甲银行\nbin\t63\t乙银行\nnonsense\n")
        #expect(custom.problems.count == 3)
    }

    @Test(arguments: [
        ("中国农业银行示例县支行", "中国农业银行"), ("农行", "中国农业银行"), ("农业银行", "中国农业银行"),
        ("中国工商银行", "中国工商银行"), ("工行XX支行", "中国工商银行"), ("建行", "中国建设银行"),
        ("中国建设银行股份有限公司", "中国建设银行"), ("中行", "中国银行"), ("中国银行示例支行", "中国银行"),
        ("邮储", "中国邮政储蓄银行"), ("邮政储蓄银行", "中国邮政储蓄银行"), ("交通银行", "交通银行"),
        ("招商银行", "招商银行"), ("山东农信", "山东省农村信用社"),
    ])
    func namesBanks(text: String, bank: String) {
        #expect(table.bank(namedIn: text)?.name == bank)
    }

    @Test(arguments: ["示例县农村信用合作联社", "信用社", "示例农商行", "示例县农村商业银行", "XX村镇银行"])
    func ruralNamesAreTheRuralFamily(text: String) {
        #expect(table.bank(namedIn: text)?.family == "农信")
    }

    @Test(arguments: ["示例银行", "", "现金"])
    func unknownNamesAreNil(text: String) {
        #expect(table.bank(namedIn: text) == nil)
    }

    @Test func prefixesOfABank() {
        let abc = table.prefixes(of: "中国农业银行")
        #expect(abc.contains("622848"))
        #expect(abc.contains("103"))
        #expect(table.prefixes(of: "不存在的银行").isEmpty)
    }
}
