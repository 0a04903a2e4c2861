import Foundation
import Testing
import ZizhuCore
import ZizhuImport
@testable import ZizhuExport

@Suite struct BankTemplateTests {
    @Test func shipsGenericAndTwoOtherShapes() throws {
        let names = BankTemplate.all.map(\.name)
        #expect(names.first == "generic")
        #expect(Set(names) == ["generic", "generic-gb18030", "nongxin-pipe", "fixed-fen"])
        for template in BankTemplate.all {
            try template.validate()
            #expect(template.encoding == (template.name == "generic-gb18030" ? "GB18030" : "GBK"))
            #expect(template.lineEnding == .crlf)
            #expect(!template.description.isEmpty)
        }
        #expect(try BankTemplate.named("nongxin-pipe").delimiter == "|")
        #expect(try BankTemplate.named("fixed-fen").isFixedWidth)
        #expect(try BankTemplate.named("fixed-fen").amountFormat == .fen)
    }

    @Test func unknownNamesAndBadFilesAreClearErrors() throws {
        let error = try #require(throws: ExportError.self) { try BankTemplate.named("icbc-2030") }
        #expect(error.description.contains("generic"))

        let folder = try TemporaryFolder()
        let path = folder.file("mine.json")
        let bad = #"{ "name": "mine", "delimiter": ",", "fields": [ { "value": "card" } ], "header": ["{nonsense}"] }"#
        _ = FileManager.default.createFile(atPath: path, contents: Data(bad.utf8))
        let badError = try #require(throws: ExportError.self) { try BankTemplate.named(path) }
        #expect(badError.description.contains("{nonsense}"))

        let good = #"{ "name": "mine", "delimiter": "\t", "encoding": "UTF-8", "lineEnding": "LF", "fields": [ { "value": "card" }, { "value": "amount" } ] }"#
        _ = FileManager.default.createFile(atPath: path, contents: Data(good.utf8))
        let template = try BankTemplate.named(path)
        #expect(template.amountFormat == .yuan && template.fileExtension == "txt" && template.header.isEmpty)

        let fixedWithoutWidth = BankTemplate(name: "x", title: "x", description: "", delimiter: nil,
                                             fields: [.init(value: .card)])
        #expect(throws: ExportError.self) { try fixedWithoutWidth.validate() }
    }
}

@Suite struct BankUploadTests {
    static let date = CivilDate(year: 2026, month: 9, day: 30)!

    func lines(_ bytes: [UInt8], _ template: BankTemplate) throws -> [String] {
        let text = try IconvConverter.decode(bytes, from: template.encoding)
        #expect(text.invalidBytes == 0)
        let ending = template.lineEnding == .crlf ? "\r\n" : "\n"
        #expect(text.text.hasSuffix(ending))
        return text.text.components(separatedBy: ending).dropLast().map { $0 }
    }

    /// Every template's file: one record per accepted row, count and total equal to the register's to the fen.
    @Test(arguments: ["generic", "nongxin-pipe", "fixed-fen"])
    func totalsMatchTheRegister(name: String) throws {
        let template = try BankTemplate.named(name)
        let result = Fixture.round(classes: 4, perClass: 5, otherRows: 3, returnedRows: [1, 7])
        let bytes = try BankUpload.bytes(result, template: template, date: Self.date)
        // CRLF everywhere, never a bare LF.
        for (i, byte) in bytes.enumerated() where byte == 10 { #expect(i > 0 && bytes[i - 1] == 13) }
        let all = try lines(bytes, template)
        let records = Array(all.dropFirst(template.header.count).dropLast(template.trailer.count))
        let expectedTotal = Fixture.acceptedTotal(result)
        #expect(records.count == result.accepted.count)

        let amountField = try #require(template.fields.firstIndex { $0.value == .amount })
        var sum = Money.zero
        let order = RosterOrder.accepted(result)
        for (position, record) in records.enumerated() {
            let applicant = result.applicants[order.rows[position]]
            let fields: [String]
            if let delimiter = template.delimiter {
                fields = record.components(separatedBy: delimiter)
            } else {
                fields = try Self.cut(record, widths: template.fields.map { $0.width ?? 0 }, encoding: template.encoding)
            }
            #expect(fields.count == template.fields.count)
            let amountText = fields[amountField].trimmingCharacters(in: .whitespaces)
            let amount = template.amountFormat == .fen ? Money(fen: Int64(amountText) ?? -1)
                                                       : try Money.parse(amountText).get()
            #expect(amount == applicant.amount)
            sum += amount
            if let card = template.fields.firstIndex(where: { $0.value == .card }) {
                #expect(fields[card].trimmingCharacters(in: .whitespaces) == applicant.value(.card))
            }
        }
        #expect(sum == expectedTotal)

        switch name {
        case "generic":
            #expect(all.first == "序号,卡号,户名,金额,身份证号,摘要,备注")
            #expect(all.last == "合计,\(records.count),,\(expectedTotal.decimalString),,\(ChineseAmount.words(expectedTotal)),")
        case "nongxin-pipe":
            #expect(all.first == "\(records.count)|\(expectedTotal.decimalString)")
            #expect(records.first?.split(separator: "|").last == "2026秋普高国家助学金")
        case "fixed-fen":
            let width = template.fields.reduce(0) { $0 + ($1.width ?? 0) }
            for record in records {
                let encoded = try IconvConverter.encode(record, to: "GBK")
                #expect(encoded.count == width)
            }
            let count = String(records.count)
            let fen = String(expectedTotal.fen)
            #expect(all.last == "T" + String(repeating: "0", count: 6 - count.count) + count
                    + String(repeating: "0", count: 15 - fen.count) + fen)
        default:
            Issue.record("unexpected template \(name)")
        }
    }

    /// Splits a fixed-width GBK record by byte widths.
    static func cut(_ record: String, widths: [Int], encoding: String) throws -> [String] {
        let bytes = try IconvConverter.encode(record, to: encoding)
        var fields: [String] = []
        var offset = 0
        for width in widths {
            let slice = Array(bytes[offset..<min(bytes.count, offset + width)])
            fields.append(try IconvConverter.decode(slice, from: encoding).text)
            offset += width
        }
        return fields
    }

    @Test func aNameGBKCannotWriteNamesTheRowInsteadOfWritingAQuestionMark() throws {
        var result = Fixture.round(classes: 2, perClass: 3, otherRows: 0, returnedRows: [])
        var applicants = result.applicants
        applicants[4].cells[1] = "刘䶮"
        result = RoundResult(policy: result.policy, inputs: result.inputs, applicants: applicants,
                             findings: result.findings, isReturned: result.isReturned, summary: result.summary)
        let error = try #require(throws: ExportError.self) {
            _ = try BankUpload.bytes(result, template: try BankTemplate.named("generic"), date: Self.date)
        }
        let text = error.description
        #expect(text.contains("䶮"))
        #expect(text.contains("刘䶮"))
        #expect(text.contains("高中各班.csv 第 8 行"))
        #expect(text.contains("GBK"))

        // And nothing is left behind by the atomic writer.
        let folder = try TemporaryFolder()
        #expect(throws: ExportError.self) {
            try BankUpload.write(result, template: try BankTemplate.named("generic"), to: folder.file("bank.txt"),
                                 date: Self.date)
        }
        #expect(try folder.names().isEmpty)
    }

    @Test func aValueHoldingTheDelimiterOrTooWideForItsFieldIsRefused() throws {
        var result = Fixture.round(classes: 1, perClass: 3, otherRows: 0, returnedRows: [])
        var applicants = result.applicants
        applicants[1].cells[12] = "张三|李四"
        applicants[2].cells[12] = String(repeating: "长", count: 21)
        result = RoundResult(policy: result.policy, inputs: result.inputs, applicants: applicants,
                             findings: result.findings, isReturned: result.isReturned, summary: result.summary)
        let pipe = try #require(throws: ExportError.self) {
            _ = try BankUpload.bytes(result, template: try BankTemplate.named("nongxin-pipe"), date: Self.date)
        }
        #expect(pipe.description.contains("张三|李四"))
        let wide = try #require(throws: ExportError.self) {
            _ = try BankUpload.bytes(result, template: try BankTemplate.named("fixed-fen"), date: Self.date)
        }
        #expect(wide.description.contains("超过该字段的宽度 40"))
    }

    @Test func placeholdersPad() {
        let template = BankTemplate(name: "t", title: "t", description: "", delimiter: ",", fields: [.init(value: .card)])
        let values = BankUpload.Placeholders(count: 42, total: Money(fen: 123_456), template: template,
                                             policy: .default, date: CivilDate(year: 2026, month: 9, day: 1)!)
        #expect(values.fill("{count:06}|{totalFen:010}|{count:5}|{total}|{date}|{unknown}")
                == "000042|0000123456|   42|1234.56|20260901|{unknown}")
    }
}
