/// Why a workbook cannot be read. The description is one line of Chinese saying what is wrong and how to fix it;
/// it names the file, part, sheet and cell involved but never a cell's contents.
public struct XLSXReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file does not exist or cannot be read.
        case unreadable
        /// Not a ZIP package at all (random bytes, HTML, CSV renamed to .xlsx …).
        case notAZip
        /// A ZIP package without an Excel workbook (`xl/workbook.xml`).
        case noWorkbook
        /// A password-protected workbook: an OLE2 compound file holding `EncryptionInfo` (or, rarely, a ZIP
        /// whose entries carry a ZIP password).
        case encrypted
        /// An old binary `.xls` workbook (an OLE2 compound file).
        case legacyXLS
        /// The ZIP package is damaged: its directory is missing or inconsistent, compressed data ends early or does
        /// not inflate, or a checksum does not match.
        case damagedZip
        /// A part the workbook refers to is missing from the package.
        case missingPart(String)
        /// A part is not well-formed XML; `sheet` is the sheet's name, or the part's path for other parts.
        case brokenXML(sheet: String, line: Int?)
        /// A cell refers to a shared string past the end of the table; `cell` is e.g. `高一(2)班!E17`.
        case sharedStringOutOfRange(cell: String)
        /// A part is absurdly large or inflates far beyond its compressed size (a ZIP bomb guard).
        case tooLarge
        /// A part declares a DTD (`<!DOCTYPE`/`<!ENTITY`); entities are never expanded.
        case entityExpansion
    }

    public var kind: Kind
    /// The file's name as given to the reader.
    public var file: String
    /// The package part involved, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String?
    /// A short technical reason (Chinese, no cell contents), e.g. `开始和结束标签不配对`.
    public var detail: String?

    public init(_ kind: Kind, file: String, part: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.detail = detail
    }

    public var description: String {
        let name = Self.printable(Self.displayName(file))
        let part = self.part.map { Self.printable($0) }
        let partNote = part.map { "（\($0)）" } ?? ""
        let detailNote = detail.map { "：\($0)" } ?? ""
        switch kind {
        case .unreadable:
            return "无法读取文件 \(name)\(detailNote)；请确认文件存在且没有被其他程序占用。"
        case .notAZip:
            return "\(name) 不是有效的 .xlsx 文件（不是 ZIP 格式）；请用 Excel/WPS 打开后另存为 .xlsx 或 CSV。"
        case .noWorkbook:
            return "\(name) 中没有 Excel 工作簿（缺少 xl/workbook.xml），不是 .xlsx 文件；请用 Excel/WPS 另存为 .xlsx 或 CSV。"
        case .encrypted:
            return "\(name) 设置了打开密码，无法读取；请在 Excel/WPS 中取消密码保护后另存为 .xlsx。"
        case .legacyXLS:
            return "\(name) 是旧版 .xls 格式；请用 Excel/WPS 另存为 .xlsx 或 CSV 后再提交。"
        case .damagedZip:
            return "\(name) 已损坏\(partNote)\(detailNote)；请重新用 Excel/WPS 保存或重新获取该文件。"
        case .missingPart(let missing):
            let missing = Self.printable(missing)
            return "\(name) 不完整：缺少 \(missing)；请用 Excel/WPS 打开后重新另存为 .xlsx。"
        case .brokenXML(let sheet, let line):
            let sheet = Self.printable(sheet)
            let lineNote = line.map { "第 \($0) 行附近：" } ?? ""
            let whereNote = sheet == part ? sheet : "工作表“\(sheet)”\(partNote)"
            return "\(name) 的\(whereNote)内容已损坏（XML \(lineNote)\(detail ?? "格式错误")）；"
                + "请用 Excel/WPS 打开后重新另存为 .xlsx。"
        case .sharedStringOutOfRange(let cell):
            let cell = Self.printable(cell)
            return "\(name) 的单元格 \(cell) 引用了不存在的共享字符串，文件已损坏；请用 Excel/WPS 打开后重新另存为 .xlsx。"
        case .tooLarge:
            return "\(name)\(partNote)解压后过大或压缩比异常（疑似压缩炸弹）\(detailNote)，已停止读取；"
                + "请确认文件来源，或只保留名单所在的工作表后另存。"
        case .entityExpansion:
            return "\(name)\(partNote)含有 DOCTYPE/ENTITY 声明，出于安全原因拒绝读取；"
                + "请用 Excel/WPS 打开后重新另存为 .xlsx。"
        }
    }

    /// A name from inside the package (a part, a relationship target, a sheet) as a message may show it: on one
    /// line and short. A damaged or crafted package can put any bytes there (fuzzing found line breaks).
    static func printable(_ name: String, limit: Int = 80) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in name.unicodeScalars {
            if count == limit {
                scalars.append("…")
                break
            }
            let control = scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
                || scalar == "\u{FFFD}" || scalar == "\u{2028}" || scalar == "\u{2029}"
            scalars.append(control ? "?" : scalar)
            count += 1
        }
        return String(scalars)
    }

    /// The last path component: messages name the file, not the folder it sits in.
    static func displayName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }
}
