import Foundation
import ZizhuImport
@testable import ZizhuGenerate

/// A generated sheet read back independently of ZizhuImport's reader: decoded by its layout's encoding,
/// split into physical lines and into records (each with the line where it starts).
struct GeneratedSheet {
    struct Record {
        let line: Int
        let cells: [String]
    }

    let file: String
    let layout: SheetLayout
    let text: String
    /// Invalid bytes met while decoding (0 for a correctly encoded file).
    let invalidBytes: Int
    let physicalLines: [String]
    let records: [Record]
    let headerLine: Int

    init(path: String, info: AnswerKey.SheetInfo) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        file = info.file
        layout = info.layout
        headerLine = info.headerLine
        switch info.layout {
        case .utf8CSV:
            guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { throw SheetError.missingBOM(info.file) }
            let body = Array(bytes.dropFirst(3))
            guard let decoded = String(validating: body, as: UTF8.self) else { throw SheetError.badEncoding(info.file) }
            text = decoded
            invalidBytes = 0
        case .gb18030TitledCSV:
            (text, invalidBytes) = try IconvConverter.decode(bytes, from: "GB18030")
        case .utf16TabText:
            guard bytes.starts(with: [0xFF, 0xFE]) else { throw SheetError.missingBOM(info.file) }
            (text, invalidBytes) = try IconvConverter.decode(Array(bytes.dropFirst(2)), from: "UTF-16LE")
        }
        physicalLines = text.components(separatedBy: "\r\n").dropLast().map { $0 }
        records = GeneratedSheet.parse(text, delimiter: info.layout == .utf16TabText ? "\t" : ",")
    }

    enum SheetError: Error { case missingBOM(String), badEncoding(String) }

    /// The records after the header line (data rows, and for titled sheets the 合计 and signature lines).
    var recordsAfterHeader: [Record] { records.filter { $0.line > headerLine } }

    var header: [String] { records.first { $0.line == headerLine }?.cells ?? [] }

    /// The data rows: records after the header whose 序号 is a number.
    var dataRecords: [Record] { recordsAfterHeader.filter { Int($0.cells.first ?? "") != nil } }

    /// RFC 4180 with CRLF record ends; a quoted cell may hold the delimiter, `""` and line breaks.
    static func parse(_ text: String, delimiter: Character) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" { characters.removeFirst(); cell.append("\"") } else { inQuotes = false }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    cell.append(character)
                }
            } else if character == "\"" && cell.isEmpty {
                inQuotes = true
            } else if character == delimiter {
                cells.append(cell); cell = ""
            } else if character == "\r\n" || character == "\n" {
                cells.append(cell); cell = ""
                records.append(Record(line: recordLine, cells: cells))
                cells = []
                line += 1
                recordLine = line
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { cells.append(cell); records.append(Record(line: recordLine, cells: cells)) }
        return records
    }
}

/// A generated round read back: every sheet, with the columns found by the header synonyms of DOMAIN.md.
struct GeneratedFolder {
    let key: AnswerKey
    let sheets: [GeneratedSheet]

    init(directory: String) throws {
        key = try RosterGenerator.readAnswers(in: directory)
        sheets = try key.files.map { info in
            try GeneratedSheet(path: (directory as NSString).appendingPathComponent(info.file), info: info)
        }
    }

    /// One data row with its cells looked up by field.
    struct Row {
        let file: String
        let line: Int
        let values: [String: String]
        subscript(_ field: String) -> String { values[field] ?? "" }
    }

    static let synonyms: [String: [String]] = [
        "姓名": ["姓名", "学生姓名"], "性别": ["性别"], "身份证号": ["身份证号", "身份证号码", "公民身份号码"],
        "学籍号": ["学籍号", "全国学籍号"], "困难类型": ["困难类型", "认定类别"],
        "困难等级": ["困难等级", "认定等级", "档次"], "资助金额": ["资助金额", "金额（元）", "金额"],
        "银行卡号": ["银行卡号", "卡号", "银行账号"], "开户行": ["开户行", "开户银行"], "持卡人": ["持卡人", "户名"],
        "监护人": ["监护人"], "联系电话": ["联系电话", "联系方式"], "家庭住址": ["家庭住址"],
        "申请表": ["申请表", "申请书", "资助申请表"],
        "户口本": ["户口本", "户口簿", "户口本复印件", "户口簿复印件", "户籍证明"],
        "身份证复印件": ["身份证复印件"], "困难证明": ["困难证明", "证明材料", "困难证明材料"],
    ]

    var rows: [Row] {
        sheets.flatMap { sheet -> [Row] in
            let header = sheet.header
            var columns: [String: Int] = [:]
            for (field, names) in GeneratedFolder.synonyms {
                if let index = header.firstIndex(where: { names.contains($0) }) { columns[field] = index }
            }
            return sheet.dataRecords.map { record in
                var values: [String: String] = [:]
                for (field, index) in columns where index < record.cells.count { values[field] = record.cells[index] }
                return Row(file: sheet.file, line: record.line, values: values)
            }
        }
    }
}
