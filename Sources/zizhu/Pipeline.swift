import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuImport

/// Reads every input and validates the round: the shared first half of check, run and the
/// single-document commands.
struct Pipeline {
    var inputs: RoundInputs
    var onlyImport = false
    /// With `onlyImport`: keep the rows anyway, as a full check does (to time validation alone).
    var keepsImportedRows = false
    /// Consulted for repeat aid, enrolment elsewhere and cards paid to others in earlier batches.
    var archive: AidArchive? = nil
    /// The enrolment roster and assistance lists to check against (issue 8).
    var crossCheck = CrossCheckSource()
    /// The bank upload template whose limits the rows are checked against; nil: the policy's.
    var bankTemplate: String? = nil

    struct Outcome {
        var files: [InputFile]
        var imports: [FileImport]
        var policyName: String
        var result: RoundResult
    }

    func run() throws -> Outcome {
        let read = try readInputs()
        if onlyImport {
            // The import stage alone (for the benchmark): text rows were counted, not kept, unless asked.
            return Outcome(files: read.files, imports: read.imports, policyName: read.policyName,
                           result: .importOnly(policy: read.policy, inputs: read.summaries, applicants: read.applicants,
                                               findings: read.importFindings))
        }
        let checking = try read.validation()
        Terminal.progress("检查 \(read.applicants.count) 行 …")
        var result = checking.validator.run(inputs: read.summaries, applicants: read.applicants,
                                            importFindings: read.importFindings)
        if !crossCheck.isEmpty {
            result.crossCheck = CrossCheckSummary(result: result, roster: read.references.roster, lists: read.references.lists)
        }
        Terminal.endProgress()
        try checking.throwIfArchiveFailed()
        return Outcome(files: read.files, imports: read.imports, policyName: read.policyName,
                       result: ProcessEnd.keep(result))
    }

    /// Reads the inputs and starts validating them (`Validator.start`): when this returns, the cross-row checks
    /// are done and the row rules go on, in `rowOrder`, on the other core while the caller writes.
    func start(rowOrder: @escaping @Sendable ([Applicant]) -> [Int]) throws -> ValidationInProgress {
        let read = try readInputs()
        let checking = try read.validation()
        Terminal.progress("检查 \(read.applicants.count) 行 …")
        let validation = checking.validator.start(inputs: read.summaries, applicants: read.applicants,
                                                  importFindings: read.importFindings, writesMeanwhile: true,
                                                  rowOrder: rowOrder)
        Terminal.endProgress()
        try checking.throwIfArchiveFailed()
        return ProcessEnd.keep(validation)
    }

    /// The inputs as read, with what validating them needs.
    struct Read {
        var files: [InputFile]
        var imports: [FileImport]
        var policy: Policy
        var policyName: String
        var references: CrossCheckSource.Loaded
        var applicants: [Applicant]
        var importFindings: [Finding]
        var archive: AidArchive?
        var bankTemplate: String?

        var summaries: [InputSummary] { imports.flatMap(\.inputs) }

        /// The validator with the archive, the lists and the bank template as its additional checks.
        func validation() throws -> Checking {
            let archiveCheck = archive?.check()
            let bankCheck: BankTemplateCheck
            do {
                bankCheck = BankTemplateCheck(template: try BankTemplate.named(bankTemplate ?? policy.bank.template))
            } catch {
                throw CLIFailure("\(error)")
            }
            return Checking(validator: Validator(policy: policy, additionalChecks: (archiveCheck.map { [$0] } ?? [])
                                                     + references.checks + [bankCheck]),
                            archiveCheck: archiveCheck)
        }
    }

    struct Checking {
        var validator: Validator
        var archiveCheck: ArchiveCheck?

        /// The archive's failure, once its check has run.
        func throwIfArchiveFailed() throws {
            if let failure = archiveCheck?.failure {
                throw CLIFailure("无法查询资助档案：\(failure)")
            }
        }
    }

    func readInputs() throws -> Read {
        guard !inputs.paths.isEmpty else {
            throw CLIFailure("没有给出输入文件。用法：zizhu check 名单.csv 或 zizhu run 文件夹/ -o 输出文件夹/")
        }
        let (policy, policyName) = try inputs.loadPolicy()
        let references = try crossCheck.load(policy: policy, encoding: inputs.encoding)
        let files: [InputFile]
        do {
            files = try InputCollector.collect(inputs.paths)
        } catch {
            throw CLIFailure(error.description)
        }
        let options = ImportOptions(encoding: inputs.encoding, sheet: inputs.sheet, keepsRows: !onlyImport || keepsImportedRows)
        var imports: [FileImport] = []
        var applicants: [Applicant] = []
        var importFindings: [Finding] = []
        var firstIndex = 0
        for (position, file) in files.enumerated() {
            Terminal.progress("读取 \(position + 1)/\(files.count) \(file.displayName) …")
            let fileImport: FileImport
            do {
                fileImport = try RosterReader.read(file, firstIndex: firstIndex, options: options)
            } catch {
                Terminal.endProgress()
                throw CLIFailure(error.description)
            }
            firstIndex += fileImport.inputs.reduce(0) { $0 + $1.rows }
            // One file (the benchmark's case, and a large one's): take its rows without copying a million.
            if applicants.isEmpty { applicants = fileImport.applicants } else { applicants += fileImport.applicants }
            importFindings.append(contentsOf: fileImport.findings)
            imports.append(fileImport)
        }
        Terminal.endProgress()
        return Read(files: files, imports: imports, policy: policy, policyName: policyName, references: references,
                    applicants: applicants, importFindings: importFindings, archive: archive, bankTemplate: bankTemplate)
    }
}

/// What a command keeps until the process ends. Freeing a round's million rows cell by cell takes the better
/// part of a second, after the last document is written; the system takes the whole heap back at exit at once.
enum ProcessEnd {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep<Value>(_ value: Value) -> Value {
        kept.append(value)
        return value
    }
}
