import Foundation
import ZizhuCore

/// `OUTDIR/manifest.json`: every input and output of a run with its SHA-256 and row count, and the
/// round's summary (the same numbers as the report). An auditor can re-hash the files to prove nothing
/// changed after the run.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Input: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var rows: Int

        public init(path: String, sha256: String, rows: Int) {
            self.path = path
            self.sha256 = sha256
            self.rows = rows
        }
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case register, notice, bank, returned, report
    }

    public struct Output: Codable, Sendable, Equatable {
        public var kind: Kind
        /// Relative to the output folder.
        public var path: String
        public var sha256: String
        /// Data rows: payments for the register, notice and bank files; returned rows; findings for reports.
        public var rows: Int
        /// The bank template of a bank upload file (an extension of DESIGN.md's shape; absent elsewhere).
        public var template: String?

        public init(kind: Kind, path: String, sha256: String, rows: Int, template: String? = nil) {
            self.kind = kind
            self.path = path
            self.sha256 = sha256
            self.rows = rows
            self.template = template
        }
    }

    /// The report's summary: counts, and amounts as decimal strings with two places.
    public struct SummaryRecord: Codable, Sendable, Equatable {
        public var rows: Int
        public var accepted: Int
        public var returned: Int
        public var errors: Int
        public var warnings: Int
        public var amountIn: String
        public var amountAccepted: String
        public var amountReturned: String

        public init(_ summary: Summary) {
            rows = summary.rows
            accepted = summary.accepted
            returned = summary.returned
            errors = summary.errors
            warnings = summary.warnings
            amountIn = summary.amountIn.decimalString
            amountAccepted = summary.amountAccepted.decimalString
            amountReturned = summary.amountReturned.decimalString
        }
    }

    public var inputs: [Input]
    public var outputs: [Output]
    public var summary: SummaryRecord

    public init(inputs: [Input], outputs: [Output], summary: SummaryRecord) {
        self.inputs = inputs
        self.outputs = outputs
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case inputs, outputs, summary }

    /// Pretty JSON with sorted keys (the same bytes for the same run), ending with a newline.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: data)
    }
}
