/// The number format of each cell style (`cellXfs` index, the `s` attribute of a cell).
struct XLSXStyleTable: Sendable {
    /// The resolved format code per style index; nil when the id is neither built in nor defined.
    var formats: [String?] = []
    /// Whether the style's format shows a date, per style index.
    var showsDate: [Bool] = []

    func format(ofStyle index: Int) -> String? {
        index >= 0 && index < formats.count ? formats[index] : nil
    }

    func showsDate(ofStyle index: Int) -> Bool {
        index >= 0 && index < showsDate.count ? showsDate[index] : false
    }
}

enum XLSXNumberFormats {
    /// Built-in format ids (ECMA-376 Part 1, 18.8.30), with the zh-CN forms of the East Asian date ids.
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"¥\"#,##0;\"¥\"\\-#,##0", 6: "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
        7: "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", 8: "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
        18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy",
        31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"",
        34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
        40: "#,##0.00;[Red](#,##0.00)",
        41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
        50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"",
        54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
    ]

    /// Whether a format code displays a calendar date: its first section has a year or day token outside quoted
    /// text, escapes and brackets. Pure time formats (`h:mm`, `[h]:mm:ss`) are not dates.
    static func showsDate(_ code: String) -> Bool {
        var scalars = code.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case ";": return false
            case "\"":
                while let inner = scalars.next(), inner != "\"" {}
            case "[":
                while let inner = scalars.next(), inner != "]" {}
            case "\\", "_", "*":
                _ = scalars.next()
            case "y", "Y", "d", "D":
                return true
            default:
                continue
            }
        }
        return false
    }
}

/// Reads `xl/styles.xml`: custom formats from `numFmts`, and the format id of each `xf` in `cellXfs`.
struct XLSXStylesHandler: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var styleFormatIDs: [Int?] = []
    /// `numFmt` also occurs in differential formats (`dxfs`); only those under `numFmts` define ids.
    private var inNumberFormats = false
    private var inCellXfs = false
    /// Nesting below `cellXfs`: only its direct `xf` children are cell styles.
    private var depthInCellXfs = 0

    mutating func startElement(_ tag: XMLTag) throws {
        if inCellXfs {
            depthInCellXfs += 1
            if depthInCellXfs == 1, tag.isLocal("xf") {
                styleFormatIDs.append(try tag.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            }
        } else if tag.isLocal("cellXfs") {
            inCellXfs = true
            depthInCellXfs = 0
        } else if tag.isLocal("numFmts") {
            inNumberFormats = true
        } else if inNumberFormats, tag.isLocal("numFmt") {
            if let id = try tag.attribute("numFmtId").flatMap({ Int($0) }),
               let code = try tag.attribute("formatCode") {
                customFormats[id] = code
            }
        }
    }

    mutating func endElement(_ name: XMLName) throws {
        if name.isLocal("numFmts") { inNumberFormats = false }
        guard inCellXfs else { return }
        if depthInCellXfs == 0 {
            inCellXfs = false
        } else {
            depthInCellXfs -= 1
        }
    }

    mutating func characters(_ raw: UnsafeBufferPointer<UInt8>, isCDATA: Bool) throws {}

    var table: XLSXStyleTable {
        var table = XLSXStyleTable()
        var dateByCode: [String: Bool] = [:]
        for id in styleFormatIDs {
            let code = id.flatMap { customFormats[$0] ?? XLSXNumberFormats.builtIn[$0] }
            table.formats.append(code)
            guard let code else {
                table.showsDate.append(false)
                continue
            }
            if let known = dateByCode[code] {
                table.showsDate.append(known)
            } else {
                let showsDate = XLSXNumberFormats.showsDate(code)
                dateByCode[code] = showsDate
                table.showsDate.append(showsDate)
            }
        }
        return table
    }
}
