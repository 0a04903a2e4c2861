import ZizhuCore

/// Reads the reference lists of issue 8 through the roster import path (decoding, header location, column
/// synonyms, normalisation): the 学籍系统 enrolment export and the assistance lists of other departments.
/// Only file-level findings are kept (header-not-found, column-missing, encoding-unreadable): the rows of a reference
/// list are not applications, and a finding tied to one would take part in the accept/return decision.
public enum ReferenceList {
    /// The enrolment export (在校生信息: 姓名, 学籍号, 身份证号, 年级, 班级, 学籍状态).
    public static func readEnrolment(
        _ input: InputFile, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> EnrolmentRoster {
        let imported = try RosterReader.read(input, firstIndex: 0, options: options)
        var roster = EnrolmentRoster(file: input.displayName)
        roster.readFindings = fileLevel(imported.findings)
        guard let layout = imported.layout else { return roster }
        let idColumn = layout.column(of: .idNumber)
        let numberColumn = layout.column(of: .studentNumber)
        let nameColumn = layout.column(of: .name)
        let gradeColumn = layout.column(of: .grade)
        let classColumn = layout.column(of: .className)
        let statusColumn = layout.column(of: .enrolmentStatus)
        roster.reserve(imported.applicants.count)
        for row in imported.applicants {
            func cell(_ column: Int?) -> String {
                guard let column, column < row.cells.count else { return "" }
                return row.cells[column]
            }
            let id = cell(idColumn), number = cell(numberColumn)
            guard !id.isEmpty || !number.isEmpty else { continue }
            roster.add(EnrolmentRecord(idNumber: id, studentNumber: number, name: cell(nameColumn),
                                       grade: cell(gradeColumn), className: cell(classColumn),
                                       status: cell(statusColumn), location: row.location))
        }
        return roster
    }

    /// An assistance list given as `KIND=FILE`; `category` is the policy category KIND names. Every column
    /// whose header names an ID number (身份证号, 证件号码, 公民身份号码, 户主身份证号 …) contributes IDs and every
    /// 姓名 column names, so a household list yields the head and each member.
    public static func readAssistance(
        _ input: InputFile, kind: String, category: String, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> AssistanceList {
        let imported = try RosterReader.read(input, firstIndex: 0, options: options)
        var list = AssistanceList(kind: kind, category: category, file: input.displayName)
        list.readFindings = fileLevel(imported.findings)
        guard let layout = imported.layout else { return list }
        let keys = layout.headers.map(ColumnMapper.key)
        var idColumns = keys.indices.filter { isIDHeader(keys[$0]) }
        if let mapped = layout.column(of: .idNumber), !idColumns.contains(mapped) { idColumns.append(mapped) }
        let mappedIdentifiers = Set([Field.idNumber, .guardianID].compactMap(layout.column(of:)))
        var nameColumns = keys.indices.filter { keys[$0].contains("姓名") }
        if let mapped = layout.column(of: .name), !nameColumns.contains(mapped) { nameColumns.append(mapped) }
        for row in imported.applicants {
            var ids: [String] = []
            for column in idColumns where column < row.cells.count {
                let text = row.cells[column]
                guard !text.isEmpty else { continue }
                // Columns the mapper knows are normalised as identifiers already; the others are text.
                ids.append(mappedIdentifiers.contains(column)
                           ? text : CellNormalizer.normalize(text, as: .identifier).value)
            }
            let names = nameColumns.compactMap { $0 < row.cells.count ? row.cells[$0] : nil }
            list.addRow(line: row.line, ids: ids, names: names)
        }
        return list
    }

    /// Does a header key name an ID number column?
    static func isIDHeader(_ key: String) -> Bool {
        (key.contains("身份证") || key.contains("证件号") || key.contains("身份号码")) && !key.contains("类型")
    }

    /// A GB18030 export is the normal case for these lists and not the clerk's to fix: a guessed encoding
    /// that decoded cleanly is not reported.
    private static func fileLevel(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.row == nil && $0.code != .valueNormalized && $0.code != .encodingGuessed }
    }
}
