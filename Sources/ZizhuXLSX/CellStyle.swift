/// The look of a cell, as a value: a workbook turns each distinct style into one libxlsxwriter format
/// (`Workbook.format(_:)`), so callers describe styles freely without multiplying formats.
public struct CellStyle: Hashable, Sendable {
    public enum HorizontalAlignment: Hashable, Sendable { case general, left, center, right, centerAcross }
    public enum VerticalAlignment: Hashable, Sendable { case bottom, top, center }
    public enum Border: Hashable, Sendable { case none, thin, medium }

    public var fontName: String?
    public var fontSize: Double?
    public var bold = false
    public var italic = false
    /// An RGB colour such as 0xC00000.
    public var fontColor: UInt32?
    /// Excel number format: `@` (text), `#,##0.00`, `0"人"`, `yyyy-mm-dd`.
    public var numberFormat: String?
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .bottom
    public var wrap = false
    public var border: Border = .none
    /// A solid fill colour (RGB).
    public var fill: UInt32?

    public init(fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
                fontColor: UInt32? = nil, numberFormat: String? = nil, horizontal: HorizontalAlignment = .general,
                vertical: VerticalAlignment = .bottom, wrap: Bool = false, border: Border = .none,
                fill: UInt32? = nil) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.numberFormat = numberFormat
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.border = border
        self.fill = fill
    }

    /// A copy with some properties changed: `base.with { $0.bold = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// How a sheet prints. Unset values keep Excel's defaults.
public struct PageSetup: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable { case portrait, landscape }

    /// Excel paper code: 9 is A4, 8 is A3, 1 is Letter.
    public var paper: Int?
    public var orientation: Orientation = .portrait
    /// Fit to this many pages wide (and `fitToHeight` tall, 0 = as many as needed).
    public var fitToWidth: Int?
    public var fitToHeight = 0
    /// Rows printed at the top of every page (0-based, inclusive).
    public var repeatRows: ClosedRange<Int>?
    /// Header and footer in Excel's codes: `&C第 &P 页，共 &N 页` (at most 255 bytes).
    public var header: String?
    public var footer: String?
    /// Page margins in inches: left, right, top, bottom.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double)?
    public var centerHorizontally = false
    public var printGridlines = false

    public init(paper: Int? = nil, orientation: Orientation = .portrait, fitToWidth: Int? = nil,
                fitToHeight: Int = 0, repeatRows: ClosedRange<Int>? = nil, header: String? = nil,
                footer: String? = nil, margins: (left: Double, right: Double, top: Double, bottom: Double)? = nil,
                centerHorizontally: Bool = false, printGridlines: Bool = false) {
        self.paper = paper
        self.orientation = orientation
        self.fitToWidth = fitToWidth
        self.fitToHeight = fitToHeight
        self.repeatRows = repeatRows
        self.header = header
        self.footer = footer
        self.margins = margins
        self.centerHorizontally = centerHorizontally
        self.printGridlines = printGridlines
    }

    public static let a4 = 9

    public static func == (a: PageSetup, b: PageSetup) -> Bool {
        a.paper == b.paper && a.orientation == b.orientation && a.fitToWidth == b.fitToWidth
            && a.fitToHeight == b.fitToHeight && a.repeatRows == b.repeatRows && a.header == b.header
            && a.footer == b.footer && a.margins?.left == b.margins?.left && a.margins?.right == b.margins?.right
            && a.margins?.top == b.margins?.top && a.margins?.bottom == b.margins?.bottom
            && a.centerHorizontally == b.centerHorizontally && a.printGridlines == b.printGridlines
    }
}

/// Document properties shown in Excel's File → Info.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    /// Creation time (seconds since 1970); nil = now. Fix it to make byte-identical files.
    public var created: Int?

    public init(title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
                category: String? = nil, keywords: String? = nil, comments: String? = nil, created: Int? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}

/// Options of a new workbook.
public struct WorkbookOptions: Sendable, Equatable {
    /// Stream rows to a temporary file (inline strings, a few MB of memory for any size); rows must then be
    /// written in order and merges stay within the current row.
    public var constantMemory: Bool
    /// Where libxlsxwriter puts its temporary files (about 1.6 GB per million 15-column rows); nil = the
    /// system default.
    public var temporaryDirectory: String?
    /// ZIP64 extensions, needed only when a part of the package exceeds 4 GB.
    public var useZip64: Bool

    public init(constantMemory: Bool = true, temporaryDirectory: String? = nil, useZip64: Bool = false) {
        self.constantMemory = constantMemory
        self.temporaryDirectory = temporaryDirectory
        self.useZip64 = useZip64
    }
}
