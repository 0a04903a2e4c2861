import ZizhuCore
import ZizhuImport

/// A bank upload file (TXT) laid out by a `BankTemplate`: the accepted payments in the register's order,
/// encoded as the template says (GBK by default) with its line ending, header and trailer lines.
///
/// Nothing is ever written approximately: a name the encoding cannot represent (䶮 in GBK), a value that
/// contains the delimiter or a line break, or one too wide for its fixed-width field stops the file with an
/// error naming the payment, its file and line and the student — never a `?` or a cut-off name in a bank file.
public enum BankUpload {
    /// Writes the upload file atomically. `date` fills `{date}` (default today).
    public static func write(_ result: RoundResult, template: BankTemplate, to path: String,
                             date: CivilDate = .today()) throws {
        try AtomicFile.write(to: path) { temporary in
            _ = try write(result, order: .accepted(result), amounts: AmountTable(result), template: template,
                          toPath: temporary, date: date)
        }
    }

    /// The bytes of the file, for tests and previews.
    public static func bytes(_ result: RoundResult, template: BankTemplate, date: CivilDate) throws -> [UInt8] {
        var out: [UInt8] = []
        try render(result, order: .accepted(result), amounts: AmountTable(result), template: template, date: date) {
            out += $0
        }
        return out
    }

    static func write(_ result: RoundResult, order: RosterOrder, amounts: AmountTable, template: BankTemplate,
                      toPath path: String, date: CivilDate) throws -> Int {
        let output = try FileOutput(path: path)
        try render(result, order: order, amounts: amounts, template: template, date: date) { try output.write($0) }
        try output.close()
        return order.rows.count
    }

    /// Renders the file in chunks of about 1 MB, handing each chunk's encoded bytes to `sink`.
    static func render(_ result: RoundResult, order: RosterOrder, amounts: AmountTable, template: BankTemplate,
                       date: CivilDate, sink: ([UInt8]) throws -> Void) throws {
        try template.validate()
        let document = template.outputFileName
        let policy = result.policy
        var total = Money.zero
        for index in order.rows {
            let applicant = result.applicants[index]
            guard let amount = amounts[index] else {
                throw ExportError.bankValue(document: document, row: describe(applicant, serial: nil), reason: "金额无效")
            }
            total += amount
        }
        let values = Placeholders(count: order.rows.count, total: total, template: template, policy: policy, date: date)
        let newline = template.lineEnding == .crlf ? "\r\n" : "\n"
        let summary = values.fill(template.summary)
        let encoder = Encoder(template: template, document: document)

        var chunk = ""
        for line in template.header {
            chunk += try encoder.checkedLine(values.fill(line), context: "首部行") + newline
        }
        var chunkRows: [Int] = []
        chunk.reserveCapacity(1 << 20)
        try order.forEachRow { position, index, group in
            let applicant = result.applicants[index]
            try appendRecord(applicant, amount: amounts[index], serial: position + 1, classLabel: group.label,
                             template: template, summary: summary, encoder: encoder, to: &chunk)
            chunk += newline
            chunkRows.append(position)
            if chunk.utf8.count >= 1 << 20 {
                try sink(try encoder.encode(chunk, rows: chunkRows, order: order, result: result))
                chunk.removeAll(keepingCapacity: true)
                chunkRows.removeAll(keepingCapacity: true)
            }
        }
        for line in template.trailer {
            chunk += try encoder.checkedLine(values.fill(line), context: "尾部行") + newline
        }
        try sink(try encoder.encode(chunk, rows: chunkRows, order: order, result: result))
    }

    /// The text a field takes from the row itself: card, 户名, name, ID; nil for the others. The bank check
    /// (`BankTemplateCheck`) reads the same, so it judges what this file will hold.
    static func rowText(_ value: BankTemplate.Field.Value, of applicant: Applicant) -> String? {
        switch value {
        case .card: applicant.value(.card)
        case .holder: Official.accountHolder(applicant)
        case .name: applicant.value(.name)
        case .idNumber: applicant.value(.idNumber)
        case .serial, .amount, .summary, .remark, .literal: nil
        }
    }

    /// Appends one payment's line, without the line ending, to `line` — the chunk being built, so no string
    /// is made per row.
    static func appendRecord(_ applicant: Applicant, amount: Money?, serial: Int, classLabel: String,
                             template: BankTemplate, summary: String, encoder: Encoder, to line: inout String) throws {
        for (position, field) in template.fields.enumerated() {
            let value: String
            switch field.value {
            case .serial: value = String(serial)
            case .card, .holder, .name, .idNumber: value = rowText(field.value, of: applicant) ?? ""
            case .amount:
                guard let amount else {
                    throw ExportError.bankValue(document: encoder.document, row: describe(applicant, serial: serial),
                                                reason: "金额无效")
                }
                value = template.amountFormat == .yuan ? amount.decimalString : String(amount.fen)
            case .summary: value = summary
            case .remark: value = classLabel
            case .literal: value = field.text ?? ""
            }
            if let delimiter = template.delimiter {
                if position > 0 { line += delimiter }
                if encoder.containsDelimiterOrLineBreak(value) {
                    throw ExportError.bankValue(document: encoder.document, row: describe(applicant, serial: serial),
                                                reason: "“\(fieldName(field.value))”的内容“\(value)”含有分隔符“\(delimiter)”或换行")
                }
                line += value
            } else {
                line += try encoder.padded(value, field: field) {
                    describe(applicant, serial: serial)
                }
            }
        }
    }

    /// `第 3 笔（高一(2)班.csv 第 17 行，张三）`.
    static func describe(_ applicant: Applicant, serial: Int?) -> String {
        let where_ = "\(applicant.layout.file) 第 \(applicant.line) 行，\(applicant.value(.name))"
        return serial.map { "第 \($0) 笔（\(where_)）" } ?? "（\(where_)）"
    }

    static func fieldName(_ value: BankTemplate.Field.Value) -> String {
        switch value {
        case .serial: "序号"
        case .card: "卡号"
        case .holder: "户名"
        case .name: "姓名"
        case .amount: "金额"
        case .idNumber: "身份证号"
        case .summary: "摘要"
        case .remark: "备注"
        case .literal: "固定内容"
        }
    }

    /// The values of `{count}`, `{total}` … for header, trailer and summary.
    struct Placeholders {
        let values: [String: String]

        init(count: Int, total: Money, template: BankTemplate, policy: Policy, date: CivilDate) {
            values = [
                "count": String(count),
                "total": template.amountFormat == .yuan ? total.decimalString : String(total.fen),
                "totalYuan": total.decimalString,
                "totalFen": String(total.fen),
                "words": ChineseAmount.words(total),
                "school": policy.school,
                "program": policy.program,
                "paymentSummary": policy.paymentSummary,
                "date": date.description.filter { $0 != "-" },
            ]
        }

        /// Replaces `{name}`, `{name:06}` (zero-padded) and `{name:6}` (space-padded, right-aligned).
        func fill(_ text: String) -> String {
            var out = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let inside = rest[rest.index(after: open)..<close]
                let parts = inside.split(separator: ":", maxSplits: 1)
                let key = parts.first.map(String.init) ?? ""
                if let value = values[key] {
                    if parts.count == 2, let width = Int(parts[1]) {
                        let pad: Character = parts[1].hasPrefix("0") ? "0" : " "
                        out += String(repeating: pad, count: max(0, width - value.count)) + value
                    } else {
                        out += value
                    }
                } else {
                    out += rest[open...close]
                }
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }

    /// Byte widths and encoding in the template's encoding.
    struct Encoder {
        let template: BankTemplate
        let document: String
        let isUTF8: Bool
        /// Which characters are known to encode without asking iconv.
        private let coverage: Coverage
        /// The delimiter when it is one byte (every shipped template's).
        private let delimiterByte: UInt8?

        private enum Coverage { case everything, asciiAndCJK, asciiOnly }

        init(template: BankTemplate, document: String) {
            self.template = template
            self.document = document
            let name = template.encoding.uppercased()
            isUTF8 = name == "UTF-8" || name == "UTF8"
            coverage = isUTF8 || name == "GB18030" ? .everything : name == "GBK" || name == "CP936" ? .asciiAndCJK : .asciiOnly
            let delimiter = template.delimiter.map { Array($0.utf8) }
            delimiterByte = delimiter?.count == 1 ? delimiter?[0] : nil
        }

        /// Bytes the text takes in the file (GBK: 2 per non-ASCII character; checked again when encoding).
        func byteWidth(_ text: String) -> Int {
            if isUTF8 { return text.utf8.count }
            var width = 0
            for scalar in text.unicodeScalars { width += scalar.isASCII ? 1 : 2 }
            return width
        }

        func padded(_ value: String, field: BankTemplate.Field, row: () -> String) throws -> String {
            let width = field.width ?? 0
            let used = byteWidth(value)
            guard used <= width else {
                throw ExportError.bankValue(document: document, row: row(),
                                            reason: "“\(BankUpload.fieldName(field.value))”的内容“\(value)”占 \(used) 字节，超过该字段的宽度 \(width)")
            }
            let padding = String(repeating: field.pad ?? " ", count: width - used)
            return (field.align ?? .left) == .left ? value + padding : padding + value
        }

        /// Why `value` cannot go into `field` of this template (zh, en), or nil when it can.
        func problem(with value: String, field: BankTemplate.Field) -> (zh: String, en: String)? {
            if surelyFits(value, field: field) { return nil }
            if let delimiter = template.delimiter {
                if containsDelimiterOrLineBreak(value) {
                    return ("“\(value)”含有分隔符“\(delimiter)”或换行", "“\(value)” holds the delimiter “\(delimiter)” or a line break")
                }
            } else if let width = field.width, byteWidth(value) > width {
                let used = byteWidth(value)
                return ("“\(value)”占 \(used) 字节，超过该字段的宽度 \(width)", "“\(value)” takes \(used) bytes, more than the field's width \(width)")
            }
            // Only values `surelyFits` did not clear get here: ask iconv character by character.
            if let bad = unencodable(in: value) {
                return ("“\(value)”中的“\(bad)”无法用 \(template.encoding) 编码写入", "“\(bad)” in “\(value)” cannot be written in \(template.encoding)")
            }
            return nil
        }

        /// One pass over the bytes that clears almost every value: no delimiter or line break, within a
        /// fixed width, and only characters the encoding surely holds. False means "look closer".
        func surelyFits(_ value: String, field: BankTemplate.Field) -> Bool {
            var copy = value
            return copy.withUTF8 { bytes in
                var width = 0
                var index = 0
                let count = bytes.count
                // Eight ASCII bytes at a time (ID and card numbers): no control byte and no delimiter among them.
                let delimiterWord = UInt64(delimiterByte ?? 0) &* 0x0101_0101_0101_0101
                while index + 8 <= count, let base = bytes.baseAddress {
                    let word = ByteScan.load(base, index)
                    guard word & 0x8080_8080_8080_8080 == 0, !ByteScan.hasByteBelow(word, 0x20),
                          delimiterByte == nil || !ByteScan.hasByteBelow(word ^ delimiterWord, 1) else { break }
                    width += 8
                    index += 8
                }
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte == 10 || byte == 13 || byte == delimiterByte { return false }
                        width += 1
                        index += 1
                        continue
                    }
                    switch coverage {
                    case .everything:
                        break
                    case .asciiAndCJK:
                        guard byte >= 0xE4 && byte <= 0xE9, index + 2 < count else { return false }
                        let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                            | UInt32(bytes[index + 2] & 0x3F)
                        guard scalar >= 0x4E00 && scalar <= 0x9FA5 else { return false }
                    case .asciiOnly:
                        return false
                    }
                    // A multi-byte character: 2 bytes in GBK, its UTF-8 length otherwise (as `byteWidth`).
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    width += isUTF8 ? length : 2
                    index += length
                }
                guard let delimiter = template.delimiter else { return width <= field.width ?? .max }
                // A delimiter of several bytes is looked for as text.
                return delimiterByte != nil || !value.contains(delimiter)
            }
        }

        /// The first character of `text` the encoding cannot represent (checked one by one: error path only).
        func unencodable(in text: String) -> Character? {
            text.first { (try? IconvConverter.encode(String($0), to: template.encoding)) == nil }
        }

        /// A delimited value may not contain the delimiter or a line break (the bank would split it).
        func containsDelimiterOrLineBreak(_ value: String) -> Bool {
            guard let delimiter = template.delimiter else { return false }
            if let d = delimiterByte {  // every shipped template: no array per value
                return value.utf8.contains { $0 == d || $0 == 10 || $0 == 13 }
            }
            return value.contains(delimiter) || value.utf8.contains { $0 == 10 || $0 == 13 }
        }

        /// A header or trailer line: no line breaks inside.
        func checkedLine(_ line: String, context: String) throws -> String {
            guard !line.contains("\n"), !line.contains("\r") else {
                throw ExportError.bankValue(document: document, row: context, reason: "含有换行")
            }
            return line
        }

        /// Encodes a chunk; when something cannot be represented, finds the payment and the field.
        func encode(_ chunk: String, rows: [Int], order: RosterOrder, result: RoundResult) throws -> [UInt8] {
            if isUTF8 { return Array(chunk.utf8) }
            do {
                return try IconvConverter.encode(chunk, to: template.encoding)
            } catch {
                for position in rows {
                    let applicant = result.applicants[order.rows[position]]
                    let candidates: [(String, String)] = [
                        ("户名", Official.accountHolder(applicant)), ("姓名", applicant.value(.name)),
                        ("卡号", applicant.value(.card)), ("身份证号", applicant.value(.idNumber)),
                        ("备注", BankList.classNote(applicant)),
                    ]
                    for (field, value) in candidates {
                        if let bad = unencodable(in: value) {
                            throw ExportError.bankValue(
                                document: document, row: BankUpload.describe(applicant, serial: position + 1),
                                reason: "“\(field)”为“\(value)”，其中的“\(bad)”无法用 \(template.encoding) 编码写入银行文件。请与本人核对写法，或改用支持 GB18030/UTF-8 的银行模板")
                        }
                    }
                }
                let bad = unencodable(in: chunk).map { "“\($0)”" } ?? "某些字符"
                throw ExportError.bankValue(document: document, row: "首部、尾部或摘要",
                                            reason: "\(bad)无法用 \(template.encoding) 编码写入")
            }
        }
    }
}
