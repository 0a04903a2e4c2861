import ZizhuCore

/// Tells student rows from the other rows below a header: blank rows, totals and signature lines, notes, and a
/// header repeated where class sheets were pasted together. Each row is judged on its own, so a blank row or a
/// 小计 line in the middle does not end the data: students after it are still read.
enum RowClassifier {
    enum Kind: Equatable {
        case student
        /// Nothing in it, or nothing that could identify a student: no name, no ID and at most one other cell
        /// (templates often come with 序号 already filled down to row 50).
        case blank
        /// 合计/小计 lines, 制表人/审核人 signature lines, 备注/说明 notes.
        case trailer
        case repeatedHeader
    }

    /// Words that start the first non-empty cell of a totals, signature or note line. None of them begins a
    /// Chinese name, and a student row starts with its 序号 or name.
    static let trailerPrefixes: [String] = [
        "合计", "总计", "小计", "共计", "累计", "总人数", "总金额", "人数合计", "金额合计",
        "制表", "审核", "审批", "复核", "填表", "填报", "负责人", "单位负责人", "经办", "分管领导", "主管领导",
        "校长", "签字", "签名", "盖章", "日期", "备注", "说明", "注：", "注:", "注意", "公示", "监督电话", "举报电话",
    ]

    /// Words that mark a totals or signature line when the name and ID cells are empty, wherever they stand.
    static let trailerWords: [String] = trailerPrefixes + ["共", "人数", "大写", "人民币"]

    /// - Parameters:
    ///   - cells: the normalised cells of the row (including any beyond the header).
    ///   - nameColumn / idColumn: where the layout has 姓名 and 身份证号.
    static func classify(_ cells: [String], nameColumn: Int?, idColumn: Int?) -> Kind {
        // Indexes rather than copies: this runs for every row, and copying a String costs a retain.
        var nonEmpty = 0
        var first = -1
        for index in cells.indices where !cells[index].isEmpty {
            nonEmpty += 1
            if first < 0 { first = index }
        }
        return classify(cells, nameColumn: nameColumn, idColumn: idColumn, nonEmpty: nonEmpty, first: first)
    }

    /// `classify` for a caller that already knows how many cells are non-empty and which is the first (-1: none).
    static func classify(_ cells: [String], nameColumn: Int?, idColumn: Int?, nonEmpty: Int, first: Int) -> Kind {
        guard first >= 0 else { return .blank }

        let hasName = nameColumn.map { $0 < cells.count && !cells[$0].isEmpty } ?? false
        let hasID = idColumn.map { $0 < cells.count && !cells[$0].isEmpty } ?? false
        // A row holding something shaped like an ID number is a student's, whatever else it says.
        let holdsID = hasID && idColumn.map { column in
            let lead = cells[column].utf8.first ?? 0
            return cells[column].utf8.count >= 15 && lead >= 0x30 && lead <= 0x39
        } ?? false

        if !holdsID && startsWithAny(cells[first], trailerPrefixes) { return .trailer }
        // A header pasted again between class sheets. IDs start with a digit and header words do not, which
        // keeps the header lookup off the path of ordinary rows.
        if hasName, hasID, let nameColumn, let idColumn, let lead = cells[idColumn].utf8.first, lead > 0x7F,
           isHeaderWord(cells[idColumn], .idNumber), isHeaderWord(cells[nameColumn], .name) {
            return .repeatedHeader
        }
        if !hasName && !hasID {
            if cells.contains(where: { !$0.isEmpty && startsWithAny($0, trailerWords) }) { return .trailer }
            if nonEmpty <= 1 { return .blank }
        }
        return .student
    }

    private static func isHeaderWord(_ text: String, _ field: Field) -> Bool {
        !text.isEmpty && ColumnMapper.field(forHeader: text) == field
    }

    /// The first characters of every keyword, simplified and traditional: most cells fail this cheap test.
    private static let leadingScalars: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        for word in trailerWords { if let first = word.unicodeScalars.first { set.insert(first) } }
        for (traditional, simplified) in ColumnMapper.traditionalToSimplified {
            if let s = simplified.unicodeScalars.first, set.contains(s), let t = traditional.unicodeScalars.first {
                set.insert(t)
            }
        }
        return set
    }()

    private static func startsWithAny(_ text: String, _ words: [String]) -> Bool {
        // Every keyword starts with a Chinese character: a cell starting with ASCII (序号, an ID) is none.
        guard let lead = text.utf8.first, lead >= 0x80 else { return false }
        guard let first = text.unicodeScalars.first, leadingScalars.contains(first) else { return false }
        let folded = ColumnMapper.folded(text)
        return words.contains { folded.hasPrefix($0) }
    }
}
