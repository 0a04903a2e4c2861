import ZizhuCore

/// How to read the inputs. Everything is detected by default; options only override.
public struct ImportOptions: Sendable {
    /// Forces the text encoding: "UTF-8", "GB18030", "GBK", "UTF-16", "UTF-16LE" or "UTF-16BE"
    /// (case and dashes do not matter). nil detects it: byte-order mark, then strict UTF-8, then GB18030.
    public var encoding: String?
    /// The one sheet of an .xlsx workbook to read, by its tab name. nil reads every visible sheet that holds a
    /// roster header. Ignored for text files.
    public var sheet: String?
    /// False reads, checks and counts every row without keeping it (`FileImport.applicants` stays empty while
    /// `summary.rows` counts them): the import stage alone, in memory that does not grow with the file.
    /// Text files only; a workbook's rows are always kept.
    public var keepsRows: Bool
    /// What the rows are read for, which decides the columns a file must have (`ImportPurpose.requiredColumns`).
    public var purpose: ImportPurpose

    public init(encoding: String? = nil, sheet: String? = nil, keepsRows: Bool = true, purpose: ImportPurpose = .check) {
        self.encoding = encoding
        self.sheet = sheet
        self.keepsRows = keepsRows
        self.purpose = purpose
    }
}

/// What a roster is read for. A column the purpose requires and the header lacks is `column-missing`
/// (error) naming the column's accepted names; every row of the file also carries it, so the rows are
/// returned with the reason instead of being accepted, or reaching a register or bank list, without it.
public enum ImportPurpose: Sendable, Equatable {
    /// `zizhu check`: the rows are checked, nothing is written for payment. 姓名 and 身份证号 identify a
    /// row; without them no rule can say anything. The rest is checked where present.
    case check
    /// `zizhu run`, `register`, `notice`, `bank`: the documents are written from the rows. Besides 姓名 and
    /// 身份证号: 班级 or 年级 (the register and the notice are ordered and subtotalled by class), 资助金额
    /// (every document carries it), 银行卡号, 开户行 and 持卡人 (the bank list cannot be written without them).
    case documents

    /// The required columns, each as the fields of which one must be present.
    public var requiredColumns: [[Field]] {
        switch self {
        case .check: ImportPurpose.identity
        case .documents: ImportPurpose.identity + ImportPurpose.forDocuments
        }
    }

    /// Why a required column is needed, for the `column-missing` message: `{reason}` and `{reasonEn}`.
    static func reason(for fields: [Field]) -> (zh: String, en: String) {
        switch fields[0] {
        case .name, .idNumber: ("每一行都要靠姓名和身份证号认定是哪位学生", "every row is identified by its 姓名 and 身份证号")
        case .className, .grade: ("花名册和公示名单按班级排列、小计", "the register and the notice are ordered and subtotalled by class")
        case .amount: ("每份文书都写资助金额", "every document carries the amount")
        default: ("没有它无法生成银行代发清单", "the bank payment list cannot be written without it")
        }
    }

    /// Required by every purpose: the header identifies the file's rows by them.
    static let identity: [[Field]] = [[.name], [.idNumber]]
    /// Required on top by `.documents`.
    static let forDocuments: [[Field]] = [[.className, .grade], [.amount], [.card], [.bank], [.cardHolder]]
}

/// One roster file to read: where it is and how the clerk sees its name in reports.
public struct InputFile: Sendable, Hashable {
    public var path: String
    /// The name in reports and findings: the file name, or a longer path when two inputs share a name.
    public var displayName: String

    public init(path: String, displayName: String) {
        self.path = path
        self.displayName = displayName
    }
}

/// What reading one file produced. Bad data never throws: it is in `findings`.
public struct FileImport: Sendable {
    /// File (display name), encoding used, header line and number of data rows.
    public var summary: InputSummary
    /// The header and its column mapping; nil when no header was found.
    public var layout: ColumnLayout?
    /// Every data row, in file order; `applicants[k].index == firstIndex + k`.
    public var applicants: [Applicant]
    /// Import findings: encoding-*, header-not-found, column-missing, row-shape, value-normalized,
    /// value-excel-mangled.
    public var findings: [Finding]
    /// The inputs as reports list them: `[summary]`, except for a workbook whose several sheets were read,
    /// which lists one summary per sheet (`班级.xlsx!高一(2)班`), matching the `file` of its rows and findings.
    public var inputs: [InputSummary]

    public init(summary: InputSummary, layout: ColumnLayout?, applicants: [Applicant], findings: [Finding],
                inputs: [InputSummary]? = nil) {
        self.summary = summary
        self.layout = layout
        self.applicants = applicants
        self.findings = findings
        self.inputs = inputs ?? [summary]
    }
}

/// A file that cannot be read at all: missing, not permitted, an I/O failure. Problems with the content are
/// findings instead. `message` is one line of Chinese saying what went wrong and how to fix it.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file)：\(message)" }
}
