import Dispatch
import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuImport

/// One round end to end as a library call: reads the class sheets and the policy, checks every row (with the
/// archive, the enrolment roster and the assistance lists when given) and hands back the decided round, whose
/// report and documents it can then write. The CLI's `check`, `run` and single-document commands and
/// `zizhu serve` all go through here.
///
/// A round owns nothing beyond its return value: once the caller drops the `CheckedRound`, its rows, findings
/// and staged uploads are gone.
public struct RoundPipeline: Sendable {
    public var request: RoundRequest
    /// The import stage alone (the benchmark's): text rows are counted, not kept, unless `keepsImportedRows`.
    package var onlyImport = false
    package var keepsImportedRows = false

    public init(_ request: RoundRequest) {
        self.request = request
    }

    /// Reads and checks the round.
    public func check(progress: RoundProgressHandler? = nil,
                      cancellation: RoundCancellation? = nil) throws(RoundError) -> CheckedRound {
        let read = try readInputs(progress: progress, cancellation: cancellation)
        if onlyImport {
            return read.checkedRound(.importOnly(policy: read.policy, inputs: read.summaries,
                                                 applicants: read.applicants, findings: read.importFindings))
        }
        let checking = try read.validation()
        try cancellation?.throwIfCancelled()
        progress?(.checking(rows: read.applicants.count))
        var result = checking.validator.run(inputs: read.summaries, applicants: read.applicants,
                                            importFindings: read.importFindings)
        if read.hasReferences {
            result.crossCheck = CrossCheckSummary(result: result, roster: read.references.roster,
                                                  lists: read.references.lists)
        }
        try checking.throwIfArchiveFailed()
        return read.checkedRound(result)
    }

    /// `check` on a thread of its own, off the cooperative pool (a round may take seconds of CPU); cancelling
    /// the task cancels the round.
    public func check(progress: RoundProgressHandler? = nil) async throws(RoundError) -> CheckedRound {
        let cancellation = RoundCancellation()
        let outcome: Result<CheckedRound, RoundError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(returning: Result { () throws(RoundError) in
                        try self.check(progress: progress, cancellation: cancellation)
                    })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try outcome.get()
    }

    /// Reads the inputs and starts validating them (`Validator.start`): when this returns, the cross-row checks
    /// are done and the row rules go on, in `rowOrder`, on the other core while the caller writes (the
    /// register's path). Every input has been read when this returns, so staged uploads are gone by then.
    public func start(rowOrder: @escaping @Sendable ([Applicant]) -> [Int],
                      progress: RoundProgressHandler? = nil) throws(RoundError) -> ValidationInProgress {
        let read = try readInputs(progress: progress, cancellation: nil)
        let checking = try read.validation()
        progress?(.checking(rows: read.applicants.count))
        let validation = checking.validator.start(inputs: read.summaries, applicants: read.applicants,
                                                  importFindings: read.importFindings, writesMeanwhile: true,
                                                  rowOrder: rowOrder)
        try checking.throwIfArchiveFailed()
        return validation
    }

    /// The policy the request names, and the name the report gives it.
    public static func loadPolicy(_ source: PolicySource) throws(RoundError) -> (policy: Policy, name: String) {
        do {
            switch source {
            case .builtIn: return (Policy.default, "default")
            case .file(let path): return (try PolicyFile.load(path: path), path)
            case .yaml(let name, let text): return (try PolicyFile.parse(text, name: name), name)
            }
        } catch {
            throw RoundError(.policy, detail: error.description, enPrefix: "The policy cannot be used: ")
        }
    }

    // MARK: - Reading

    func readInputs(progress: RoundProgressHandler?, cancellation: RoundCancellation?) throws(RoundError) -> Read {
        guard !request.inputs.isEmpty else {
            throw RoundError(.noInputs, zh: "没有给出输入文件。用法：zizhu check 名单.csv 或 zizhu run 文件夹/ -o 输出文件夹/",
                             en: "No input files. Usage: zizhu check roster.csv or zizhu run folder/ -o output/")
        }
        let (policy, policyName) = try Self.loadPolicy(request.policy)
        let needsStaging = request.inputs.contains(where: \.isUpload) || request.enrolment.map(\.isUpload) == true
            || request.evidence.contains { $0.list.isUpload }
        let staged = needsStaging ? try StagedFolder(under: request.stagingDirectory) : nil
        let references = try ReferenceLists.load(enrolment: request.enrolment, evidence: request.evidence,
                                                 policy: policy, encoding: request.encoding, staged: staged,
                                                 progress: progress)
        let (files, manifestNames) = try collectInputs(staged: staged)
        let options = ImportOptions(encoding: request.encoding, sheet: request.sheet,
                                    keepsRows: !onlyImport || keepsImportedRows, purpose: request.purpose)
        var read = Read(files: files, manifestNames: manifestNames, policy: policy, policyName: policyName,
                        references: references, hasReferences: request.enrolment != nil || !request.evidence.isEmpty,
                        archive: request.archive, bankTemplate: request.bankTemplate, staged: staged)
        var firstIndex = 0
        for (position, file) in files.enumerated() {
            try cancellation?.throwIfCancelled()
            progress?(.reading(file: file.displayName, position: position + 1, count: files.count))
            let fileImport: FileImport
            do {
                fileImport = try RosterReader.read(file, firstIndex: firstIndex, options: options)
            } catch {
                throw RoundError(.input, detail: error.description, enPrefix: "Cannot read the input: ")
            }
            firstIndex += fileImport.inputs.reduce(0) { $0 + $1.rows }
            // One file (the benchmark's case, and a large one's): take its rows without copying a million.
            if read.applicants.isEmpty { read.applicants = fileImport.applicants } else { read.applicants += fileImport.applicants }
            read.importFindings.append(contentsOf: fileImport.findings)
            read.imports.append(fileImport)
        }
        return read
    }

    /// The class sheets to read, and the name each has in the manifest (the path as given, or the upload's name).
    private func collectInputs(staged: StagedFolder?) throws(RoundError) -> ([InputFile], [String]) {
        let paths = request.inputs.compactMap { if case .file(let path) = $0 { path } else { nil } }
        if paths.count == request.inputs.count {
            // Files and folders only (the CLI): one collection, which reads a file named twice once and names
            // two files of the same name by their paths.
            let files = try Self.collect(paths)
            return (files, files.map(\.path))
        }
        var files: [InputFile] = []
        var manifestNames: [String] = []
        var names = UploadNames()
        for (position, input) in request.inputs.enumerated() {
            switch input {
            case .file(let path):
                for file in try Self.collect([path]) {
                    files.append(InputFile(path: file.path, displayName: names.unique(file.displayName)))
                    manifestNames.append(file.path)
                }
            case .stored(let path, let name):
                let displayName = names.unique(StagedFolder.safeFileName(name))
                files.append(InputFile(path: path, displayName: displayName))
                manifestNames.append(displayName)
            case .bytes(let name, let contents):
                guard let staged else { continue }
                let displayName = names.unique(StagedFolder.safeFileName(name))
                let path = try staged.store(contents, position: position, name: name)
                files.append(InputFile(path: path, displayName: displayName))
                manifestNames.append(displayName)
            }
        }
        return (files, manifestNames)
    }

    private static func collect(_ paths: [String]) throws(RoundError) -> [InputFile] {
        do {
            return try InputCollector.collect(paths)
        } catch {
            throw RoundError(.input, detail: error.description, enPrefix: "Cannot find the input: ")
        }
    }

    /// The inputs as read, with what validating them needs.
    struct Read {
        var files: [InputFile]
        var manifestNames: [String]
        var imports: [FileImport] = []
        var policy: Policy
        var policyName: String
        var references: ReferenceLists
        var hasReferences: Bool
        var applicants: [Applicant] = []
        var importFindings: [Finding] = []
        var archive: (any ArchiveStore)?
        var bankTemplate: String?
        var staged: StagedFolder?

        init(files: [InputFile], manifestNames: [String], policy: Policy, policyName: String,
             references: ReferenceLists, hasReferences: Bool, archive: (any ArchiveStore)?, bankTemplate: String?,
             staged: StagedFolder?) {
            self.files = files
            self.manifestNames = manifestNames
            self.policy = policy
            self.policyName = policyName
            self.references = references
            self.hasReferences = hasReferences
            self.archive = archive
            self.bankTemplate = bankTemplate
            self.staged = staged
        }

        var summaries: [InputSummary] { imports.flatMap(\.inputs) }

        /// The validator with the archive, the lists and the bank template as its additional checks.
        func validation() throws(RoundError) -> Checking {
            let archiveCheck = archive?.check()
            let bankCheck: BankTemplateCheck
            do {
                bankCheck = BankTemplateCheck(template: try BankTemplate.named(bankTemplate ?? policy.bank.template))
            } catch {
                throw RoundError(.bankTemplate, detail: "\(error)", enPrefix: "Bank template: ")
            }
            return Checking(validator: Validator(policy: policy, additionalChecks: (archiveCheck.map { [$0] } ?? [])
                                                     + references.checks + [bankCheck]),
                            archiveCheck: archiveCheck)
        }

        func checkedRound(_ result: RoundResult) -> CheckedRound {
            CheckedRound(files: files, inputRows: imports.map(\.summary.rows), manifestNames: manifestNames,
                         policyName: policyName, result: result, staged: staged)
        }
    }

    struct Checking {
        var validator: Validator
        var archiveCheck: ArchiveCheck?

        /// The archive's failure, once its check has run.
        func throwIfArchiveFailed() throws(RoundError) {
            if let failure = archiveCheck?.failure {
                throw RoundError(.archive, detail: "\(failure)", zhPrefix: "无法查询资助档案：",
                                 enPrefix: "Cannot query the aid archive: ")
            }
        }
    }
}
