import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct TextReportTests {
    func result() -> RoundResult {
        var round = ApplicantBuilder()
        round.file("高一(1)班.csv", headerLine: 3, encoding: "GB18030")
        round.row(["身份证号": "370102201005121231", "学籍号": "", "性别": "男"])
        round.row(["资助金额": "1200"])
        round.file("高一(2)班.csv")
        round.row()
        return Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
    }

    @Test func chineseReportGroupsByFileAndLine() {
        let text = TextReport.render(result(), options: ReportOptions())
        #expect(text.contains("文件：高一(1)班.csv（编码 GB18030，表头在第 3 行，2 行数据）"))
        #expect(text.contains("  第 4 行  [错误] id-checksum  身份证号\n      身份证号校验位错误：按 GB 11643 计算，校验位应为 5，实为 1。"))
        #expect(text.contains("      改正：校验位不符通常是某一位数字录错了"))
        #expect(text.contains("第 5 行  [错误] amount-not-standard  资助金额"))
        #expect(text.contains("文件：高一(2)班.csv（编码 UTF-8，表头在第 1 行，1 行数据）\n  没有发现问题。"))
        #expect(text.contains("共 3 行：接收 1 行，退回 2 行；错误 2 条，警告 0 条。"))
        #expect(text.contains("金额：申报 3,500.00 元 = 接收 800.00 元 + 退回 2,700.00 元（核对一致）"))
        let first = text.range(of: "第 4 行")?.lowerBound
        let second = text.range(of: "第 5 行")?.lowerBound
        #expect(first != nil && second != nil && first! < second!)
    }

    @Test func identifiersAreMaskedUnlessAsked() {
        var round = ApplicantBuilder()
        round.row(["身份证号": "110105491231002"])
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let masked = TextReport.render(result, options: ReportOptions())
        #expect(!masked.contains("11010519491231002X"))
        #expect(masked.contains("1101**********002X"))
        #expect(TextReport.render(result, options: ReportOptions(showValues: true)).contains("11010519491231002X"))
    }

    @Test func englishReport() {
        let text = TextReport.render(result(), options: ReportOptions(language: .en))
        #expect(text.contains("File: 高一(1)班.csv (encoding GB18030, header on line 3, 2 data rows)"))
        #expect(text.contains("line 4  [error] id-checksum"))
        #expect(text.contains("Amounts: 3,500.00 in = 800.00 accepted + 2,700.00 returned (balanced)"))
    }

    @Test func relatedRowsAreListed() {
        var round = ApplicantBuilder()
        let card = ApplicantBuilder.card(serial: 1234)
        round.row(["银行卡号": card])
        round.row(["银行卡号": card])
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        #expect(TextReport.render(result, options: ReportOptions()).contains("相关：高一(1)班.csv 第 3 行"))
    }
}
