import ZizhuArchive
import Foundation
import ZizhuCore
import ZizhuRound

/// What the result page of a stored round shows, in both languages, identifiers masked as on the terminal:
/// kept beside the round's documents (`view.json`) so the page needs neither the rows nor a re-check.
struct RoundView: Codable, Sendable {
    static let fileName = "view.json"

    struct Input: Codable, Sendable {
        var file: String
        var encoding: String
        var headerLine: Int?
        var rows: Int
    }

    struct Finding: Codable, Sendable {
        var code: String
        var severity: String
        var file: String
        var line: Int?
        var field: String?
        /// The class of the row (`高一(1)班`); empty for a finding about a whole file or the round.
        var className: String
        var message: [String: String]
        var fix: [String: String]
    }

    var inputs: [Input]
    var findings: [Finding]

    init(_ round: CheckedRound) {
        let result = round.result
        inputs = result.inputs.map { Input(file: $0.file, encoding: $0.encoding, headerLine: $0.headerLine, rows: $0.rows) }
        findings = result.findings.map { finding in
            let className = finding.row.flatMap { row in
                row < result.applicants.count ? result.applicants[row] : nil
            }.map { ClassOrder.label(grade: $0.value(.grade), className: $0.value(.className)) } ?? ""
            var message: [String: String] = [:]
            var fix: [String: String] = [:]
            for language in [Language.zh, .en] {
                message[language.rawValue] = MessageCatalog.message(for: finding, language: language, showValues: false)
                fix[language.rawValue] = MessageCatalog.fix(for: finding, language: language, showValues: false)
            }
            return Finding(code: finding.code.rawValue, severity: finding.severity.rawValue, file: finding.location.file,
                           line: finding.location.line, field: finding.field, className: className,
                           message: message, fix: fix)
        }
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    static func read(from path: String) throws -> RoundView {
        try JSONDecoder().decode(RoundView.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
