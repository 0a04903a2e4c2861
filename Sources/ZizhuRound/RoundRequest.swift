import ZizhuArchive
import ZizhuCore
import ZizhuImport

/// A class sheet (or a folder of them, or a reference list) as a round receives it.
public enum RoundInput: Sendable {
    /// A file or, for class sheets, a folder whose `.csv`, `.txt`, `.xlsx` (and `.xls`) files are read in order.
    case file(path: String)
    /// An uploaded file: its bytes and the name the clerk gave it, which reports and findings show.
    case bytes(name: String, contents: [UInt8])
    /// A file already on disk under a name of the server's, shown by the name it was uploaded under.
    case stored(path: String, name: String)

    var isUpload: Bool { if case .bytes = self { true } else { false } }
}

/// Where the round's policy comes from.
public enum PolicySource: Sendable {
    /// The embedded default policy (`zizhu policy show`).
    case builtIn
    /// A YAML policy file.
    case file(path: String)
    /// The text of a YAML policy (an upload), with the name its errors and the report show.
    case yaml(name: String, text: String)
}

/// An assistance list (低保、特困 … 名单) to check the rows' difficulty categories against.
public struct EvidenceInput: Sendable {
    /// The category as the policy or its aliases name it (`低保`).
    public var kind: String
    public var list: RoundInput

    public init(kind: String, list: RoundInput) {
        self.kind = kind
        self.list = list
    }
}

/// Everything one round reads.
public struct RoundRequest: Sendable {
    public var inputs: [RoundInput]
    /// Forces the text encoding of the class sheets and lists; nil detects it.
    public var encoding: String? = nil
    /// The one sheet of each workbook to read; nil reads every sheet with a roster header.
    public var sheet: String? = nil
    public var policy: PolicySource = .builtIn
    /// The enrolment export (学籍系统导出的在校生名单) to check the rows against.
    public var enrolment: RoundInput? = nil
    public var evidence: [EvidenceInput] = []
    /// The bank upload template whose limits the rows are checked against; nil: the policy's.
    public var bankTemplate: String? = nil
    /// Consulted for repeat aid, enrolment elsewhere and cards paid to others in earlier batches.
    public var archive: (any ArchiveStore)? = nil
    /// Where uploaded bytes are staged while the round is read; nil: the system's temporary folder.
    public var stagingDirectory: String? = nil
    /// `.documents` when the round's register, notice or bank list will be written: the columns those need
    /// are then required and a file without one has every row returned (`ImportPurpose`).
    public var purpose: ImportPurpose = .check

    public init(inputs: [RoundInput]) {
        self.inputs = inputs
    }
}

/// The version the reports name as `"version"`.
public enum ZizhuVersion {
    public static let current = "0.1.0"
}
