/// The JSON report of DESIGN.md (`zizhu check --format json`, `report.json`): keys in camelCase and in
/// the documented order, amounts as decimal strings with two places, `line: null` for file-level findings,
/// messages in the chosen language with identifiers masked unless `showValues`.
public enum JSONReport {
    public static func render(_ result: RoundResult, options: ReportOptions) -> String {
        let summary = result.summary
        var members: [(String, JSONValue)] = [
            ("tool", .string("zizhu")),
            ("version", .string(options.toolVersion)),
            ("policy", .string(options.policyName)),
            ("summary", .object([
                ("rows", .int(summary.rows)),
                ("accepted", .int(summary.accepted)),
                ("returned", .int(summary.returned)),
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("amountIn", .string(summary.amountIn.decimalString)),
                ("amountAccepted", .string(summary.amountAccepted.decimalString)),
                ("amountReturned", .string(summary.amountReturned.decimalString)),
            ])),
            ("inputs", .array(result.inputs.map { input in
                .object([
                    ("file", .string(input.file)),
                    ("encoding", .string(input.encoding)),
                    ("headerLine", input.headerLine.map { .int($0) } ?? .null),
                    ("rows", .int(input.rows)),
                ])
            })),
        ]
        if let crossCheck = result.crossCheck { members.append(("crossCheck", crossCheckObject(crossCheck))) }
        members.append(
            ("findings", .array(result.findings.map { finding in
                .object([
                    ("code", .string(finding.code.rawValue)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("file", .string(finding.location.file)),
                    ("line", finding.location.line.map { .int($0) } ?? .null),
                    ("field", finding.field.map { .string($0) } ?? .null),
                    ("message", .string(MessageCatalog.message(for: finding, language: options.language,
                                                               showValues: options.showValues))),
                    ("related", .array(finding.related.map { location in
                        .object([
                            ("file", .string(location.file)),
                            ("line", location.line.map { .int($0) } ?? .null),
                        ])
                    })),
                ])
            })))
        let document = JSONValue.object(members)
        var out = ""
        document.write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// `crossCheck` (only when the round was checked against an enrolment roster or assistance lists; an
    /// addition to DESIGN.md's report): what was given, and students per class. A count the inputs cannot
    /// give is null (missed needs both the roster and a list).
    static func crossCheckObject(_ summary: CrossCheckSummary) -> JSONValue {
        func counts(_ counts: CrossCheckSummary.Counts) -> [(String, JSONValue)] {
            [("verified", counts.verified.map { .int($0) } ?? .null),
             ("unverified", counts.unverified.map { .int($0) } ?? .null),
             ("notEnrolled", counts.notEnrolled.map { .int($0) } ?? .null),
             ("missed", counts.missed.map { .int($0) } ?? .null)]
        }
        return .object([
            ("enrolment", summary.enrolment.map { .object([("file", .string($0.file)), ("students", .int($0.students))]) }
                ?? .null),
            ("evidence", .array(summary.evidence.map { list in
                .object([("kind", .string(list.kind)), ("category", .string(list.category)),
                         ("file", .string(list.file)), ("rows", .int(list.rows))])
            })),
            ("totals", .object(counts(summary.totals))),
            ("classes", .array(summary.classes.map { entry in
                var members: [(String, JSONValue)] = [
                    ("class", .string(entry.label)), ("grade", .string(entry.grade)), ("rows", .int(entry.rows)),
                ]
                members += counts(entry.counts)
                return .object(members)
            })),
        ])
    }
}

/// A JSON value with ordered keys, written pretty-printed (two spaces) without Foundation.
enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    func write(to out: inout String, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
                return
            }
            out.append("{\n")
            for (position, (key, value)) in members.enumerated() {
                JSONValue.pad(&out, indent + 1)
                JSONValue.writeString(key, to: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 1)
                out.append(position == members.count - 1 ? "\n" : ",\n")
            }
            JSONValue.pad(&out, indent)
            out.append("}")
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            out.append("[\n")
            for (position, item) in items.enumerated() {
                JSONValue.pad(&out, indent + 1)
                item.write(to: &out, indent: indent + 1)
                out.append(position == items.count - 1 ? "\n" : ",\n")
            }
            JSONValue.pad(&out, indent)
            out.append("]")
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .int(let value): out.append(String(value))
        case .bool(let value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        out.append(String(repeating: "  ", count: level))
    }

    static func writeString(_ text: String, to out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
