import Testing
import ZizhuCore
@testable import ZizhuExport

@Suite struct BankTemplateCheckTests {
    /// The round's rows with one cell changed.
    func applicants(setting column: Int, of row: Int, to value: String) -> [Applicant] {
        var applicants = Fixture.round(classes: 2, perClass: 3, otherRows: 0, returnedRows: []).applicants
        applicants[row].cells[column] = value
        return applicants
    }

    func findings(_ applicants: [Applicant], template name: String) throws -> [Finding] {
        var findings: [Finding] = []
        BankTemplateCheck(template: try BankTemplate.named(name)).check(applicants, policy: .default, into: &findings)
        return findings
    }

    @Test func aNameGBKLacksIsFlaggedOnItsRowOnly() throws {
        let rows = applicants(setting: 1, of: 4, to: "刘䶮")
        let found = try findings(rows, template: "generic")
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.code == .bankValueUnwritable && finding.severity == .error)
        #expect(finding.row == rows[4].index && finding.field == Field.name.header)
        let message = MessageCatalog.message(for: finding)
        #expect(message.contains("generic") && message.contains("GBK") && message.contains("䶮"))
        for language in Language.allCases {
            #expect(!MessageCatalog.message(for: finding, language: language).contains("{"))
            #expect(!MessageCatalog.fix(for: finding, language: language).contains("{"))
        }
        #expect(MessageCatalog.fix(for: finding).contains("持卡人"))
        // GB18030 holds it, and so does every template for the plain names around it.
        #expect(try findings(rows, template: "generic-gb18030").isEmpty)
        #expect(try findings(applicants(setting: 1, of: 4, to: "刘龑"), template: "generic").isEmpty)
    }

    @Test func theDelimiterOrALineBreakInAValueIsFlagged() throws {
        #expect(try findings(applicants(setting: 1, of: 2, to: "张,三"), template: "generic").count == 1)
        #expect(try findings(applicants(setting: 1, of: 2, to: "张|三"), template: "nongxin-pipe").count == 1)
        #expect(try findings(applicants(setting: 1, of: 2, to: "张|三"), template: "generic").isEmpty)
    }

    @Test func aValueWiderThanAFixedWidthFieldIsFlagged() throws {
        let template = try BankTemplate.named("fixed-fen")
        let holder = try #require(template.fields.first { $0.value == .holder }?.width)
        let long = String(repeating: "张", count: holder / 2 + 1)
        let found = try findings(applicants(setting: 1, of: 1, to: long), template: "fixed-fen")
        #expect(found.count == 1)
        #expect(MessageCatalog.message(for: try #require(found.first)).contains("宽度 \(holder)"))
        #expect(try findings(applicants(setting: 1, of: 1, to: String(long.dropFirst())), template: "fixed-fen").isEmpty)
    }

    /// The quick GBK test agrees with iconv on the whole CJK block and just beyond it.
    @Test func theQuickGBKTestAgreesWithIconv() throws {
        let encoder = BankUpload.Encoder(template: try BankTemplate.named("generic"), document: "x")
        let field = BankTemplate.Field(value: .holder)
        for value in stride(from: 0x4DB0, through: 0xA000, by: 7) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(scalar)
            if encoder.surelyFits(text, field: field) { #expect(encoder.unencodable(in: text) == nil, "\(value)") }
        }
        #expect(encoder.surelyFits("张三 Zhang-3", field: field))
        #expect(!encoder.surelyFits("覃䶮", field: field))
    }
}
