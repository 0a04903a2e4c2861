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
        let summaries = imports.flatMap(\.inputs)
        if onlyImport {
            // The import stage alone (for the benchmark): text rows were counted, not kept, unless asked.
            Terminal.endProgress()
            return Outcome(files: files, imports: imports, policyName: policyName,
                           result: .importOnly(policy: policy, inputs: summaries, applicants: applicants,
                                               findings: importFindings))
        }
        Terminal.progress("检查 \(applicants.count) 行 …")
        let archiveCheck = archive?.check()
        let bankCheck: BankTemplateCheck
        do {
            bankCheck = BankTemplateCheck(template: try BankTemplate.named(bankTemplate ?? policy.bank.template))
        } catch {
            Terminal.endProgress()
            throw CLIFailure("\(error)")
        }
        let validator = Validator(policy: policy,
                                  additionalChecks: (archiveCheck.map { [$0] } ?? []) + references.checks + [bankCheck])
        var result = validator.run(inputs: summaries, applicants: applicants, importFindings: importFindings)
        if !crossCheck.isEmpty {
            result.crossCheck = CrossCheckSummary(result: result, roster: references.roster, lists: references.lists)
        }
        if let failure = archiveCheck?.failure {
            Terminal.endProgress()
            throw CLIFailure("无法查询资助档案：\(failure)")
        }
        Terminal.endProgress()
        return Outcome(files: files, imports: imports, policyName: policyName, result: result)
    }
}
