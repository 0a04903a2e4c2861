import Foundation
import Testing
import ZizhuCore
@testable import ZizhuExport

@Suite struct ManifestTests {
    @Test func jsonHasDesignsShapeAndRoundTrips() throws {
        var summary = Summary()
        summary.rows = 3
        summary.accepted = 2
        summary.returned = 1
        summary.errors = 2
        summary.amountIn = Money(fen: 345_000)
        summary.amountAccepted = Money(fen: 230_000)
        summary.amountReturned = Money(fen: 115_000)
        let manifest = Manifest(
            inputs: [.init(path: "samples/高一(1)班.csv", sha256: String(repeating: "a", count: 64), rows: 3)],
            outputs: [.init(kind: .register, path: "花名册.xlsx", sha256: String(repeating: "b", count: 64), rows: 2),
                      .init(kind: .bank, path: "银行代发_generic.txt", sha256: "c", rows: 2, template: "generic")],
            summary: Manifest.SummaryRecord(summary))
        let text = try manifest.jsonText()
        #expect(text.contains("\"path\" : \"samples/高一(1)班.csv\""))
        #expect(text.contains("\"amountIn\" : \"3450.00\""))
        #expect(text.contains("\"kind\" : \"register\""))
        // Sorted keys (inputs, outputs, summary: also DESIGN.md's order); `template` only where it applies.
        let inputs = try #require(text.range(of: "\"inputs\""))
        let outputs = try #require(text.range(of: "\"outputs\""))
        let summaryKey = try #require(text.range(of: "\"summary\""))
        #expect(inputs.lowerBound < outputs.lowerBound && outputs.lowerBound < summaryKey.lowerBound)
        #expect(text.components(separatedBy: "\"template\"").count == 2)
        #expect(try Manifest.decode(Data(text.utf8)) == manifest)

        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let s = json?["summary"] as? [String: Any]
        #expect(Set(s?.keys.map { $0 } ?? []) == ["rows", "accepted", "returned", "errors", "warnings", "amountIn",
                                                   "amountAccepted", "amountReturned"])
    }
}
