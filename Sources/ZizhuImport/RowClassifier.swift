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
        var nonEmpty = 0
        var firstNonEmpty: String?
        for cell in cells where !cell.isEmpty {
            nonEmpty += 1
            if firstNonEmpty == nil { firstNonEmpty = cell }
        }
        guard let first = firstNonEmpty else { return .blank }

        if startsWithAny(first, trailerPrefixes) { return .trailer }

        let name = nameColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
        let id = idColumn.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
        if isHeaderWord(name, .name) && isHeaderWord(id, .idNumber) { return .repeatedHeader }
        if name.isEmpty && id.isEmpty {
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
        guard let first = text.unicodeScalars.first, leadingScalars.contains(first) else { return false }
        let folded = ColumnMapper.folded(text)
        return words.contains { folded.hasPrefix($0) }
    }
}
