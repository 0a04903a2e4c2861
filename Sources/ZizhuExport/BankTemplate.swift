import Foundation
import ZizhuImport

/// The layout of one bank's upload file, kept as data: a JSON file in `Resources/BankTemplates/` (or any
/// file given by path). Every bank has its own layout; adding a bank is adding a file, not code.
///
/// ```json
/// { "name": "nongxin-pipe", "title": "农信社代发（竖线分隔）", "description": "…",
///   "encoding": "GBK", "lineEnding": "CRLF", "fileExtension": "txt",
///   "delimiter": "|",                     // omit for fixed-width fields (each field then has a width)
///   "amountFormat": "yuan",               // "yuan": 1150.00; "fen": 115000
///   "summary": "{paymentSummary}",        // the 摘要 text
///   "header": ["{count}|{total}"],        // lines before the records
///   "fields": [ { "value": "card" }, { "value": "holder" }, { "value": "amount" }, { "value": "summary" } ],
///   "trailer": [] }                       // lines after the records
/// ```
/// Field values: `serial`, `card`, `holder` (持卡人, else 姓名), `name`, `amount`, `idNumber`, `summary`,
/// `remark` (the class), `literal` (with `text`). A fixed-width field has `width` (bytes in the file's
/// encoding, a 汉字 is 2 in GBK), `align` (`left` or `right`) and `pad` (one ASCII character).
/// Placeholders in header, trailer and summary: `{count}`, `{total}` (in the amount format), `{totalYuan}`,
/// `{totalFen}`, `{words}` (大写), `{school}`, `{program}`, `{paymentSummary}`, `{date}` (YYYYMMDD); `{count:06}`
/// pads with zeros to 6, `{count:6}` with spaces.
public struct BankTemplate: Codable, Sendable, Equatable {
    public enum AmountFormat: String, Codable, Sendable { case yuan, fen }
    public enum LineEnding: String, Codable, Sendable { case crlf = "CRLF", lf = "LF" }

    public struct Field: Codable, Sendable, Equatable {
        public enum Value: String, Codable, Sendable, CaseIterable {
            case serial, card, holder, name, amount, idNumber, summary, remark, literal
        }
        public enum Alignment: String, Codable, Sendable { case left, right }

        public var value: Value
        /// The text of a `literal` field.
        public var text: String?
        /// Bytes, for fixed-width layouts.
        public var width: Int?
        public var align: Alignment?
        public var pad: String?

        public init(value: Value, text: String? = nil, width: Int? = nil, align: Alignment? = nil, pad: String? = nil) {
            self.value = value
            self.text = text
            self.width = width
            self.align = align
            self.pad = pad
        }
    }

    public var name: String
    /// A short Chinese name for lists (`zizhu bank --list`).
    public var title: String
    public var description: String
    /// An iconv name: GBK (the default), GB18030, UTF-8.
    public var encoding: String
    public var lineEnding: LineEnding
    public var fileExtension: String
    /// nil for fixed-width layouts.
    public var delimiter: String?
    public var amountFormat: AmountFormat
    public var summary: String
    public var header: [String]
    public var fields: [Field]
    public var trailer: [String]

    public init(name: String, title: String, description: String, encoding: String = "GBK",
                lineEnding: LineEnding = .crlf, fileExtension: String = "txt", delimiter: String?,
                amountFormat: AmountFormat = .yuan, summary: String = "{paymentSummary}", header: [String] = [],
                fields: [Field], trailer: [String] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.fileExtension = fileExtension
        self.delimiter = delimiter
        self.amountFormat = amountFormat
        self.summary = summary
        self.header = header
        self.fields = fields
        self.trailer = trailer
    }

    enum CodingKeys: String, CodingKey {
        case name, title, description, encoding, lineEnding, fileExtension, delimiter, amountFormat, summary, header,
             fields, trailer
    }

    /// Missing keys take the usual values: GBK, CRLF, txt, yuan, `{paymentSummary}`, no header or trailer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? name
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding) ?? "GBK"
        lineEnding = try c.decodeIfPresent(LineEnding.self, forKey: .lineEnding) ?? .crlf
        fileExtension = try c.decodeIfPresent(String.self, forKey: .fileExtension) ?? "txt"
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter)
        amountFormat = try c.decodeIfPresent(AmountFormat.self, forKey: .amountFormat) ?? .yuan
        summary = try c.decodeIfPresent(String.self, forKey: .summary) ?? "{paymentSummary}"
        header = try c.decodeIfPresent([String].self, forKey: .header) ?? []
        fields = try c.decode([Field].self, forKey: .fields)
        trailer = try c.decodeIfPresent([String].self, forKey: .trailer) ?? []
    }

    /// The upload file's name in a run's output folder: `银行代发_generic.txt`.
    public var outputFileName: String { "银行代发_\(name).\(fileExtension)" }

    public var isFixedWidth: Bool { delimiter == nil }

    static let placeholders: Set<String> = ["count", "total", "totalYuan", "totalFen", "words", "school", "program",
                                            "paymentSummary", "date"]

    /// Checks what JSON decoding cannot: a usable encoding, a sane delimiter, widths for fixed-width
    /// layouts, known placeholders.
    public func validate() throws {
        func fail(_ reason: String) -> ExportError { .invalidBankTemplate(name: name, reason: reason) }
        guard !name.isEmpty, !name.contains("/") else { throw fail("名称为空或含有“/”") }
        guard !fields.isEmpty else { throw fail("没有字段（fields）") }
        do {
            _ = try IconvConverter(from: "UTF-8", to: encoding)
        } catch {
            throw fail("无法使用编码 \(encoding)")
        }
        if let delimiter {
            guard !delimiter.isEmpty, !delimiter.contains("\r"), !delimiter.contains("\n") else {
                throw fail("分隔符不能为空或换行")
            }
        } else {
            let widthEncodings = ["GBK", "GB2312", "CP936", "UTF-8"]
            guard widthEncodings.contains(encoding.uppercased()) else {
                throw fail("定长格式只支持 \(widthEncodings.joined(separator: "、")) 编码")
            }
            for field in fields {
                guard let width = field.width, width > 0 else { throw fail("定长格式的字段 \(field.value.rawValue) 缺少宽度（width）") }
                guard (field.pad ?? " ").utf8.count == 1, (field.pad ?? " ").allSatisfy(\.isASCII) else {
                    throw fail("字段 \(field.value.rawValue) 的填充字符（pad）必须是一个 ASCII 字符")
                }
            }
        }
        for field in fields where field.value == .literal && field.text == nil {
            throw fail("literal 字段缺少 text")
        }
        for line in header + trailer + [summary] {
            for placeholder in BankTemplate.placeholderNames(in: line) where !BankTemplate.placeholders.contains(placeholder) {
                throw fail("未知的占位符 {\(placeholder)}")
            }
        }
    }

    static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            names.append(String(inside.split(separator: ":", maxSplits: 1).first ?? ""))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    // MARK: Loading

    /// Reads and validates a template file.
    public static func load(path: String) throws -> BankTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.invalidBankTemplate(name: path, reason: "无法读取文件")
        }
        return try decode(data, source: path)
    }

    public static func decode(_ data: Data, source: String) throws -> BankTemplate {
        let template: BankTemplate
        do {
            template = try JSONDecoder().decode(BankTemplate.self, from: data)
        } catch {
            throw ExportError.invalidBankTemplate(name: source, reason: "JSON 格式错误：\(error)")
        }
        try template.validate()
        return template
    }

    /// The templates shipped with zizhu, `generic` first, then by name.
    public static var all: [BankTemplate] { builtIn.templates }

    /// A built-in template by name, or a template file when `name` is a path to a `.json` file.
    public static func named(_ name: String) throws -> BankTemplate {
        if let found = builtIn.templates.first(where: { $0.name == name }) { return found }
        if name.hasSuffix(".json") && FileManager.default.fileExists(atPath: name) { return try load(path: name) }
        if let problem = builtIn.problems.first(where: { $0.file.hasPrefix(name + ".") }) { throw problem.error }
        throw ExportError.unknownBankTemplate(name: name, known: builtIn.templates.map(\.name))
    }

    private static let builtIn: (templates: [BankTemplate], problems: [(file: String, error: ExportError)]) = {
        var templates: [BankTemplate] = []
        var problems: [(String, ExportError)] = []
        guard let folder = Bundle.module.url(forResource: "BankTemplates", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return ([], [])
        }
        for file in files.sorted() where file.hasSuffix(".json") && !file.hasPrefix(".") {
            do {
                templates.append(try load(path: folder.appendingPathComponent(file).path))
            } catch let error as ExportError {
                problems.append((file, error))
            } catch {
                problems.append((file, .invalidBankTemplate(name: file, reason: "\(error)")))
            }
        }
        templates.sort { ($0.name == "generic" ? 0 : 1, $0.name) < ($1.name == "generic" ? 0 : 1, $1.name) }
        return (templates, problems)
    }()
}
