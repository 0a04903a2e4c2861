import ZizhuCore

/// A class sheet as text, before encoding, with the physical line of every record.
struct RenderedSheet {
    var text: String
    var headerLine: Int
    /// `rowLines[i]` is the 1-based line where data row `i` starts.
    var rowLines: [Int]
}

/// Writes a class sheet in one of the layouts of DOMAIN.md: header synonyms, cell quoting, title and
/// totals lines, and the cosmetic quirks of real sheets.
struct SheetRenderer {
    let policy: Policy
    let facts: PolicyFacts
    let style: SheetStyle
    let grade: String
    let className: String
    let teacher: String

    private struct Column {
        let header: String
        let cell: (StudentRow) -> String
    }

    func render(_ rows: [StudentRow]) -> RenderedSheet {
        let columns = makeColumns()
        let delimiter = style.layout.delimiter
        var text = ""
        text.reserveCapacity(rows.count * 260 + 1024)
        var line = 1
        let width = columns.count

        let delimiterByte = style.layout.delimiter.asciiValue ?? 44
        func emit(_ cells: [String]) {
            var first = true
            for cell in cells {
                if !first { text.append(delimiter) }
                first = false
                // One pass over the bytes: does the cell need quotes, and how many line breaks does it hold?
                var needsQuotes = false
                for byte in cell.utf8 {
                    switch byte {
                    case 10: line += 1; needsQuotes = true
                    case 13, 34, delimiterByte: needsQuotes = true
                    default: break
                    }
                }
                if needsQuotes {
                    text.append("\"")
                    text.append(cell.replacingAll("\"", with: "\"\""))
                    text.append("\"")
                } else {
                    text.append(cell)
                }
            }
            text.append("\r\n")
            line += 1
        }

        func blankRow() -> [String] { Array(repeating: "", count: width) }

        if style.layout == .gb18030TitledCSV {
            var title = blankRow()
            title[0] = "\(policy.school)\(policy.year)年\(policy.term)\(policy.program)申请汇总表"
            emit(title)
            var unit = blankRow()
            unit[0] = "填报单位（盖章）：\(policy.school)"
            unit[min(6, width - 1)] = "班级：\(className)"
            unit[width - 1] = "单位：元"
            emit(unit)
            emit(blankRow())
        }

        let headerLine = line
        emit(columns.map(\.header))

        var rowLines: [Int] = []
        rowLines.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            rowLines.append(line)
            var cells = columns.map { $0.cell(row) }
            cells[0] = String(index + 1)
            emit(cells)
        }

        if style.layout == .gb18030TitledCSV {
            var total = blankRow()
            total[0] = "合计"
            total[1] = "共\(rows.count)人"
            if let amountColumn = columns.firstIndex(where: { $0.header.contains("金额") }) {
                let sum = rows.reduce(Money.zero) { sum, row in
                    if case .success(let money) = Money.parse(amountCell(row)) { return sum + money }
                    return sum
                }
                total[amountColumn] = style.amountText(sum)
            }
            emit(total)
            var signatures = blankRow()
            signatures[0] = "制表人：\(teacher)"
            signatures[min(5, width - 1)] = "审核人："
            signatures[min(10, width - 1)] = "填表日期：\(facts.termStart.year)年\(facts.termStart.month)月\(min(28, facts.termStart.day + 9))日"
            emit(signatures)
        }
        return RenderedSheet(text: text, headerLine: headerLine, rowLines: rowLines)
    }

    private func header(_ slot: Int, _ candidates: [String]) -> String {
        candidates[style.variant(slot, of: candidates.count)]
    }

    private func amountCell(_ row: StudentRow) -> String {
        row.amountOverride ?? style.amountText(row.tier.amount)
    }

    private func makeColumns() -> [Column] {
        let style = self.style
        let nationalWording = style.categoryInNationalWords ? facts.nationalWording : [:]
        let levelHeader = header(5, ["困难等级", "认定等级", "档次"])
        let levelAsTier = levelHeader == "档次" || style.levelAsAlias
        var columns: [Column] = [
            Column(header: "序号") { _ in "" },
            Column(header: header(0, ["姓名", "学生姓名"])) { row in
                row.cosmetic == .nameTrailingSpace ? row.name + " " : row.name
            },
            Column(header: "性别") { $0.male ? "男" : "女" },
            Column(header: "民族") { $0.ethnicity },
            Column(header: header(1, ["身份证号", "身份证号码", "公民身份号码"])) { row in
                row.cosmetic == .lowercaseX ? String(row.id.dropLast()) + "x" : row.id
            },
            Column(header: header(2, ["学籍号", "全国学籍号"])) { $0.studentNumber },
            Column(header: "年级") { [grade] _ in grade },
            Column(header: "班级") { [className] _ in className },
            Column(header: header(3, ["户籍性质", "户口性质"])) { $0.household },
            Column(header: header(4, ["困难类型", "认定类别"])) { row in nationalWording[row.category] ?? row.category },
            Column(header: levelHeader) { row in
                if let level = row.levelOverride { return level }
                // Sheets headed 档次 write 一档/二档/三档; the others mostly write the level itself.
                guard levelAsTier else { return row.tier.level }
                return row.tier.aliases.first { $0.hasSuffix("档") } ?? row.tier.level
            },
            Column(header: header(6, ["资助金额", "金额（元）", "金额"])) { row in
                row.amountOverride ?? style.amountText(row.tier.amount)
            },
            Column(header: header(7, ["银行卡号", "卡号", "银行账号"])) { row in
                row.cosmetic == .cardInGroups ? SheetRenderer.inGroupsOfFour(row.card) : row.card
            },
            Column(header: header(8, ["开户行", "开户银行"])) { $0.bank },
            Column(header: header(9, ["持卡人", "户名"])) { $0.holder },
            Column(header: "监护人") { $0.guardian },
            Column(header: header(10, ["联系电话", "联系方式"])) { row in
                row.cosmetic == .fullWidthPhone ? SheetRenderer.fullWidth(row.phone) : row.phone
            },
            Column(header: "家庭住址") { row in
                switch row.cosmetic {
                case .multilineAddress: row.address + "\n（父母在外务工，随祖父母居住）"
                case .commaInAddress: row.address + ",村委会东侧"
                default: row.address
                }
            },
        ]
        for (index, document) in facts.documentColumns.enumerated() {
            columns.append(Column(header: header(11 + index, document.headers)) { row in
                index < row.documents.count ? row.documents[index] : ""
            })
        }
        return columns
    }

    static func inGroupsOfFour(_ digits: String) -> String {
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && offset % 4 == 0 { out.append(" ") }
            out.append(character)
        }
        return out
    }

    /// Full-width digits (U+FF10…U+FF19), as an IME in full-width mode types them.
    static func fullWidth(_ digits: String) -> String {
        String(String.UnicodeScalarView(digits.unicodeScalars.map { scalar in
            (48...57).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFF10 - 48) ?? scalar : scalar
        }))
    }
}

extension String {
    /// `replacingOccurrences` without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for character in self {
            if character == target { out.append(replacement) } else { out.append(character) }
        }
        return out
    }
}
