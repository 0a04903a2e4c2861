#if canImport(Glibc)
import Glibc
#endif
import ZizhuCore
import ZizhuImport

/// What both fuzz targets do with one input: write it to a file (the readers take paths, as the CLI does),
/// read it through the public entry point `zizhu check` uses, check what must always hold, then (when there are
/// rows) validate them and render the text and JSON reports, so the findings' messages are formatted too.
///
/// A broken invariant calls `fatalError`, which libFuzzer reports as a crash with the input saved.
public enum FuzzHarness {
    /// One scratch file per process and extension, overwritten for every input.
    public static func scratchPath(extension fileExtension: String) -> String {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return "\(folder)/zizhu-fuzz-\(getpid()).\(fileExtension)"
    }

    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot create \(path): errno \(errno)") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            guard result > 0 else { fatalError("cannot write \(path): errno \(errno)") }
            written += result
        }
    }

    /// Reads `path` as the CLI does and checks the result; `isText` adds the invariants of the CSV path.
    public static func readAndCheck(path: String, displayName: String, encoding: String? = nil, isText: Bool) {
        let input = InputFile(path: path, displayName: displayName)
        let firstIndex = 7
        let result: FileImport
        do {
            result = try RosterReader.read(input, firstIndex: firstIndex, options: ImportOptions(encoding: encoding))
        } catch {
            // A file that cannot be read at all: one clear line naming the file, never an empty message.
            require(!error.message.isEmpty, "empty ImportError message")
            require(!error.message.contains("\n"), "ImportError message spans lines: \(error.message)")
            require(error.file == displayName, "ImportError names \(error.file), not \(displayName)")
            return
        }
        check(result, firstIndex: firstIndex, displayName: displayName, isText: isText)
        // The rules and reports cost more than the read; they only learn something when there are rows.
        if !result.applicants.isEmpty { validateAndRender(result, language: result.findings.count % 2 == 0 ? .zh : .en) }
    }

    static func check(_ result: FileImport, firstIndex: Int, displayName: String, isText: Bool) {
        require(result.summary.rows == result.applicants.count,
                "summary says \(result.summary.rows) rows, \(result.applicants.count) read")
        require(result.inputs.reduce(0) { $0 + $1.rows } == result.applicants.count, "per-sheet rows do not add up")
        for (offset, applicant) in result.applicants.enumerated() {
            require(applicant.index == firstIndex + offset, "row \(offset) has index \(applicant.index)")
            require(applicant.line >= 1, "row \(offset) on line \(applicant.line)")
        }
        if isText {
            require(result.summary.file == displayName, "summary names \(result.summary.file)")
            // One file, one header: rows come after it, in file order.
            var previous = result.layout?.headerLine ?? 0
            for applicant in result.applicants {
                require(applicant.line > previous, "row on line \(applicant.line) after line \(previous)")
                previous = applicant.line
            }
            if result.applicants.isEmpty == false { require(result.layout != nil, "rows without a header") }
        }
        for finding in result.findings {
            if let line = finding.location.line { require(line >= 1, "finding \(finding.code) on line \(line)") }
            if let row = finding.row {
                require(row >= firstIndex && row < firstIndex + result.applicants.count,
                        "finding \(finding.code) about row \(row), outside the file")
            }
        }
    }

    /// The rest of `zizhu check`: every rule, the counts, and both reports.
    static func validateAndRender(_ result: FileImport, language: Language) {
        let round = Validator(policy: .default).run(inputs: result.inputs, applicants: result.applicants,
                                                    importFindings: result.findings)
        let summary = round.summary
        require(summary.rows == result.applicants.count, "round counts \(summary.rows) rows")
        require(summary.accepted + summary.returned == summary.rows, "accepted + returned != rows")
        require(summary.amountIn == summary.amountAccepted + summary.amountReturned, "money does not add up")
        let options = ReportOptions(language: language)
        let text = TextReport.render(round, options: options)
        require(!text.isEmpty, "empty text report")
        let json = JSONReport.render(round, options: options)
        require(json.hasPrefix("{"), "JSON report does not start with {")
    }

    @inline(never)
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }
}

extension FuzzHarness {
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

import CFuzzerDriver

/// Starts libFuzzer with the process's arguments and `testOneInput`; the targets' `<Target>_main` call this.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
}
