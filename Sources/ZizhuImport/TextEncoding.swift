/// The text encodings a roster arrives in. Everything is turned into UTF-8 before parsing.
enum TextEncoding: Equatable, Sendable {
    case utf8
    case utf8BOM
    case utf16LE
    case utf16BE
    /// Also serves GBK and GB2312, which it extends.
    case gb18030

    /// The name reported in `InputSummary.encoding`.
    var reportName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 (BOM)"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }

    /// The glibc iconv name, nil for UTF-8 (validated, not converted).
    var iconvName: String? {
        switch self {
        case .utf8, .utf8BOM: nil
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }
}

/// What `--encoding` may name.
enum EncodingOverride: Equatable, Sendable {
    case utf8
    case gb18030
    /// UTF-16 with the byte order from the BOM, else from the pattern of zero bytes, else little-endian.
    case utf16
    case utf16LE
    case utf16BE

    static let accepted = "UTF-8、GB18030、GBK、UTF-16、UTF-16LE、UTF-16BE"

    init?(_ name: String) {
        let key = String(name.uppercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "UTF8": self = .utf8
        case "GB18030", "GBK", "GB2312", "CP936", "936", "EUCCN": self = .gb18030
        case "UTF16", "UNICODE": self = .utf16
        case "UTF16LE": self = .utf16LE
        case "UTF16BE": self = .utf16BE
        default: return nil
        }
    }
}

/// A file that is not text at all, recognised by its first bytes.
enum ForeignFormat: Equatable, Sendable {
    /// A ZIP container: an .xlsx (or .docx) whatever its name says.
    case zip
    /// An OLE compound file: Excel 97–2003 .xls, or an old .doc/.et.
    case ole
    case pdf

    static func detect(_ prefix: UnsafeRawBufferPointer) -> ForeignFormat? {
        func starts(with magic: [UInt8]) -> Bool {
            prefix.count >= magic.count && Swift.zip(prefix, magic).allSatisfy { $0 == $1 }
        }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        if starts(with: Array("%PDF".utf8)) { return .pdf }
        return nil
    }
}

/// Encoding decisions made on the first bytes of a file.
enum EncodingSniffer {
    enum Verdict: Equatable {
        /// A byte-order mark, an override, or valid non-ASCII UTF-8: settled.
        case settled(TextEncoding, bomLength: Int, guessed: Bool)
        /// Only ASCII so far: UTF-8 or GB18030 is decided at the first non-ASCII byte.
        case asciiSoFar
    }

    static func byteOrderMark(_ prefix: UnsafeRawBufferPointer) -> (TextEncoding, Int)? {
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { return (.utf8BOM, 3) }
        if prefix.count >= 2, prefix[0] == 0xFF, prefix[1] == 0xFE { return (.utf16LE, 2) }
        if prefix.count >= 2, prefix[0] == 0xFE, prefix[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 without a BOM shows as zero bytes in every other position (ASCII digits, commas, tabs).
    static func utf16ByteOrder(_ prefix: UnsafeRawBufferPointer) -> TextEncoding? {
        let pairs = min(prefix.count, 4096) / 2
        guard pairs >= 4 else { return nil }
        var zeroHigh = 0, zeroLow = 0
        for k in 0..<pairs {
            let first = prefix[2 * k], second = prefix[2 * k + 1]
            if first != 0 && second == 0 { zeroHigh += 1 }
            if first == 0 && second != 0 { zeroLow += 1 }
        }
        if zeroHigh * 5 >= pairs && zeroLow * 50 <= pairs { return .utf16LE }
        if zeroLow * 5 >= pairs && zeroHigh * 50 <= pairs { return .utf16BE }
        return nil
    }

    /// Decides the encoding from the first bytes (`prefix`); `wholeFile` when the prefix is all there is.
    static func sniff(_ prefix: UnsafeRawBufferPointer, wholeFile: Bool, override: EncodingOverride?) -> Verdict {
        let mark = byteOrderMark(prefix)
        if let override {
            switch override {
            case .utf8:
                return .settled(mark?.0 == .utf8BOM ? .utf8BOM : .utf8, bomLength: mark?.0 == .utf8BOM ? 3 : 0,
                                guessed: false)
            case .gb18030:
                return .settled(.gb18030, bomLength: 0, guessed: false)
            case .utf16:
                if let mark, mark.0 == .utf16LE || mark.0 == .utf16BE {
                    return .settled(mark.0, bomLength: 2, guessed: false)
                }
                return .settled(utf16ByteOrder(prefix) ?? .utf16LE, bomLength: 0, guessed: false)
            case .utf16LE:
                return .settled(.utf16LE, bomLength: mark?.0 == .utf16LE ? 2 : 0, guessed: false)
            case .utf16BE:
                return .settled(.utf16BE, bomLength: mark?.0 == .utf16BE ? 2 : 0, guessed: false)
            }
        }
        if let mark { return .settled(mark.0, bomLength: mark.1, guessed: false) }
        if let order = utf16ByteOrder(prefix) { return .settled(order, bomLength: 0, guessed: true) }
        let check = UTF8Validator.isValid(prefix, allowTruncatedEnd: !wholeFile)
        if !check.valid {
            // Damaged UTF-8 stays UTF-8 (and is reported where it breaks) rather than being garbled as GB18030.
            if UTF8Validator.looksLikeUTF8(prefix, allowTruncatedEnd: !wholeFile) {
                return .settled(.utf8, bomLength: 0, guessed: false)
            }
            return .settled(.gb18030, bomLength: 0, guessed: true)
        }
        if check.multibyte || wholeFile { return .settled(.utf8, bomLength: 0, guessed: false) }
        return .asciiSoFar
    }
}
