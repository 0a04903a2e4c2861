import ZizhuCore

/// The variable parts of import messages, in both languages. The templates themselves live in
/// `MessageCatalog+Import.swift`; findings carry these texts as `detail`/`detailEn` and `change`/`changeEn`.
enum ImportMessages {
    struct Text: Equatable {
        var zh: String
        var en: String
    }

    // MARK: encoding-unreadable

    static func foreign(_ format: ForeignFormat, fileExtension: String) -> Text {
        switch format {
        case .zip:
            Text(zh: "文件内容是 XLSX（ZIP）表格，但扩展名是“.\(fileExtension)”；请把扩展名改为 .xlsx 后再提交",
                 en: "the content is an XLSX (ZIP) workbook but the name ends in “.\(fileExtension)”; rename it to .xlsx")
        case .ole:
            Text(zh: "这是旧版 Excel 97-2003（.xls）或 WPS 表格文件，无法直接读取；请在 Excel/WPS 中“另存为”.xlsx 或 CSV UTF-8 后再提交",
                 en: "this is an old Excel 97-2003 (.xls) or WPS workbook, which cannot be read; save it as .xlsx or CSV UTF-8")
        case .pdf:
            Text(zh: "这是 PDF 文件，不是表格；请提交 CSV 或 XLSX 表格",
                 en: "this is a PDF document, not a sheet; submit the CSV or XLSX sheet")
        }
    }

    static func undecodable(_ encoding: TextEncoding, guessed: Bool, line: Int) -> Text {
        if guessed && encoding == .gb18030 {
            return Text(zh: "既不是有效的 UTF-8，也不是有效的 GB18030/GBK 文本，第 \(line) 行附近有无法识别的字节（文件可能已损坏，或是其他编码）",
                        en: "it is neither valid UTF-8 nor valid GB18030/GBK text; bytes near line \(line) cannot be decoded (the file may be damaged or in another encoding)")
        }
        return Text(zh: "按 \(encoding.reportName) 解码时，第 \(line) 行附近有无效字节（文件可能已损坏，或实际不是 \(encoding.reportName) 编码）",
                    en: "decoding as \(encoding.reportName) failed near line \(line) (the file may be damaged, or not in \(encoding.reportName))")
    }

    static func mixedEncodings(firstNonUTF8Line line: Int) -> Text {
        let before = line > 2 ? "第 1–\(line - 1) 行" : line == 2 ? "第 1 行" : "第 1 行的开头"
        let enBefore = line > 2 ? "lines 1–\(line - 1) are" : line == 2 ? "line 1 is" : "the start of line 1 is"
        return Text(zh: "\(before)是 UTF-8 文本，第 \(line) 行的内容却不是，按 GB18030/GBK 也读不通：文件像是由不同编码的内容拼接而成",
                    en: "\(enBefore) UTF-8 text but line \(line) is not, and the file does not read as GB18030/GBK either: it looks pasted together from two encodings")
    }

    static func truncatedCharacter(_ encoding: TextEncoding, line: Int) -> Text {
        Text(zh: "文件在第 \(line) 行中途结束，最后一个字符只有一半（按 \(encoding.reportName) 读取）：文件多半没有下载或复制完整",
             en: "the file ends in the middle of a character on line \(line) (read as \(encoding.reportName)): it was most likely not downloaded or copied in full")
    }

    static func nulBytes(line: Int) -> Text {
        Text(zh: "第 \(line) 行附近含有 NUL（0x00）字节，不是文本表格（可能是二进制文件，或不带 BOM 的 UTF-16 文本）",
             en: "it holds NUL (0x00) bytes near line \(line), so it is not a text sheet (a binary file, or UTF-16 without a byte-order mark)")
    }

    // MARK: row-shape

    static func tooManyCells(cells: Int, columns: Int, extra: [String]) -> Text {
        let shown = extra.joined(separator: "、")
        return Text(zh: "本行有 \(cells) 个单元格，多于表头的 \(columns) 列；多出的内容：\(shown)",
                    en: "This row has \(cells) cells, more than the header's \(columns) columns; the extra text: \(shown)")
    }

    static func problem(_ problem: CSVProblem) -> Text {
        switch problem.kind {
        case .strayQuote:
            Text(zh: "第 \(problem.endLine) 行的英文双引号用法不对（引号在单元格中间，或结束引号后还有其他字符），该行引号之后的内容没有读入；其他行照常读取",
                 en: "Line \(problem.endLine) misuses a double quote (a quote inside a cell, or text after a closing quote); the rest of that line was not read, other lines were")
        case .unterminatedQuote where problem.endLine <= problem.line:
            Text(zh: "第 \(problem.line) 行的英文双引号没有闭合，该行从引号起的内容没有读入",
                 en: "The double quote opened on line \(problem.line) is never closed; that line was not read from the quote on")
        case .unterminatedQuote:
            Text(zh: "第 \(problem.line) 行开始的英文双引号一直没有闭合，第 \(problem.line)–\(problem.endLine) 行被当成了一个单元格，这些行没有读入",
                 en: "The double quote opened on line \(problem.line) is never closed, so lines \(problem.line)–\(problem.endLine) ran into one cell and were not read")
        case .cellTooLarge:
            Text(zh: "第 \(problem.line) 行有一个单元格超过 1 MB（Excel 的单元格最多 32,767 个字符），该行从这个单元格起的内容没有读入；其他行照常读取",
                 en: "A cell on line \(problem.line) is over 1 MB (an Excel cell holds at most 32,767 characters); that line was not read from this cell on, other lines were")
        case .quotedCellTooLarge:
            Text(zh: "第 \(problem.line) 行开始的引号中的单元格超过 1 MB（Excel 的单元格最多 32,767 个字符），多半是英文双引号没有闭合；从这里起，文件的其余内容都没有读入",
                 en: "The quoted cell starting on line \(problem.line) is over 1 MB (an Excel cell holds at most 32,767 characters), most likely a double quote that is never closed; the rest of the file from there was not read")
        case .parserFailure:
            Text(zh: "第 \(problem.line) 行的单元格过大，无法读取",
                 en: "A cell on line \(problem.line) is too large to read")
        }
    }

    static func cellTooLong(header: String, column: Int, characters: Int) -> Text {
        let zhName = header.isEmpty ? "第 \(column + 1) 列" : "“\(header)”"
        let enName = header.isEmpty ? "column \(column + 1)" : "“\(header)”"
        return Text(zh: "\(zhName)一格有 \(characters) 个字符，超过 Excel 单元格的上限 32,767 个字符（不会是在 Excel 中填写的），各文档中只保留其开头",
                    en: "The \(enName) cell holds \(characters) characters, more than the 32,767 an Excel cell can hold (it was not typed in Excel); the documents keep only its start")
    }

    // MARK: value-normalized

    static func changes(_ changes: NormalizationChanges) -> Text {
        var zh: [String] = []
        var en: [String] = []
        func add(_ change: NormalizationChanges, _ chinese: String, _ english: String) {
            if changes.contains(change) {
                zh.append(chinese)
                en.append(english)
            }
        }
        add(.invisible, "去除不可见字符", "invisible characters removed")
        add(.specialSpace, "特殊空格改为普通空格", "non-breaking or ideographic spaces made plain")
        add(.fullWidth, "全角字符转为半角", "full-width characters made half-width")
        add(.trimmed, "去除首尾空格", "blanks trimmed")
        add(.apostrophe, "去除开头的单引号", "leading apostrophe removed")
        add(.innerSpaces, "去除中间的空格", "blanks inside removed")
        add(.dashes, "去除连字符", "dashes removed")
        add(.uppercased, "小写字母改为大写", "lowercase letters made uppercase")
        return Text(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }
}

// MARK: - XLSX workbooks

extension ImportMessages {
    /// `--sheet` names a sheet the workbook does not have.
    static func unknownSheet(_ name: String, available: [XLSXSheetInfo]) -> String {
        let names = available.map { $0.isHidden ? "\($0.name)（隐藏）" : $0.name }
        return "工作簿中没有名为“\(name)”的工作表；可用的工作表：\(names.isEmpty ? "（无）" : names.joined(separator: "、"))。"
    }

    /// The encoding column of a workbook's input summary: `XLSX`, or `XLSX（跳过：说明、数据（隐藏））`
    /// when sheets were left out because they are hidden or hold no roster header.
    static func workbookEncoding(skipped: [(name: String, hidden: Bool)]) -> String {
        guard !skipped.isEmpty else { return "XLSX" }
        let names = skipped.map { $0.hidden ? "\($0.name)（隐藏）" : $0.name }
        return "XLSX（跳过：\(names.joined(separator: "、"))）"
    }

    /// The `{field}` of a value-excel-mangled finding from a workbook: the column and the cell, e.g.
    /// `身份证号（高一(2)班!E17）`, so the clerk can find the very cell.
    static func mangledField(_ field: Field, cell: String) -> String {
        "\(field.header)（单元格 \(cell)）"
    }
}
