import ZizhuArchive
import ZizhuCore
import ZizhuImport

/// Reads every input and validates the round: the shared first half of check, run and the
/// single-document commands.
struct Pipeline {
    var inputs: RoundInputs
    var onlyImport = false
    /// Consulted for repeat aid, enrolment elsewhere and cards paid to others in earlier batches.
    var archive: AidArchive? = nil
    /// The enrolment roster and assistance lists to check against (issue 8).
    var crossCheck = CrossCheckSource()

    struct Outcome {
        var files: [InputFile]
        var imports: [FileImport]
        var result: RoundResult
        var policyName: String
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
        let options = ImportOptions(encoding: inputs.encoding, sheet: inputs.sheet)
        var imports: [FileImport] = []
        var applicants: [Applicant] = []
        var importFindings: [Finding] = []
        for (position, file) in files.enumerated() {
            Terminal.progress("读取 \(position + 1)/\(files.count) \(file.displayName) …")
            let fileImport: FileImport
            do {
                fileImport = try RosterReader.read(file, firstIndex: applicants.count, options: options)
            } catch {
                Terminal.endProgress()
                throw CLIFailure(error.description)
            }
            applicants.append(contentsOf: fileImport.applicants)
            importFindings.append(contentsOf: fileImport.findings)
            imports.append(fileImport)
        }
        Terminal.progress("检查 \(applicants.count) 行 …")
        let summaries = imports.flatMap(\.inputs)
        // --only-import (for the benchmark) decides on the import findings alone.
        let archiveCheck = archive?.check()
        let validator = Validator(policy: policy,
                                  additionalChecks: (archiveCheck.map { [$0] } ?? []) + references.checks,
                                  runsRules: !onlyImport)
        var result = validator.run(inputs: summaries, applicants: applicants, importFindings: importFindings)
        if !crossCheck.isEmpty && !onlyImport {
            result.crossCheck = CrossCheckSummary(result: result, roster: references.roster, lists: references.lists)
        }
        if let failure = archiveCheck?.failure {
            Terminal.endProgress()
            throw CLIFailure("无法查询资助档案：\(failure)")
        }
        Terminal.endProgress()
        return Outcome(files: files, imports: imports, result: result, policyName: policyName)
    }
}
