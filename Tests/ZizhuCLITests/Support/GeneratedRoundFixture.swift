import Foundation
import ZizhuGenerate
import ZizhuImport
import ZizhuTestSupport

/// Class sheets made by `ZizhuGenerate` (its seeds, its planted anomalies, its variant headers), then
/// re-saved the ways sheets arrive: UTF-8 with or without BOM, GB18030, UTF-16LE tab text or .xlsx (written by
/// Python's xlsxwriter, a writer zizhu did not write), with or without title rows and 合计/制表人 lines, LF or
/// CRLF, with blank rows and hand-made bad rows mixed in. It records where every data row went — the
/// file name a clerk sees and the line (sheet row) where the record starts — independently of zizhu's reader.
struct GeneratedRoundFixture {
    enum Format: String, CaseIterable {
        case utf8, utf8BOM, gb18030, utf16Tab, xlsx
    }

    /// One data row of the inputs, as written.
    struct Row: Hashable {
        var file: String
        var line: Int
    }

    /// The folder holding the class sheets (and nothing else).
    let folder: String
    /// Every data row written, by file and line.
    let rows: [Row]
    /// The format each file was saved in.
    let formats: [String: Format]

    /// The headers the generator uses for the columns the bad rows change.
    static let nameHeaders: Set<String> = ["姓名", "学生姓名"]
    static let idHeaders: Set<String> = ["身份证号", "身份证号码", "公民身份号码"]
    static let amountHeaders: Set<String> = ["资助金额", "金额（元）", "金额"]

    /// Generates `rows` rows with `ZizhuGenerate` from `seed` into `directory/generated`, re-saves them into
    /// `directory/input` in random formats and layouts (chosen from `seed` too).
    static func make(seed: UInt64, rows: Int, anomalyRate: Double, in directory: URL,
                     formats allowed: [Format] = Format.allCases) throws -> GeneratedRoundFixture {
        var random = SeededRandom(seed: seed)
        let generated = directory.appendingPathComponent("generated").path
        let input = directory.appendingPathComponent("input").path
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let round = try RosterGenerator.generate(
            GeneratorOptions(rows: rows, seed: seed, anomalyRate: anomalyRate), into: generated)
        let key = try RosterGenerator.readAnswers(in: generated)

        var written: [Row] = []
        var formats: [String: Format] = [:]
        var workbooks: [[String: Any]] = []
        // Formats in a shuffled cycle: a round of five or more classes uses every one.
        let cycle = allowed.shuffled(using: &random)
        for (position, (path, info)) in zip(round.files, key.files).enumerated() {
            let sheet = try ParsedSheet(path: path, layout: info.layout, headerLine: info.headerLine)
            let format = cycle[position % cycle.count]
            let records = sheet.rearranged(using: &random)
            let base = (info.file as NSString).deletingPathExtension
            let fileName = base + "." + (format == .xlsx ? "xlsx" : format == .utf16Tab ? "txt" : "csv")
            formats[fileName] = format
            let target = (input as NSString).appendingPathComponent(fileName)
            if format == .xlsx {
                // One record per sheet row, from A1: the record's line is its row number.
                for (position, record) in records.enumerated() where record.isData {
                    written.append(Row(file: fileName, line: position + 1))
                }
                var book: [String: Any] = ["path": target, "sheet": base, "rows": records.map(\.cells),
                                           "numbers": random.chance(0.5)]
                if random.chance(0.3) { book["notes"] = "说明：本表由班主任填写，金额单位为元。" }
                workbooks.append(book)
            } else {
                let crlf = format == .utf16Tab || random.chance(0.7)
                let (text, lines) = CSVText.render(records.map(\.cells), delimiter: format == .utf16Tab ? "\t" : ",",
                                                   lineEnd: crlf ? "\r\n" : "\n")
                for (record, line) in zip(records, lines) where record.isData {
                    written.append(Row(file: fileName, line: line))
                }
                try Data(try encode(text, format)).write(to: URL(fileURLWithPath: target))
            }
        }
        if !workbooks.isEmpty {
            let spec = directory.appendingPathComponent("workbooks.json")
            try JSONSerialization.data(withJSONObject: workbooks).write(to: spec)
            _ = try ReadbackScripts.run("make_xlsx_rosters.py", [spec.path])
        }
        return GeneratedRoundFixture(folder: input, rows: written, formats: formats)
    }

    static func encode(_ text: String, _ format: Format) throws -> [UInt8] {
        switch format {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gb18030: return try IconvConverter.encode(text, to: "GB18030")
        case .utf16Tab:
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes.append(UInt8(truncatingIfNeeded: unit)); bytes.append(UInt8(unit >> 8)) }
            return bytes
        case .xlsx: return []
        }
    }
}

/// A generated class sheet split into its parts: the rows above the header, the header, the data rows and
/// the 合计/制表人 rows below.
struct ParsedSheet {
    struct Record {
        var cells: [String]
        /// A student row (one the reader must turn into an applicant).
        var isData: Bool
    }

    var above: [[String]]
    var header: [String]
    var data: [[String]]
    var below: [[String]]

    init(path: String, layout: SheetLayout, headerLine: Int) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let text: String
        switch layout {
        case .utf8CSV: text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        case .gb18030TitledCSV: text = try IconvConverter.decode(bytes, from: "GB18030").text
        case .utf16TabText: text = try IconvConverter.decode(Array(bytes.dropFirst(2)), from: "UTF-16LE").text
        }
        let records = CSVText.parse(text, delimiter: layout == .utf16TabText ? "\t" : ",")
        guard let headerIndex = records.firstIndex(where: { $0.line == headerLine }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        above = records[..<headerIndex].map(\.cells)
        header = records[headerIndex].cells
        let after = records[(headerIndex + 1)...]
        data = after.filter { Int($0.cells.first ?? "") != nil }.map(\.cells)
        below = after.filter { Int($0.cells.first ?? "") == nil }.map(\.cells)
    }

    /// The sheet laid out again: title rows and trailer rows kept, dropped or added; blank rows and bad rows
    /// (too many cells, a broken ID, an amount in words, no name, a cut-off row) mixed into the data.
    func rearranged(using random: inout SeededRandom) -> [Record] {
        let width = header.count
        func column(_ names: Set<String>) -> Int? { header.firstIndex { names.contains($0) } }
        let name = column(GeneratedRoundFixture.nameHeaders)
        let id = column(GeneratedRoundFixture.idHeaders)
        let amount = column(GeneratedRoundFixture.amountHeaders)

        var rows = data.map { Record(cells: $0, isData: true) }
        let badRows = Int.random(in: 0...4, using: &random)
        for _ in 0..<badRows where !data.isEmpty {
            var cells = data[Int.random(in: 0..<data.count, using: &random)]
            switch Int.random(in: 0..<5, using: &random) {
            case 0: cells += ["多余的格子", "12"]
            case 1: if let id { cells[id] = String(Int.random(in: 10_000_000...99_999_999, using: &random)) }
            case 2: if let amount { cells[amount] = ["壹仟伍佰", "abc", "一千五百元整", "15OO"].randomElement(using: &random)! }
            case 3: if let name { cells[name] = "" }
            default: cells = Array(cells.prefix(max(6, (id ?? 0) + 1)))
            }
            rows.insert(Record(cells: cells, isData: true), at: Int.random(in: 0...rows.count, using: &random))
        }
        if random.chance(0.3) {
            rows.insert(Record(cells: Array(repeating: "", count: width), isData: false),
                        at: Int.random(in: 0...rows.count, using: &random))
        }

        var above = self.above
        var below = self.below
        switch Int.random(in: 0..<3, using: &random) {
        case 0: above = []
        case 1 where above.isEmpty:
            var title = Array(repeating: "", count: width)
            title[0] = "示例中学2026年秋季学期国家助学金申请汇总表"
            var unit = Array(repeating: "", count: width)
            unit[0] = "填报单位（盖章）：示例中学"
            above = [title, unit, Array(repeating: "", count: width)]
        default: break
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: below = []
        case 1 where below.isEmpty:
            var total = Array(repeating: "", count: width)
            total[0] = "合计"
            total[1] = "共\(data.count)人"
            var signature = Array(repeating: "", count: width)
            signature[0] = "制表人：王老师"
            below = [total, signature]
        default: break
        }
        return above.map { Record(cells: $0, isData: false) } + [Record(cells: header, isData: false)] + rows
            + below.map { Record(cells: $0, isData: false) }
    }
}

/// RFC 4180 text: parsing (records with the physical line where each starts) and writing.
enum CSVText {
    static func parse(_ text: String, delimiter: Unicode.Scalar) -> [(line: Int, cells: [String])] {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var start = 1
        var scalars = Array(text.unicodeScalars)[...]
        func endCell() { cells.append(String(cell)); cell = String.UnicodeScalarView() }
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); cell.append("\"") } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case delimiter: endCell()
            case "\r": break
            case "\n":
                endCell()
                records.append((start, cells))
                cells = []
                line += 1
                start = line
            default: cell.append(scalar)
            }
        }
        if !cell.isEmpty || !cells.isEmpty {
            endCell()
            records.append((start, cells))
        }
        return records
    }

    /// The text of `records` and the line where each record starts.
    static func render(_ records: [[String]], delimiter: Character, lineEnd: String) -> (text: String, lines: [Int]) {
        var text = ""
        var lines: [Int] = []
        var line = 1
        for cells in records {
            lines.append(line)
            for (position, cell) in cells.enumerated() {
                if position > 0 { text.append(delimiter) }
                if cell.contains(where: { $0 == delimiter || $0 == "\"" || $0.isNewline }) {
                    text += "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                } else {
                    text += cell
                }
                line += cell.unicodeScalars.filter { $0 == "\n" }.count
            }
            text += lineEnd
            line += 1
        }
        return (text, lines)
    }
}

/// The Python helpers in Tests/readback (openpyxl, xlsxwriter, zipfile: readers and writers zizhu did not write).
enum ReadbackScripts {
    static var folder: String { CLIRunner.packageRoot.appendingPathComponent("Tests/readback").path }

    /// Runs `python3 Tests/readback/<script> arguments…` and returns its stdout; throws on a non-zero exit.
    static func run(_ script: String, _ arguments: [String]) throws -> Data {
        let result = try ChildProcess.run("/usr/bin/env", ["python3", folder + "/" + script] + arguments)
        guard result.status == 0 else {
            throw ChildProcess.Failure(description: "\(script) failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return Data(result.stdout.utf8)
    }

    static func json(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let data = try run(script, arguments)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ChildProcess.Failure(description: "\(script) did not print a JSON object")
        }
        return object
    }
}
