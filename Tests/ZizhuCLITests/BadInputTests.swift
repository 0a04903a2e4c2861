import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `zizhu check` on hostile and broken inputs (issue 7): every file of Tests/Fixtures/bad/expected.json ends with
/// its exit code (1 or 2), its first finding and a short, clear message, within a time and memory bound. The big
/// inputs are made here at run time rather than committed.
@Suite struct BadInputTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var generated: String?
        var exit: Int32
        var code: String?
        var line: Int?
        var message: String
        var testDescription: String { file }
    }

    struct Manifest: Decodable {
        var cases: [Case]
    }

    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/bad")

    static let cases: [Case] = {
        let data = (try? Data(contentsOf: folder.appendingPathComponent("expected.json"))) ?? Data()
        return (try? JSONDecoder().decode(Manifest.self, from: data))?.cases ?? []
    }()

    /// Generous for a debug build on a busy 2-core machine: the slowest case takes about 2 s.
    static let timeLimit: Duration = .seconds(60)
    /// A debug `zizhu check` of these inputs peaks near 40 MiB; a cell or a bomb held in memory would not.
    static let memoryLimitKiB = 512 * 1024

    @Test func manifestListsEveryCommittedFile() throws {
        #expect(Self.cases.count >= 17)
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }
        #expect(Set(committed) == Set(Self.cases.filter { $0.generated == nil }.map(\.file)))
    }

    @Test(arguments: cases)
    func checkEndsCleanly(_ expected: Case) throws {
        let scratch = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path: String
        if expected.generated != nil {
            path = scratch.appendingPathComponent(expected.file).path
            try Self.generate(expected.file, at: path)
        } else {
            path = Self.folder.appendingPathComponent(expected.file).path
        }

        let run = try MeasuredRun(CLIRunner.executable.path, ["check", path, "--format", "json"],
                                  limit: Self.timeLimit, scratch: scratch)
        #expect(!run.timedOut, "\(expected.file): still running after \(Self.timeLimit)")
        #expect(run.status == expected.exit, "\(expected.file): exit \(run.status); stderr: \(run.stderr.prefix(500))")
        #expect(run.peakKiB < Self.memoryLimitKiB, "\(expected.file): peak RSS \(run.peakKiB) KiB")

        if expected.exit == 2 {
            // One line naming the file and saying what is wrong; no report.
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr.prefix(500))")
            #expect(run.stderr.contains(expected.file))
            #expect(run.stderr.contains(expected.message), "\(run.stderr.prefix(500))")
            #expect(run.stderr.count < 300)
            #expect(run.stdout.isEmpty)
            return
        }
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let report = try #require(object as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let first = try #require(findings.first, "\(expected.file): no finding")
        #expect(first["code"] as? String == expected.code)
        #expect(first["line"] as? Int == expected.line)
        #expect(first["file"] as? String == expected.file)
        let message = first["message"] as? String ?? ""
        #expect(message.contains(expected.message), "\(message)")
        // Clear means short too: no message quotes a megabyte cell or lists 10,000 cells.
        for finding in findings {
            let text = finding["message"] as? String ?? ""
            #expect(text.count < 600, "\(finding["code"] ?? "?"): \(text.count) characters")
        }
        #expect(run.stdout.utf8.count < 64 << 10, "the report is \(run.stdout.utf8.count) bytes")
    }

    // MARK: inputs too big to commit

    static var sampleLines: [String] {
        let text = (try? String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("samples/高一(1)班.csv"),
                                encoding: .utf8)) ?? ""
        // By scalars: "\r\n" is one Character, so a Character split would not see the "\n".
        return text.unicodeScalars.split(separator: "\n").map { line in
            String(String.UnicodeScalarView(line.filter { $0 != "\r" && $0 != "\u{FEFF}" }))
        }
    }

    /// 家庭住址 (column 17) moved to the end, where a cell cut short costs no other cell (as make_fixtures.py).
    static func addressLast(_ line: String) -> [String] {
        var cells = line.components(separatedBy: ",")
        let address = cells.remove(at: 17)
        return cells + [address]
    }

    static func generate(_ name: String, at path: String) throws {
        let lines = sampleLines
        // 李欣怡 and 王浩然 of samples/高一(1)班.csv: together, rows with no finding (and no quoted cell).
        let header = lines[0], rowA = lines[2], rowC = lines[1]
        let tenMegabytes = String(repeating: "长", count: (10 << 20) / 3)
        switch name {
        case "big_cell.csv":
            var broken = addressLast(rowA)
            broken[broken.count - 1] = tenMegabytes
            let text = [addressLast(header), addressLast(rowC), broken].map { $0.joined(separator: ",") }
            try write(text.joined(separator: "\r\n") + "\r\n", to: path)
        case "big_quoted_cell.csv":
            var broken = addressLast(rowA)
            broken[broken.count - 1] = "\"" + tenMegabytes + "\""
            let text = [addressLast(header), addressLast(rowC), broken, addressLast(rowC)]
                .map { $0.joined(separator: ",") }
            try write(text.joined(separator: "\r\n") + "\r\n", to: path)
        case "million_empty_lines.csv":
            var cells = rowA.components(separatedBy: ",")
            // A wrong check digit, with the 学籍号 (G + ID) to match: id-checksum and nothing else.
            cells[4] = String(cells[4].dropLast()) + (cells[4].hasSuffix("1") ? "2" : "1")
            cells[5] = "G" + cells[4]
            var bytes = Array((header + "\r\n" + rowC + "\r\n").utf8)
            bytes += Array(repeating: Array("\r\n".utf8), count: 1_000_000).joined()
            bytes += Array((cells.joined(separator: ",") + "\r\n").utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case "zip_bomb.xlsx":
            try runPython(zipBombScript, path)
        default:
            Issue.record("no generator for \(name)")
        }
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A workbook whose sheet is 2 GiB of spaces, deflated to about 2 MB: one 1 MiB block compressed after a full
    /// flush is the same bytes every time, so it is repeated rather than compressed 2,048 times.
    static let zipBombScript = """
    import struct, sys, zlib
    chunk = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = 2048
    body = block * count + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    size = len(chunk) * count
    def entry(name, data, stored_size, crc, method):
        name = name.encode()
        return (struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), stored_size,
                            len(name), 0) + name + data,
                lambda offset: struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc,
                                           len(data), stored_size, len(name), 0, 0, 0, 0, 0, offset) + name)
    def xml(text):
        return text.encode()
    parts = [
        ("[Content_Types].xml", xml('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')),
        ("xl/workbook.xml", xml('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')),
        ("xl/_rels/workbook.xml.rels", xml('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')),
    ]
    out = b""
    directory = b""
    for name, data in parts:
        local, central = entry(name, data, len(data), zlib.crc32(data), 0)
        directory += central(len(out))
        out += local
    local, central = entry("xl/worksheets/sheet1.xml", body, size, crc, 8)
    directory += central(len(out))
    out += local
    out += directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts) + 1, len(parts) + 1, len(directory),
                                   len(out), 0)
    open(sys.argv[1], "wb").write(out)
    """

    static func runPython(_ script: String, _ argument: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not write \(argument)")
    }
}

/// Runs a program with its output in files, waiting with wait4 so its own peak memory is known, and killing it
/// past `limit`. (`Process` reaps its child itself, so its resource usage is lost.)
struct MeasuredRun {
    var status: Int32 = -1
    var stdout = ""
    var stderr = ""
    var timedOut = false
    /// Peak resident set of the child, in KiB (its VmHWM, sampled every 5 ms while it runs).
    var peakKiB = 0

    init(_ executable: String, _ arguments: [String], limit: Duration, scratch: URL) throws {
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        let pid = try ChildProcess.spawn(executable, arguments, stdout: outPath, stderr: errPath)

        let deadline = ContinuousClock.now + limit
        var raw: Int32 = 0
        var usage = rusage()
        var peak = 0
        while true {
            if let highWater = MeasuredRun.highWaterKiB(pid) { peak = max(peak, highWater) }
            let reaped = wait4(pid, &raw, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &raw, 0, &usage)
                timedOut = true
                break
            }
            usleep(5_000)
        }
        // Exited: the code in bits 8–15; killed: 128 + the signal, as a shell reports it.
        status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        peakKiB = peak
        stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    }

    /// The child's own peak so far (VmHWM in /proc/PID/status), sampled while it runs. Not ru_maxrss: a
    /// process started by posix_spawn carries the test process's peak across exec (hundreds of MB under ASan).
    static func highWaterKiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return fields.count >= 2 ? Int(fields[1]) : nil
        }
        return nil
    }
}
