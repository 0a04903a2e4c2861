import ZizhuXLSX

/// Why a document could not be written. Descriptions are one line of plain Chinese for the clerk, with the
/// technical cause (libxlsxwriter's error name, errno text) kept at the end for whoever fixes the machine.
public enum ExportError: Error, Sendable, CustomStringConvertible {
    /// A date option is not `YYYY-MM-DD`.
    case invalidDate(String)
    /// No bank template by this name.
    case unknownBankTemplate(name: String, known: [String])
    /// A template file that cannot be used, and why.
    case invalidBankTemplate(name: String, reason: String)
    /// A value cannot go into a bank file (not representable in its encoding, contains the delimiter, too
    /// wide for its fixed-width field …); `row` names the payment and where it came from.
    case bankValue(document: String, row: String, reason: String)
    /// The workbook library failed.
    case workbook(document: String, XLSXError)
    /// Reading or writing a file failed.
    case file(path: String, reason: String)
    /// One document of a round failed; nothing of the run was put under a final name.
    case document(name: String, underlying: any Error & Sendable)

    public var description: String {
        switch self {
        case .invalidDate(let text):
            "日期“\(text)”不是“年-月-日”格式（例如 2026-09-14）"
        case .unknownBankTemplate(let name, let known):
            "没有名为“\(name)”的银行模板；可用：\(known.joined(separator: "、"))"
        case .invalidBankTemplate(let name, let reason):
            "银行模板“\(name)”无法使用：\(reason)"
        case .bankValue(let document, let row, let reason):
            "\(document)：\(row)：\(reason)"
        case .workbook(let document, let error):
            "无法写入 \(document)：\(error)"
        case .file(let path, let reason):
            "无法写入 \(path)：\(reason)"
        case .document(let name, let underlying):
            "\(name) 写入失败，本次输出均未保存：\(underlying)"
        }
    }
}
