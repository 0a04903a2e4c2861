import ZizhuCore

/// The rows a cross-row or share finding points at, in full, for the sheets people check by hand (问题清单's
/// 相关行 column, 退回清单): the message names the first few, the sheet names them all. Lines of one file
/// run together after the file's name: `甲.csv 第 3、5、9 行；乙.csv 第 2 行`.
enum RelatedRows {
    /// Excel's cell limit is 32,767 characters; a list longer than this ends with how many it left out.
    static let maximumLength = 30_000

    static func text(_ related: [SourceLocation], language: Language = .zh) -> String {
        var groups: [(file: String, lines: [String])] = []
        for location in related {
            let line = location.line.map(String.init) ?? "?"
            if let last = groups.last, last.file == location.file {
                groups[groups.count - 1].lines.append(line)
            } else {
                groups.append((location.file, [line]))
            }
        }
        var text = ""
        var written = 0
        for group in groups {
            let part = language == .zh
                ? "\(group.file) 第 \(group.lines.joined(separator: "、")) 行"
                : "\(group.file) line\(group.lines.count == 1 ? "" : "s") \(group.lines.joined(separator: ", "))"
            if text.utf16.count + part.utf16.count > maximumLength {
                let left = related.count - written
                text += language == .zh ? "；另有 \(left) 行未列出" : "; \(left) more not listed"
                break
            }
            text += text.isEmpty ? part : (language == .zh ? "；" : "; ") + part
            written += group.lines.count
        }
        return text
    }
}
