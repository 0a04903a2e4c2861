import Foundation
import Testing
@testable import ZizhuCore
import ZizhuTestSupport

@Suite struct JSONReportTests {
    func sampleResult() -> RoundResult {
        var round = ApplicantBuilder()
        let id = ApplicantBuilder.residentID(birth: "20100707")
        round.file("高一(1)班.csv", headers: ApplicantBuilder.standardHeaders.filter { $0 != "申请表" }, headerLine: 3)
        round.row(["身份证号": id, "学籍号": "G" + id])
        round.row(["身份证号": "110105194912310021", "学籍号": ""])
        round.file("高一(2)班.csv", encoding: "GB18030")
        round.row(["身份证号": id, "学籍号": "G" + id])
        return Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
    }

    func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func hasTheDocumentedShape() throws {
        let text = JSONReport.render(sampleResult(), options: ReportOptions(toolVersion: "9.9.9", policyName: "示例.yaml"))
        let json = try parse(text)
        #expect(Set(json.keys) == ["tool", "version", "policy", "summary", "inputs", "findings"])
        #expect(json["tool"] as? String == "zizhu")
        #expect(json["version"] as? String == "9.9.9")
        #expect(json["policy"] as? String == "示例.yaml")

        let summary = try #require(json["summary"] as? [String: Any])
        #expect(Set(summary.keys) == ["rows", "accepted", "returned", "errors", "warnings", "amountIn", "amountAccepted",
                                      "amountReturned"])
        #expect(summary["rows"] as? Int == 3)
        #expect(summary["returned"] as? Int == 3)
        #expect(summary["amountIn"] as? String == "3450.00")
        #expect(summary["amountAccepted"] as? String == "0.00")

        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2)
        #expect(Set(inputs[0].keys) == ["file", "encoding", "headerLine", "rows"])
        #expect(inputs[0]["headerLine"] as? Int == 3)
        #expect(inputs[1]["encoding"] as? String == "GB18030")

        let findings = try #require(json["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(Set(finding.keys) == ["code", "severity", "file", "line", "field", "message", "related"])
        }
        let fileLevel = try #require(findings.first { $0["code"] as? String == "document-missing" })
        #expect(fileLevel["line"] is NSNull)
        #expect(fileLevel["severity"] as? String == "warning")
        let across = findings.filter { $0["code"] as? String == "duplicate-id-across-files" }
        #expect(across.count == 2)
        let related = try #require(across.first?["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["file"] as? String == "高一(2)班.csv")
        #expect(related.first?["line"] as? Int == 2)
        let checksum = try #require(findings.first { $0["code"] as? String == "id-checksum" })
        #expect(checksum["line"] as? Int == 5)
        #expect(checksum["field"] as? String == "身份证号")
        #expect((checksum["related"] as? [Any])?.isEmpty == true)
    }

    @Test func keysComeInTheDocumentedOrderPrettyPrinted() {
        let text = JSONReport.render(sampleResult(), options: ReportOptions())
        #expect(text.hasPrefix("{\n  \"tool\": \"zizhu\",\n  \"version\": \"0.1.0\",\n  \"policy\": \"default\",\n  \"summary\": {\n    \"rows\": 3,"))
        let order = ["\"summary\"", "\"inputs\"", "\"findings\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order == order.sorted())
        #expect(text.hasSuffix("}\n"))
    }

    @Test func messagesAreMaskedUnlessAsked() throws {
        var round = ApplicantBuilder()
        round.row(["身份证号": "110105491231002", "学籍号": ""])
        let result = Validator(policy: .default).run(inputs: round.inputs, applicants: round.applicants, importFindings: [])
        let masked = JSONReport.render(result, options: ReportOptions())
        let shown = JSONReport.render(result, options: ReportOptions(showValues: true))
        #expect(!masked.contains("11010519491231002X"))
        #expect(masked.contains("1101**********002X"))
        #expect(shown.contains("11010519491231002X"))
    }

    @Test func englishMessages() throws {
        let json = try parse(JSONReport.render(sampleResult(), options: ReportOptions(language: .en)))
        let findings = try #require(json["findings"] as? [[String: Any]])
        let checksum = try #require(findings.first { $0["code"] as? String == "id-checksum" })
        #expect(checksum["message"] as? String == "Wrong check character: by GB 11643 it should be X, not 1.")
    }

    @Test func escapesText() {
        var out = ""
        JSONValue.writeString("a\"b\\c\nd\u{1}e", to: &out)
        #expect(out == "\"a\\\"b\\\\c\\nd\\u0001e\"")
    }
}
