import ZizhuCore
import ZizhuExport
import ZizhuImport

/// A round read and decided: every row accepted or returned, with its findings. It holds the rows; drop it
/// and they are freed.
public struct CheckedRound: Sendable {
    /// The class sheets as read, in order.
    public let files: [InputFile]
    /// Data rows per file.
    public let inputRows: [Int]
    /// How the manifest names each file: the path as given, or an upload's name.
    public let manifestNames: [String]
    public let policyName: String
    public var result: RoundResult
    /// Uploaded bytes, kept on disk while the round lives: writing the documents hashes them into the manifest.
    let staged: StagedFolder?

    init(files: [InputFile], inputRows: [Int], manifestNames: [String], policyName: String, result: RoundResult,
         staged: StagedFolder?) {
        self.files = files
        self.inputRows = inputRows
        self.manifestNames = manifestNames
        self.policyName = policyName
        self.result = result
        self.staged = staged
    }

    /// Report options that name this round's policy and this version, as `zizhu check` prints them.
    public func reportOptions(language: Language = .zh, showValues: Bool = false) -> ReportOptions {
        ReportOptions(language: language, showValues: showValues, toolVersion: ZizhuVersion.current,
                      policyName: policyName)
    }

    /// The JSON report (DESIGN.md), exactly as `zizhu check --format json` prints it.
    public func reportJSON(_ options: ReportOptions) -> String {
        JSONReport.render(result, options: options)
    }

    /// The text report of `zizhu check`.
    public func textReport(_ options: ReportOptions) -> String {
        TextReport.render(result, options: options)
    }

    /// Every document of `zizhu run` and `manifest.json` into `directory`: all of them or, on failure, none
    /// under a final name.
    /// `report` renders report.json; nil: in the documents' language, identifiers masked unless they show them.
    public func writeDocuments(to directory: String, options: ExportOptions, report: ReportOptions? = nil,
                               progress: RoundProgressHandler? = nil) throws(RoundError) -> Manifest {
        let report = report ?? reportOptions(language: options.language, showValues: options.showValues)
        var writing: (@Sendable (String) -> Void)? = nil
        if let progress { writing = { progress(.writing($0)) } }
        let inputs: [(path: String, rows: Int)] = zip(files, inputRows).map { (path: $0.path, rows: $1) }
        do {
            return try RoundWriter.writeAll(result, inputs: inputs, outputDirectory: directory, options: options,
                                            reportJSON: reportJSON(report), inputNames: manifestNames,
                                            progress: writing)
        } catch {
            throw RoundError(.output, detail: "\(error)", zhPrefix: "输出未完成，未留下不完整的文件：",
                             enPrefix: "The documents were not written (no partial file is left): ")
        }
    }

    /// A 退回清单 per class into `directory`, one file for each class teacher.
    public func writeReturnedListsPerClass(to directory: String,
                                           temporaryDirectory: String? = nil) throws(RoundError) -> [ReturnedList.ClassFile] {
        do {
            return try ReturnedList.writePerClass(result, toDirectory: directory, temporaryDirectory: temporaryDirectory)
        } catch {
            throw RoundError(.output, detail: "\(error)", zhPrefix: "各班退回清单未写成：",
                             enPrefix: "The per-class returned lists were not written: ")
        }
    }
}
