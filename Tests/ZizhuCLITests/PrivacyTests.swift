import Foundation
import Testing
import ZizhuImport
import ZizhuTestSupport

/// Privacy (issue 7): without `--show-values`, nothing a command prints — results, errors, progress — and no
/// file meant for others (公示名单, the masked 问题清单 and report.json) holds a full ID or card number of the
/// inputs. The inputs are samples/, a generated round in every encoding and layout, and the enrolment and
/// assistance lists of Tests/Fixtures/crosscheck; every run of 15 or more digits in them (IDs, cards,
/// 学籍号 digits) is a secret, as typed and as normalised.
@Suite struct PrivacyTests {
    /// Everything printed and written that must hold no secret, with where it came from.
    final class Scan {
        var texts: [(label: String, text: String)] = []
        func add(_ label: String, _ text: String) { texts.append((label, text)) }
        func add(_ label: String, _ result: ChildProcess.Result) {
            add(label + " (stdout)", result.stdout)
            add(label + " (stderr)", result.stderr)
        }
    }

    @Test func noCommandPrintsAFullIdentifierAndTheNoticeHoldsNone() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home").path
        func zizhu(_ arguments: [String]) throws -> ChildProcess.Result { try ChildProcess.zizhu(arguments, home: home) }

        let samples = CLIRunner.samples
        let generated = try GeneratedRoundFixture.make(seed: 515, rows: 240, anomalyRate: 0.3,
                                                       in: folder.appendingPathComponent("round"))
        let round = generated.folder
        let cross = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/crosscheck").path
        let references = ["--enrolment", cross + "/在校生信息.csv", "--evidence", "低保=" + cross + "/低保名单.csv",
                          "--evidence", "脱贫户=" + cross + "/脱贫户名单.csv", "--evidence", "残疾=" + cross + "/残疾人名单.csv"]
        let crossRosters = [cross + "/高一(1)班.csv", cross + "/高一(2)班.csv"]
        // A class sheet with a name GBK cannot write: check names the row (bank-value-unwritable, with the name),
        // and run and bank return that row and write the rest.
        let rare = folder.appendingPathComponent("rare").path
        try FileManager.default.createDirectory(atPath: rare, withIntermediateDirectories: true)
        let sheet = try String(contentsOfFile: samples + "/高一(1)班.csv", encoding: .utf8)
            .replacingOccurrences(of: "阿依古丽·买买提,女", with: "赵䶮,女")
            .replacingOccurrences(of: ",阿依古丽·买买提,买买提·艾力", with: ",赵䶮,买买提·艾力")
        try sheet.write(toFile: rare + "/高一(1)班.csv", atomically: true, encoding: .utf8)
        let secrets = try Self.secrets(in: [samples, round, cross])
        try #require(secrets.count > 400, "too few identifiers found in the inputs: \(secrets.count)")

        let template = try ConservationTests.unicodeBankTemplate(in: folder)
        let out = { (name: String) in folder.appendingPathComponent(name).path }
        let archive = out("archive.sqlite")
        let scan = Scan()

        // check, every format and language, with and without references.
        for inputs in [[samples], [round], [samples, round]] {
            scan.add("check \(inputs.count)", try zizhu(["check"] + inputs + ["--no-archive"]))
            scan.add("check en", try zizhu(["check"] + inputs + ["--no-archive", "--lang", "en", "--strict"]))
            scan.add("check json", try zizhu(["check"] + inputs + ["--no-archive", "--format", "json"]))
        }
        scan.add("check xlsx", try zizhu(["check", round, "--no-archive", "--format", "xlsx", "-o", out("问题清单-check.xlsx")]))
        scan.add("check json file", try zizhu(["check", round, "--no-archive", "--format", "json", "-o", out("check.json")]))
        scan.add("check cross", try zizhu(["check"] + crossRosters + references + ["--no-archive"]))
        scan.add("check cross json", try zizhu(["check"] + crossRosters + references + ["--no-archive", "--format", "json"]))
        scan.add("check only-import", try zizhu(["check", round, "--no-archive", "--only-import"]))

        // run, the single documents, and the round with a name the GBK bank file cannot carry.
        scan.add("run samples", try zizhu(["run", samples, "-o", out("run-samples"), "--archive", archive, "--record"]))
        scan.add("run round", try zizhu(["run", round, "-o", out("run-round"), "--template", template, "--no-archive"]))
        scan.add("run round en", try zizhu(["run", round, "-o", out("run-round-en"), "--template", template,
                                            "--no-archive", "--lang", "en"]))
        let rareCheck = try zizhu(["check", rare, "--no-archive"])
        scan.add("check rare", rareCheck)
        let rareRun = try zizhu(["run", rare, "-o", out("run-rare"), "--no-archive"])
        scan.add("run rare", rareRun)
        scan.add("run cross", try zizhu(["run"] + crossRosters + references + ["-o", out("run-cross"), "--no-archive"]))
        scan.add("register", try zizhu(["register", round, "-o", out("花名册.xlsx"), "--no-archive"]))
        scan.add("notice", try zizhu(["notice", round, "-o", out("公示名单.xlsx"), "--no-archive"]))
        scan.add("bank xlsx", try zizhu(["bank", round, "-o", out("代发清单.xlsx"), "--no-archive"]))
        scan.add("bank txt", try zizhu(["bank", round, "-o", out("代发.txt"), "--template", template, "--no-archive"]))
        let rareBank = try zizhu(["bank", rare, "-o", out("代发-gbk.txt"), "--no-archive"])
        scan.add("bank rare", rareBank)
        scan.add("missed", try zizhu(["missed"] + crossRosters + references + ["-o", out("未申请名单.xlsx")]))
        scan.add("missed all", try zizhu(["missed"] + references + ["-o", out("未申请名单-全部.xlsx")]))

        // The archive: record, import, batches, history of recorded and unknown IDs, and the repeat-aid run.
        scan.add("archive record", try zizhu(["archive", "record", out("run-round"), "--archive", archive]))
        scan.add("archive import", try zizhu(["archive", "import", out("run-cross") + "/花名册.xlsx", "--archive", archive,
                                              "--year", "2025", "--term", "春季学期"]))
        scan.add("archive batches", try zizhu(["archive", "batches", "--archive", archive]))
        let recorded = try Self.acceptedIDs(out("run-round") + "/report.json", round: round).prefix(3)
        for id in recorded {
            let history = try zizhu(["archive", "history", id, "--archive", archive])
            // The ID asked about is the clerk's own input; every other identifier must be masked.
            scan.add("archive history", ChildProcess.Result(status: history.status, signal: nil,
                                                            stdout: history.stdout.replacingOccurrences(of: id, with: "<asked>"),
                                                            stderr: history.stderr.replacingOccurrences(of: id, with: "<asked>")))
        }
        scan.add("check with archive", try zizhu(["check", samples, round, "--archive", archive]))
        scan.add("run with archive", try zizhu(["run", samples, "-o", out("run-again"), "--archive", archive]))
        scan.add("archive remove", try zizhu(["archive", "remove", "1", "--yes", "--archive", archive]))

        // Errors that name a file and line.
        scan.add("missing input", try zizhu(["check", round + "/没有这个文件.csv"]))
        scan.add("broken xlsx", try zizhu(["check", CLIRunner.packageRoot.appendingPathComponent(
            "Tests/Fixtures/xlsx/broken_sheet_mismatched_tag.xlsx").path]))

        // Progress lines are printed only to a terminal: run once under a pseudo-terminal.
        let terminal = try ChildProcess.run("/usr/bin/script", ["-qec", Self.shellCommand(
            [CLIRunner.executable.path, "run", round, "-o", out("run-tty"), "--template", template, "--no-archive"]),
            "/dev/null"], environment: ChildProcess.zizhuEnvironment(home: home))
        scan.add("run on a terminal", terminal)

        // The files meant for others.
        for notice in [out("run-samples"), out("run-round"), out("run-round-en"), out("run-cross")]
            .map({ $0 + "/公示名单.xlsx" }) + [out("公示名单.xlsx")] {
            try #require(FileManager.default.fileExists(atPath: notice), "\(notice)")
            let xml = try Self.zipText(notice)
            scan.add(notice, xml)
            // An identifier stored as a number would not show its digits: no such number either.
            #expect(xml.range(of: #"[0-9]\.[0-9]+E\+1[4-8]"#, options: .regularExpression) == nil, "\(notice)")
        }
        for report in ["run-samples", "run-round", "run-cross"].map(out) {
            scan.add(report + "/report.json", try String(contentsOfFile: report + "/report.json", encoding: .utf8))
            scan.add(report + "/问题清单.xlsx", try Self.zipText(report + "/问题清单.xlsx"))
        }
        scan.add("问题清单-check.xlsx", try Self.zipText(out("问题清单-check.xlsx")))
        scan.add("check.json", try String(contentsOfFile: out("check.json"), encoding: .utf8))

        // The commands above did their work (a privacy test of commands that failed would prove little).
        #expect(rareCheck.status == 1 && rareCheck.stdout.contains("bank-value-unwritable")
                && rareCheck.stdout.contains("赵䶮"), "\(rareCheck.stdout)")
        #expect(rareRun.status == 0 && rareBank.status == 0, "\(rareRun.stderr) \(rareBank.stderr)")
        #expect(terminal.stdout.contains("\u{1B}[K"), "no progress line was captured")
        #expect(scan.texts.count > 60)

        let leaks = scan.texts.flatMap { label, text in Self.leaks(in: text, of: secrets).map { "\(label): \($0)" } }
        #expect(leaks.isEmpty, "\(leaks.count) full identifiers printed or written: \(leaks.prefix(10))")

        // The control: with --show-values the same scan finds them, so a clean scan above means something.
        let shown = try zizhu(["check", samples, round, "--no-archive", "--show-values"])
        #expect(Self.leaks(in: shown.stdout, of: secrets).count > 20)
    }

    /// The secrets that occur in `text`.
    static func leaks(in text: String, of secrets: Set<String>) -> [String] {
        windows(longDigitRuns(in: text, joiningSpaces: true)).filter(secrets.contains).sorted()
    }

    // MARK: - Secrets and scanning

    /// Every run of 15+ digits (an ID may end in X) in the inputs: in the raw text of each CSV/TXT file as
    /// typed (spaces inside a number removed, full-width digits folded) and in every cell zizhu's import reads,
    /// which covers the .xlsx files. All substrings of 15–19 characters of a longer run count too, so a
    /// 学籍号 such as G + ID yields the ID.
    static func secrets(in folders: [String]) throws -> Set<String> {
        var found = Set<String>()
        for folder in folders {
            let files = try InputCollector.collect([folder])
            for file in files {
                if !file.path.hasSuffix(".xlsx") {
                    found.formUnion(windows(longDigitRuns(in: try decodeAnyText(file.path), joiningSpaces: true)))
                }
                let imported = try RosterReader.read(file, firstIndex: 0)
                for applicant in imported.applicants {
                    for cell in applicant.cells + applicant.originalCells {
                        found.formUnion(windows(longDigitRuns(in: cell, joiningSpaces: true)))
                    }
                }
            }
        }
        return found
    }

    /// The 15…19-character substrings of each run (an 18-digit run gives itself and its 15- to 17-digit parts).
    static func windows(_ runs: [String]) -> Set<String> {
        var out = Set<String>()
        for run in runs {
            let characters = Array(run)
            if characters.count <= 19 { out.insert(run) }
            for length in 15...min(19, characters.count) {
                for start in 0...(characters.count - length) { out.insert(String(characters[start..<(start + length)])) }
            }
        }
        return out
    }

    /// Maximal runs of at least 15 digits (X allowed after a digit, as the check digit), upper-cased, with
    /// full-width digits folded. With `joiningSpaces`, single spaces between digits (`6222 0212 …`) do not
    /// break a run.
    static func longDigitRuns(in text: String, joiningSpaces: Bool = false) -> [String] {
        var runs: [String] = []
        var current = ""
        var pendingSpace = false
        func flush() {
            if current.count >= 15 { runs.append(current) }
            current = ""
            pendingSpace = false
        }
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF10...0xFF19).contains(value) { value -= 0xFF10 - 0x30 }
            if (0x30...0x39).contains(value) || ((value == 0x58 || value == 0x78) && !current.isEmpty) {
                pendingSpace = false
                current.append(Character(Unicode.Scalar(value == 0x78 ? 0x58 : value)!))
            } else if joiningSpaces, value == 0x20 || value == 0x3000, !current.isEmpty, !pendingSpace {
                pendingSpace = true
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// A text file in whatever encoding zizhu accepts: BOM, else UTF-8, else GB18030.
    static func decodeAnyText(_ path: String) throws -> String {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        if bytes.starts(with: [0xFF, 0xFE]) { return try IconvConverter.decode(Array(bytes.dropFirst(2)), from: "UTF-16LE").text }
        if bytes.starts(with: [0xFE, 0xFF]) { return try IconvConverter.decode(Array(bytes.dropFirst(2)), from: "UTF-16BE").text }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        return try IconvConverter.decode(body, from: "GB18030").text
    }

    /// Every member of a zip (an .xlsx) as text, one after the other.
    static func zipText(_ path: String) throws -> String {
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            for name in z.namelist():
                sys.stdout.write(z.read(name).decode("utf-8", "replace") + "\\n")
            """
        return String(decoding: try XLSXReadBack.runPython(script, arguments: [path]), as: UTF8.self)
    }

    /// IDs of accepted rows of a run, read from its inputs through the library (the report masks them).
    static func acceptedIDs(_ reportPath: String, round: String) throws -> [String] {
        let result = try ConservationTests.roundResult(round)
        return result.accepted.map { $0.value(.idNumber) }.filter { $0.count == 18 }
    }

    static func shellCommand(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}
