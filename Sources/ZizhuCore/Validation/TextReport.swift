/// The readable report of `zizhu check`: per file a header (encoding, header line, rows), then its findings
/// by line — the code, the field, what is wrong and how to fix it, the related rows — and a closing summary
/// with the three amounts and the conservation check. Identifiers are masked unless `showValues`.
public enum TextReport {
    public static func render(_ result: RoundResult, options: ReportOptions) -> String {
        let words = Words(options.language)
        var out = words.title(version: options.toolVersion, policy: options.policyName) + "\n"

        var byFile: [String: [Finding]] = [:]
        for finding in result.findings { byFile[finding.location.file, default: []].append(finding) }
        var files: [(name: String, input: InputSummary?)] = result.inputs.map { ($0.file, $0) }
        let known = Set(files.map(\.name))
        var extra: [String] = []
        for finding in result.findings where !known.contains(finding.location.file) && !extra.contains(finding.location.file) {
            extra.append(finding.location.file)
        }
        files += extra.map { ($0, nil) }

        for (name, input) in files {
            out += "\n" + words.fileHeader(name, input) + "\n"
            let findings = byFile[name] ?? []
            if findings.isEmpty {
                out += "  " + words.noFindings + "\n"
                continue
            }
            for finding in findings {
                let position = finding.location.line.map(words.line) ?? words.wholeFile
                var head = "  \(position)  [\(words.severity(finding.severity))] \(finding.code.rawValue)"
                if let field = finding.field, !field.isEmpty { head += "  \(field)" }
                out += head + "\n"
                out += "      " + MessageCatalog.message(for: finding, language: options.language,
                                                        showValues: options.showValues) + "\n"
                let fix = MessageCatalog.fix(for: finding, language: options.language, showValues: options.showValues)
                if !fix.isEmpty { out += "      \(words.fixLabel)" + fix + "\n" }
                if !finding.related.isEmpty {
                    let shown = finding.related.prefix(10).map { words.place($0) }.joined(separator: words.listSeparator)
                    let more = finding.related.count > 10 ? words.more(finding.related.count - 10) : ""
                    out += "      \(words.relatedLabel)" + shown + more + "\n"
                }
            }
        }

        let s = result.summary
        let balanced = s.amountIn == s.amountAccepted + s.amountReturned && s.rows == s.accepted + s.returned
        out += "\n" + words.summaryTitle + "\n"
        out += "  " + words.counts(s) + "\n"
        out += "  " + words.amounts(s, balanced: balanced) + "\n"
        if let crossCheck = result.crossCheck {
            for line in crossCheck.lines(language: options.language) { out += "  " + line + "\n" }
        }
        return out
    }

    /// The fixed words of the report in one language.
    private struct Words {
        let zh: Bool
        init(_ language: Language) { zh = language == .zh }

        func title(version: String, policy: String) -> String {
            zh ? "zizhu 检查报告（版本 \(version)，政策：\(policy)）" : "zizhu check report (version \(version), policy: \(policy))"
        }

        func fileHeader(_ name: String, _ input: InputSummary?) -> String {
            guard let input else { return zh ? "文件：\(name)" : "File: \(name)" }
            let header = input.headerLine.map { zh ? "表头在第 \($0) 行" : "header on line \($0)" }
                ?? (zh ? "未找到表头" : "no header found")
            return zh
                ? "文件：\(name)（编码 \(input.encoding)，\(header)，\(input.rows) 行数据）"
                : "File: \(name) (encoding \(input.encoding), \(header), \(input.rows) data rows)"
        }

        var noFindings: String { zh ? "没有发现问题。" : "No findings." }
        var wholeFile: String { zh ? "全文件" : "whole file" }
        func line(_ n: Int) -> String { zh ? "第 \(n) 行" : "line \(n)" }
        var fixLabel: String { zh ? "改正：" : "Fix: " }
        var relatedLabel: String { zh ? "相关：" : "Related: " }
        var listSeparator: String { zh ? "、" : ", " }
        func place(_ location: SourceLocation) -> String {
            let line = location.line.map(String.init) ?? "-"
            return zh ? "\(location.file) 第 \(line) 行" : "\(location.file) line \(line)"
        }
        func more(_ n: Int) -> String { zh ? " 等另 \(n) 处" : " and \(n) more" }

        func severity(_ severity: Severity) -> String {
            zh ? severity.chinese : severity.rawValue
        }

        var summaryTitle: String { zh ? "汇总" : "Summary" }

        func counts(_ s: Summary) -> String {
            zh
                ? "共 \(s.rows) 行：接收 \(s.accepted) 行，退回 \(s.returned) 行；错误 \(s.errors) 条，警告 \(s.warnings) 条。"
                : "\(s.rows) rows: \(s.accepted) accepted, \(s.returned) returned; \(s.errors) errors, \(s.warnings) warnings."
        }

        func amounts(_ s: Summary, balanced: Bool) -> String {
            let a = s.amountIn.groupedString, b = s.amountAccepted.groupedString, c = s.amountReturned.groupedString
            return zh
                ? "金额：申报 \(a) 元 = 接收 \(b) 元 + 退回 \(c) 元（\(balanced ? "核对一致" : "不一致，请报告此问题")）"
                : "Amounts: \(a) in = \(b) accepted + \(c) returned (\(balanced ? "balanced" : "NOT balanced: please report this"))"
        }
    }
}
