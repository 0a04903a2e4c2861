import ZizhuCore

/// What `zizhu generate` makes: how many applicant rows, from which seed, with how many planted problems.
public struct GeneratorOptions: Sendable {
    /// Data rows over all class sheets (title, header, 合计 and signature lines are not counted).
    public var rows: Int
    /// The same seed (and options) always gives byte-identical sheets and answers.
    public var seed: UInt64
    /// Share of rows that carry a planted anomaly, 0…1 (about; multi-row anomalies round it up).
    public var anomalyRate: Double
    /// Tiers, documents, age limits and thresholds come from here, so clean rows stay clean under it.
    public var policy: Policy
    /// The sheet layouts to rotate through; nil means all of them.
    public var layouts: Set<SheetLayout>?

    public init(rows: Int, seed: UInt64 = 1, anomalyRate: Double = 0.05, policy: Policy = .default) {
        self.rows = rows
        self.seed = seed
        self.anomalyRate = anomalyRate
        self.policy = policy
        self.layouts = nil
    }
}

/// How a class sheet is saved: the three shapes DOMAIN.md says arrive from Excel and WPS.
public enum SheetLayout: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Excel "CSV UTF-8": BOM, comma, CRLF, the header on line 1.
    case utf8CSV = "utf8-bom-csv"
    /// Excel "CSV" on Chinese Windows: GB18030 (GBK characters except for rare names), comma, CRLF, a
    /// merged-looking title row, a `填报单位：` line and a blank row above the header; a 合计 row and a
    /// 制表人/审核人 line below the data.
    case gb18030TitledCSV = "gb18030-titled-csv"
    /// Excel "Unicode text": UTF-16LE with BOM, tab-separated, CRLF.
    case utf16TabText = "utf16le-tab-text"

    /// The iconv name of the file's encoding.
    public var encoding: String {
        switch self {
        case .utf8CSV: "UTF-8"
        case .gb18030TitledCSV: "GB18030"
        case .utf16TabText: "UTF-16LE"
        }
    }

    public var fileExtension: String { self == .utf16TabText ? "txt" : "csv" }

    var delimiter: Character { self == .utf16TabText ? "\t" : "," }

    public static func < (a: SheetLayout, b: SheetLayout) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// One planted problem: the row (file name as in the folder, 1-based physical line where the record
/// starts) and the finding code a validator must report there.
public struct PlantedAnomaly: Sendable, Codable, Hashable {
    public var file: String
    public var line: Int
    public var code: String

    public init(file: String, line: Int, code: String) {
        self.file = file
        self.line = line
        self.code = code
    }
}

/// What one `generate` call wrote.
public struct GeneratedRound: Sendable {
    /// Paths of the class sheets written, in class order (answers.json is not among them).
    public var files: [String]
    /// Every planted anomaly, in file order, then line order.
    public var answers: [PlantedAnomaly]
    /// Data rows written (equals `GeneratorOptions.rows`).
    public var rows: Int
    /// Path of `answers.json`.
    public var answersFile: String
}

/// `answers.json`: the key to a generated round. Tools reading the folder skip it (they read .csv, .txt
/// and .xlsx only).
public struct AnswerKey: Sendable, Codable, Equatable {
    public struct SheetInfo: Sendable, Codable, Equatable {
        public var file: String
        public var layout: SheetLayout
        public var encoding: String
        /// 1-based line of the header row.
        public var headerLine: Int
        /// Data rows in the sheet.
        public var rows: Int
    }

    public var generator: String
    public var seed: UInt64
    public var rows: Int
    public var anomalyRate: Double
    public var files: [SheetInfo]
    public var anomalies: [PlantedAnomaly]

    public static let fileName = "answers.json"
}

/// Why `generate` could not do its job. Bad data never throws: the generator makes the data.
public enum GeneratorError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidOption(String)
    case folderHoldsOtherRosters(folder: String, files: [String])
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let reason):
            "invalid option: \(reason)"
        case .folderHoldsOtherRosters(let folder, let files):
            "\(folder) already holds roster files that this generator did not write "
                + "(\(files.prefix(3).joined(separator: ", "))\(files.count > 3 ? ", …" : "")); choose an empty folder"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
