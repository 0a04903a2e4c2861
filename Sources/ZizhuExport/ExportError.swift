#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
            if let code = error.systemError, let reason = SystemErrorText.chinese(code) {
                "无法写入 \(document)：\(reason)（\(error)）"
            } else {
                "无法写入 \(document)：\(error)"
            }
        case .file(let path, let reason):
            "无法写入 \(path)：\(reason)"
        case .document(let name, let underlying):
            "\(name) 写入失败，本次输出均未保存：\(underlying)"
        }
    }
}

/// The system errors a clerk can do something about, in Chinese; the C library's English text follows in
/// brackets for whoever fixes the machine.
public enum SystemErrorText {
    /// The Chinese reason for an errno, nil for errors without a plain explanation.
    public static func chinese(_ code: Int32) -> String? {
        switch code {
        case ENOSPC, EDQUOT: "磁盘空间不足，请清理输出文件夹所在的磁盘或换一个文件夹"
        case EROFS: "输出位置是只读的（只读文件系统或只读挂载的U盘/光盘）"
        case EACCES, EPERM: "没有写入权限"
        case EFBIG: "文件超过了系统允许的大小"
        case EIO: "磁盘读写出错"
        case ENOENT: "文件夹不存在"
        case ENOTDIR: "路径中有一段不是文件夹"
        default: nil
        }
    }

    /// The Chinese reason followed by the system's own text, or the system's text alone.
    public static func describe(_ code: Int32) -> String {
        let system = String(cString: strerror(code))
        guard let reason = chinese(code) else { return system }
        return "\(reason)（\(system)）"
    }
}
