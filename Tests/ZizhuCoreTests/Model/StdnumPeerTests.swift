import Foundation
import Testing
@testable import ZizhuCore
import ZizhuTestSupport

/// A second opinion on the GB 11643 checks: a few thousand generated and damaged IDs go through the rules
/// and through python-stdnum's `stdnum.cn.ric` (`Tests/peer/stdnum_ric.py`, test-time only), which must
/// agree on every verdict but for the classes of difference the script documents (county codes, future
/// birth dates). The check character must agree on every ID.
@Suite struct StdnumPeerTests {
    static let identityCodes: Set<FindingCode> = [.idFormat, .idLegacy, .idChecksum, .idBirthdate, .idRegion]

    @Test func stdnumReachesTheSameVerdicts() throws {
        let samples = StdnumPeerTests.samples()
        var round = ApplicantBuilder()
        for (_, id) in samples { round.row(["身份证号": id, "学籍号": ""]) }
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        var codes = [Set<String>](repeating: [], count: samples.count)
        for finding in result.findings where StdnumPeerTests.identityCodes.contains(finding.code) {
            if let row = finding.row { codes[row].insert(finding.code.rawValue) }
        }
        let lines = zip(samples, codes).map { sample, codes in
            "\(sample.kind)\t\(sample.id)\t\(codes.sorted().joined(separator: ","))\n"
        }
        let folder = try Fixtures.temporaryFolder("zizhu-stdnum")
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("ids.tsv")
        try lines.joined().write(to: table, atomically: true, encoding: .utf8)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../peer/stdnum_ric.py").standardized.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, table.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text, terminator: "")
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("unexplained: 0"), "\(text)")
    }

    /// Valid IDs and the damage typing does to them, from a fixed seed.
    static func samples() -> [(kind: String, id: String)] {
        var random = SplitMix(seed: 11643)
        let regions = ["110105", "110108", "130102", "140105", "210102", "320102", "330106", "370102", "370103",
                       "370112", "370124", "410102", "440106", "510104", "610113", "650102"]
        func digits(_ count: Int, _ bound: Int) -> String {
            let text = String(random.next(bound))
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        func valid(year: ClosedRange<Int> = 1995...2012) -> String {
            let y = year.lowerBound + random.next(year.count)
            let body = regions[random.next(regions.count)] + String(y) + digits(2, 12).incremented + digits(2, 28).incremented
                + digits(3, 1000)
            return ApplicantBuilder.withCheckCharacter(body)
        }
        func replacing(_ id: String, at offset: Int, with character: Character) -> String {
            var characters = Array(id)
            characters[offset] = character
            return String(characters)
        }
        var out: [(String, String)] = []
        for _ in 0..<1200 { out.append(("valid", valid())) }
        for _ in 0..<200 { out.append(("valid-lowercase-x", valid().lowercased())) }
        for _ in 0..<400 {
            let id = valid()
            let wrong = Array("0123456789X").filter { $0 != id.last }
            out.append(("check-character", replacing(id, at: 17, with: wrong[random.next(wrong.count)])))
        }
        for _ in 0..<400 {
            let id = valid(), offset = random.next(17)
            let digit = Character(String((Int(String(Array(id)[offset]))! + 1 + random.next(9)) % 10))
            out.append(("one-digit", replacing(id, at: offset, with: digit)))
        }
        for _ in 0..<300 {
            var characters = Array(valid())
            let offset = random.next(16)
            if characters[offset] == characters[offset + 1] { continue }
            characters.swapAt(offset, offset + 1)
            out.append(("transposed", String(characters)))
        }
        for date in ["20101301", "20100230", "20110229", "20100132", "20100001", "20100400", "20100931"] {
            for _ in 0..<30 {
                out.append(("impossible-date", ApplicantBuilder.residentID(region: regions[random.next(regions.count)],
                                                                           birth: date, sequence: random.next(1000))))
            }
        }
        for province in ["00", "10", "20", "29", "38", "49", "55", "66", "72", "80", "84", "99"] {
            for _ in 0..<20 {
                out.append(("province", ApplicantBuilder.residentID(region: province + "0102", birth: "20100512",
                                                                    sequence: random.next(1000))))
            }
        }
        for region in ["370199", "110199", "440199", "370181", "110103"] {
            for _ in 0..<40 {
                out.append(("county", ApplicantBuilder.residentID(region: region, birth: "20100512",
                                                                  sequence: random.next(1000))))
            }
        }
        for _ in 0..<100 { out.append(("future-birth", valid(year: 2027...2030))) }
        for _ in 0..<100 {
            let id = valid()
            let fifteen = String(id.prefix(6)) + String(id.dropFirst(8).prefix(9))
            out.append(("legacy-15", fifteen))
        }
        for _ in 0..<50 {
            let id = valid()
            out.append(("too-short", String(id.dropLast())))
            out.append(("too-long", id + "1"))
            out.append(("x-inside", replacing(id, at: random.next(17), with: "X")))
        }
        return out
    }
}

/// SplitMix64: a fixed, portable sequence (the system generator is not seedable).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

private extension String {
    /// `00` → `01`: a month or day from a zero-based draw.
    var incremented: String {
        let value = Int(self)! + 1
        return value < 10 ? "0\(value)" : String(value)
    }
}
