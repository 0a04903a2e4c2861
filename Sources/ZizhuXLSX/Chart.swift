/// A native Excel chart over cells of a sheet (libxlsxwriter's chart API; no picture): Excel and WPS redraw
/// it from the cells, so it stays right when a clerk corrects a number.
public struct Chart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Horizontal bars: long category names (schools) stay readable.
        case bar
        /// Vertical columns.
        case column
        /// Columns of each series stacked on one another (a class's tiers).
        case stackedColumn
        case pie
    }

    /// One set of values, with the categories they belong to: ranges of one column (or row) each.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// The sheet the ranges are on.
        public var sheet: String
        public var categories: CellRange
        public var values: CellRange
        /// RGB (0xRRGGBB); nil: Excel's palette.
        public var color: UInt32?

        public init(name: String, sheet: String, categories: CellRange, values: CellRange, color: UInt32? = nil) {
            self.name = name
            self.sheet = sheet
            self.categories = categories
            self.values = values
            self.color = color
        }
    }

    public var kind: Kind
    public var title: String
    /// Under (or beside, for bars) the categories: what they are (`学校`).
    public var categoryAxisTitle: String?
    /// What the values are (`金额（元）`).
    public var valueAxisTitle: String?
    public var series: [Series]
    /// Each value written at its bar.
    public var showsValues = true
    /// Excel's number format of the value axis and labels (`#,##0.00`).
    public var valueFormat: String?
    /// A legend below the chart; worth it only with more than one series.
    public var showsLegend: Bool
    /// The font of the title, axes and labels (a CJK font, so that WPS and LibreOffice draw 汉字).
    public var fontName = "宋体"
    /// Size in pixels (Excel's default is 480 × 288).
    public var width = 720
    public var height = 320

    public init(kind: Kind, title: String, categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil,
                series: [Series], showsLegend: Bool? = nil) {
        self.kind = kind
        self.title = title
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.series = series
        self.showsLegend = showsLegend ?? (series.count > 1)
    }
}
