import ZizhuCore

/// The one-line summaries the terminal and the web page show of a round.
public enum Summaries {
    public static func line(_ s: Summary, language: Language) -> String {
        switch language {
        case .zh:
            "共 \(s.rows) 行：通过 \(s.accepted) 行（\(s.amountAccepted.groupedString) 元），退回 \(s.returned) 行（\(s.amountReturned.groupedString) 元）；错误 \(s.errors) 个，警告 \(s.warnings) 个。"
        case .en:
            "\(s.rows) rows: \(s.accepted) accepted (\(s.amountAccepted.groupedString) yuan), \(s.returned) returned (\(s.amountReturned.groupedString) yuan); \(s.errors) errors, \(s.warnings) warnings."
        }
    }

    /// The per-class counts of the enrolment and list checks, when the round had them.
    public static func crossCheck(_ result: RoundResult, language: Language) -> [String] {
        result.crossCheck?.lines(language: language) ?? []
    }

    public static func input(_ input: InputSummary, language: Language) -> String {
        let header = input.headerLine.map { language == .zh ? "表头第 \($0) 行" : "header on line \($0)" }
            ?? (language == .zh ? "未找到表头" : "no header")
        return language == .zh
            ? "  \(input.file)：\(input.encoding)，\(header)，\(input.rows) 行"
            : "  \(input.file): \(input.encoding), \(header), \(input.rows) rows"
    }

    /// Every row is accepted or returned, and the money adds up; printed so the clerk can see it.
    public static func conservation(_ s: Summary, language: Language) -> String {
        let holds = s.rows == s.accepted + s.returned && s.amountIn == s.amountAccepted + s.amountReturned
        switch language {
        case .zh:
            return "核对：\(s.rows) 行 = 通过 \(s.accepted) + 退回 \(s.returned)；申报 \(s.amountIn.groupedString) 元 = 通过 \(s.amountAccepted.groupedString) + 退回 \(s.amountReturned.groupedString)（\(holds ? "一致" : "不一致！")）"
        case .en:
            return "Check: \(s.rows) rows = \(s.accepted) accepted + \(s.returned) returned; \(s.amountIn.groupedString) in = \(s.amountAccepted.groupedString) + \(s.amountReturned.groupedString) (\(holds ? "holds" : "DOES NOT HOLD"))"
        }
    }
}
