import Foundation
import Testing
@testable import ZizhuCore
import ZizhuTestSupport

/// Validation at scale: `ZIZHU_SCALE_ROWS=1000000 swift test --filter ValidatorScaleTests` (release build
/// recommended). Off by default: it takes a while and needs memory.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZIZHU_SCALE_ROWS"] != nil))
struct ValidatorScaleTests {
    @Test func validatesManyRowsInOnePass() throws {
        let rows = Int(ProcessInfo.processInfo.environment["ZIZHU_SCALE_ROWS"] ?? "") ?? 1_000_000
        var round = ApplicantBuilder()
        let perFile = 50
        let started = Date()
        for i in 0..<rows {
            if i % perFile == 0 { round.file("第\(i / perFile)班.csv") }
            switch i % 997 {
            case 1: round.row(["身份证号": "370102201005121231"])
            case 2: round.row(["银行卡号": ApplicantBuilder.card(serial: 1)])
            case 3: round.row(["资助金额": "1200"])
            default: round.row()
            }
        }
        let built = Date()
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let validated = Date()
        let peak = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? "?"
        print("""
            rows \(rows): build \(String(format: "%.2f", built.timeIntervalSince(started))) s, \
            validate \(String(format: "%.2f", validated.timeIntervalSince(built))) s \
            (\(Int(Double(rows) / validated.timeIntervalSince(built))) rows/s), findings \(result.findings.count), \
            returned \(result.summary.returned), \(peak)
            """)
        #expect(result.summary.amountIn == result.summary.amountAccepted + result.summary.amountReturned)
        #expect(result.summary.returned >= rows / 997 * 3)
    }
}
