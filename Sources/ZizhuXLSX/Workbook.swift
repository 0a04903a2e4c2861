// The only file of zizhu that touches libxlsxwriter pointers. A Workbook owns the `lxw_workbook`; its
// worksheets and formats belong to it and are freed with it, so they keep the Workbook alive and check that
// it is still open before every call.
import CXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An .xlsx file being written. Create it, add sheets and formats, write cells, then `close()`: the file
/// appears only then. A workbook dropped without `close()` is freed and no file is created.
public final class Workbook {
    public let path: String
    public let options: WorkbookOptions
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// libxlsxwriter takes `tmpdir` as `char *`: our copy lives until the workbook is gone.
    private var temporaryDirectoryCopy: UnsafeMutablePointer<CChar>?
    private var formats: [CellStyle: Format] = [:]
    private var sheetNames: Set<String> = []

    public var isOpen: Bool { handle != nil }

    public init(path: String, options: WorkbookOptions = WorkbookOptions()) throws {
        self.path = path
        self.options = options
        // libxlsxwriter creates the file only in workbook_close and then just prints to stderr: check first.
        try Workbook.checkOutputFolder(of: path)
        if let directory = options.temporaryDirectory {
            try Workbook.checkFolder(directory, purpose: "temporary folder", context: "creating \(path)")
            temporaryDirectoryCopy = strdup(directory)
        }
        var libraryOptions = lxw_workbook_options()
        libraryOptions.constant_memory = options.constantMemory ? 1 : 0
        libraryOptions.tmpdir = temporaryDirectoryCopy
        libraryOptions.use_zip64 = options.useZip64 ? 1 : 0
        guard let created = workbook_new_opt(path, &libraryOptions) else {
            free(temporaryDirectoryCopy)
            temporaryDirectoryCopy = nil
            throw XLSXError(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                            name: XLSXError.libraryErrorName(Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)),
                            message: "workbook_new_opt failed", context: "creating \(path)")
        }
        handle = created
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        free(temporaryDirectoryCopy)
    }

    /// Adds a worksheet. Names are checked first (at most 31 characters, none of `[]:*?/\`, unique), so a bad
    /// one is an error with the library's reason rather than a silent nil.
    public func addWorksheet(named name: String? = nil) throws -> Worksheet {
        let handle = try openHandle()
        let context = "adding sheet \(name.map { "“\($0)”" } ?? "") to \(path)"
        if let name {
            try check(workbook_validate_sheet_name(handle, name), context)
        }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            // In constant_memory mode each sheet opens a temporary file; that is the usual failure here.
            throw XLSXError(code: Int(LXW_ERROR_CREATING_TMPFILE.rawValue),
                            name: XLSXError.libraryErrorName(Int(LXW_ERROR_CREATING_TMPFILE.rawValue)),
                            message: String(cString: lxw_strerror(LXW_ERROR_CREATING_TMPFILE)) + ": "
                                + String(cString: strerror(errno)),
                            context: context)
        }
        let actualName = name ?? "Sheet\(sheetNames.count + 1)"
        sheetNames.insert(actualName)
        return Worksheet(workbook: self, handle: sheet, name: actualName)
    }

    /// The format for a style; equal styles share one format.
    public func format(_ style: CellStyle) throws -> Format {
        if let existing = formats[style] { return existing }
        let handle = try openHandle()
        guard let format = workbook_add_format(handle) else {
            throw XLSXError(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                            name: XLSXError.libraryErrorName(Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)),
                            message: "workbook_add_format failed", context: "adding a format to \(path)")
        }
        if let fontName = style.fontName { format_set_font_name(format, fontName) }
        if let fontSize = style.fontSize { format_set_font_size(format, fontSize) }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let color = style.fontColor { format_set_font_color(format, lxw_color_t(color)) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        switch style.horizontal {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case .centerAcross: format_set_align(format, UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue))
        }
        switch style.vertical {
        case .bottom: break
        case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        }
        if style.wrap { format_set_text_wrap(format) }
        switch style.border {
        case .none: break
        case .thin: format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .medium: format_set_border(format, UInt8(LXW_BORDER_MEDIUM.rawValue))
        }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        let wrapped = Format(handle: format, owner: ObjectIdentifier(self))
        formats[style] = wrapped
        return wrapped
    }

    /// Title, author, company … (File → Info in Excel).
    public func setProperties(_ properties: DocumentProperties) throws {
        let handle = try openHandle()
        var copies: [UnsafeMutablePointer<CChar>?] = []
        defer { copies.forEach { free($0) } }
        func copy(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text else { return nil }
            let c = strdup(text)
            copies.append(c)
            return c
        }
        var library = lxw_doc_properties()
        library.title = copy(properties.title)
        library.subject = copy(properties.subject)
        library.author = copy(properties.author)
        library.company = copy(properties.company)
        library.category = copy(properties.category)
        library.keywords = copy(properties.keywords)
        library.comments = copy(properties.comments)
        library.created = time_t(properties.created ?? 0)
        try check(workbook_set_properties(handle, &library), "setting the properties of \(path)")
    }

    /// Writes the file. The workbook is freed whatever happens; a failure names the library error.
    public func close() throws {
        let handle = try openHandle()
        self.handle = nil
        formats.removeAll()
        let result = workbook_close(handle)
        free(temporaryDirectoryCopy)
        temporaryDirectoryCopy = nil
        if result != LXW_NO_ERROR {
            var message = String(cString: lxw_strerror(result))
            let systemError = errno
            if systemError != 0 { message += ": " + String(cString: strerror(systemError)) }
            throw XLSXError(code: Int(result.rawValue), name: XLSXError.libraryErrorName(Int(result.rawValue)),
                            message: message, context: "writing \(path)",
                            systemError: systemError != 0 ? systemError : nil)
        }
    }

    func openHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError.closed(path) }
        return handle
    }

    func check(_ result: lxw_error, _ context: @autoclosure () -> String) throws {
        if result != LXW_NO_ERROR { throw Workbook.error(result, context()) }
    }

    static func error(_ result: lxw_error, _ context: String) -> XLSXError {
        XLSXError(code: Int(result.rawValue), name: XLSXError.libraryErrorName(Int(result.rawValue)),
                  message: String(cString: lxw_strerror(result)), context: context)
    }

    static func checkOutputFolder(of path: String) throws {
        guard !path.isEmpty else { throw XLSXError.outputFolder(path, reason: "the output path is empty") }
        var isDirectory = false
        if Workbook.exists(path, isDirectory: &isDirectory), isDirectory {
            throw XLSXError.outputFolder(path, reason: "a folder with this name exists")
        }
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        try checkFolder(folder, purpose: "output folder", context: "creating \(path)")
    }

    static func checkFolder(_ folder: String, purpose: String, context: String) throws {
        var isDirectory = false
        guard Workbook.exists(folder, isDirectory: &isDirectory) else {
            throw XLSXError(code: nil, name: "OUTPUT_FOLDER_UNUSABLE",
                            message: "the \(purpose) \(folder) does not exist", context: context)
        }
        guard isDirectory else {
            throw XLSXError(code: nil, name: "OUTPUT_FOLDER_UNUSABLE",
                            message: "the \(purpose) \(folder) is not a folder", context: context)
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            let systemError = errno
            throw XLSXError(code: nil, name: "OUTPUT_FOLDER_UNUSABLE",
                            message: "the \(purpose) \(folder) is not writable: \(String(cString: strerror(systemError)))",
                            context: context, systemError: systemError)
        }
    }

    private static func exists(_ path: String, isDirectory: inout Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return true
    }
}

/// A cell format. It belongs to its workbook (libxlsxwriter frees it there); get one from
/// `Workbook.format(_:)`.
public final class Format {
    fileprivate let handle: UnsafeMutablePointer<lxw_format>
    fileprivate let owner: ObjectIdentifier

    fileprivate init(handle: UnsafeMutablePointer<lxw_format>, owner: ObjectIdentifier) {
        self.handle = handle
        self.owner = owner
    }
}

/// One sheet of a workbook. Rows and columns are 0-based. In constant_memory mode rows must be written in
/// order: writing above the current row throws `LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`.
public final class Worksheet {
    public let workbook: Workbook
    public let name: String
    private let handle: UnsafeMutablePointer<lxw_worksheet>

    public static let maximumRows = Int(LXW_ROW_MAX)
    public static let maximumColumns = Int(LXW_COL_MAX)
    /// Longest text a cell may hold (characters).
    public static let maximumTextLength = 32_767

    fileprivate init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    // MARK: Cells (the hot path: one bounds check, one C call, errors built only on failure)

    /// Writes text. CR LF and lone CR become LF (Excel's line break; a raw CR is stored as `_x000D_`).
    /// Empty text writes a formatted blank, or nothing without a format. Text longer than a cell can hold is cut
    /// to `maximumTextLength` characters, the last one `…`: one oversized input cell must not stop a whole round.
    public func write(_ text: String, row: Int, column: Int, format: Format? = nil) throws {
        if text.utf8.count > Worksheet.maximumTextLength, text.unicodeScalars.count > Worksheet.maximumTextLength {
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.prefix(Worksheet.maximumTextLength - 1)))
            return try write(kept + "…", row: row, column: column, format: format)
        }
        let formatHandle = try prepare(row: row, column: column, format: format)
        let handle = self.handle
        let r = UInt32(truncatingIfNeeded: row)
        let c = UInt16(truncatingIfNeeded: column)
        // withCString, not the implicit String → const char * conversion: for small strings (≤ 15 UTF-8 bytes,
        // most cells of a roster) the implicit one allocates a ContiguousArray per call; this uses the stack.
        let result = text.withCString { cString -> lxw_error in
            if strchr(cString, 13) != nil {
                return Worksheet.normalizingLineBreaks(text).withCString {
                    worksheet_write_string(handle, r, c, $0, formatHandle)
                }
            }
            return worksheet_write_string(handle, r, c, cString, formatHandle)
        }
        if result != LXW_NO_ERROR { throw cellError(result, row: row, column: column) }
    }

    public func write(_ number: Double, row: Int, column: Int, format: Format? = nil) throws {
        let formatHandle = try prepare(row: row, column: column, format: format)
        let result = worksheet_write_number(handle, UInt32(truncatingIfNeeded: row),
                                            UInt16(truncatingIfNeeded: column), number, formatHandle)
        if result != LXW_NO_ERROR { throw cellError(result, row: row, column: column) }
    }

    /// Writes a formula with its value already computed, so readers that do not recalculate (openpyxl,
    /// pandas, previewers) see the right number instead of 0.
    public func writeFormula(_ formula: String, cachedValue: Double, row: Int, column: Int,
                             format: Format? = nil) throws {
        let formatHandle = try prepare(row: row, column: column, format: format)
        let handle = self.handle
        let result = formula.withCString {
            worksheet_write_formula_num(handle, UInt32(truncatingIfNeeded: row), UInt16(truncatingIfNeeded: column),
                                        $0, formatHandle, cachedValue)
        }
        if result != LXW_NO_ERROR { throw cellError(result, row: row, column: column) }
    }

    /// A cell with a format and no value (borders of an empty cell). Without a format nothing is written.
    public func writeBlank(row: Int, column: Int, format: Format?) throws {
        let formatHandle = try prepare(row: row, column: column, format: format)
        let result = worksheet_write_blank(handle, UInt32(truncatingIfNeeded: row),
                                           UInt16(truncatingIfNeeded: column), formatHandle)
        if result != LXW_NO_ERROR { throw cellError(result, row: row, column: column) }
    }

    /// Merges columns of one row and writes `text` in it. In constant_memory mode the row must be the
    /// current one (or a later one); libxlsxwriter would otherwise record the merge and drop the text.
    public func merge(row: Int, columns: ClosedRange<Int>, text: String, format: Format? = nil) throws {
        try merge(CellRange(firstRow: row, firstColumn: columns.lowerBound, lastRow: row,
                            lastColumn: columns.upperBound), text: text, format: format)
    }

    /// Merges a rectangle. Spanning several rows is refused in constant_memory mode, where only the
    /// current row can still be written.
    public func merge(_ range: CellRange, text: String, format: Format? = nil) throws {
        let context = "merging \(range.a1) on sheet “\(name)” of \(workbook.path)"
        guard range.firstRow <= range.lastRow, range.firstColumn <= range.lastColumn,
              range.firstRow != range.lastRow || range.firstColumn != range.lastColumn else {
            throw XLSXError.invalid("a merge needs at least two cells in order", context: context)
        }
        if workbook.options.constantMemory && range.firstRow != range.lastRow {
            throw XLSXError.invalid("constant_memory mode merges within one row only", context: context)
        }
        // Write the first cell ourselves: worksheet_merge_range ignores the result of its own write.
        try write(text, row: range.firstRow, column: range.firstColumn, format: format)
        try prepareRange(range, format: format)
        let text = Worksheet.containsCarriageReturn(text) ? Worksheet.normalizingLineBreaks(text) : text
        let result = worksheet_merge_range(handle, UInt32(range.firstRow), UInt16(range.firstColumn),
                                           UInt32(range.lastRow), UInt16(range.lastColumn), text, format?.handle)
        try workbook.check(result, context)
    }

    // MARK: Layout

    /// Column width in Excel character units (see `DisplayWidth` for Chinese text), optionally a default
    /// format for the column.
    public func setColumns(_ columns: ClosedRange<Int>, width: Double, format: Format? = nil) throws {
        try prepareRange(CellRange(firstRow: 0, firstColumn: columns.lowerBound, lastRow: 0,
                                   lastColumn: columns.upperBound), format: format)
        let result = worksheet_set_column(handle, UInt16(columns.lowerBound), UInt16(columns.upperBound), width,
                                          format?.handle)
        try workbook.check(result, "setting the width of columns \(columns) on sheet “\(name)” of \(workbook.path)")
    }

    /// Row height in points (in constant_memory mode: before or while writing that row).
    public func setRow(_ row: Int, height: Double, format: Format? = nil) throws {
        let formatHandle = try prepare(row: row, column: 0, format: format)
        let result = worksheet_set_row(handle, UInt32(row), height, formatHandle)
        try workbook.check(result, "setting the height of row \(row + 1) on sheet “\(name)” of \(workbook.path)")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) throws {
        try prepareRange(CellRange(firstRow: row, firstColumn: column, lastRow: row, lastColumn: column),
                         format: nil)
        worksheet_freeze_panes(handle, UInt32(row), UInt16(column))
    }

    /// An autofilter over a header row and the data below it. In constant_memory mode set it before writing
    /// past the range's first row: libxlsxwriter checks the range against rows already flushed.
    public func autofilter(_ range: CellRange) throws {
        try prepareRange(range, format: nil)
        let result = worksheet_autofilter(handle, UInt32(range.firstRow), UInt16(range.firstColumn),
                                          UInt32(range.lastRow), UInt16(range.lastColumn))
        try workbook.check(result, "setting an autofilter on \(range.a1) of sheet “\(name)” of \(workbook.path)")
    }

    /// Stops Excel's green "number stored as text" triangles over identifier columns. All ranges go in one
    /// call: libxlsxwriter keeps one list per kind of error.
    public func ignoreNumberStoredAsText(in ranges: [CellRange]) throws {
        guard !ranges.isEmpty else { return }
        for range in ranges { try prepareRange(range, format: nil) }
        let list = ranges.map(\.a1).joined(separator: " ")
        let result = worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), list)
        try workbook.check(result, "ignoring number-as-text warnings on sheet “\(name)” of \(workbook.path)")
    }

    /// Paper, orientation, fit, repeated rows, header and footer, margins.
    public func setPageSetup(_ setup: PageSetup) throws {
        _ = try workbook.openHandle()
        let context = "setting up printing of sheet “\(name)” of \(workbook.path)"
        if let paper = setup.paper {
            guard (0...255).contains(paper) else { throw XLSXError.invalid("paper code \(paper)", context: context) }
            worksheet_set_paper(handle, UInt8(paper))
        }
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(handle)
        case .landscape: worksheet_set_landscape(handle)
        }
        if let width = setup.fitToWidth {
            guard (0...Int(UInt16.max)).contains(width), (0...Int(UInt16.max)).contains(setup.fitToHeight) else {
                throw XLSXError.invalid("fit to \(width) × \(setup.fitToHeight) pages", context: context)
            }
            worksheet_fit_to_pages(handle, UInt16(width), UInt16(setup.fitToHeight))
        }
        if let rows = setup.repeatRows {
            try prepareRange(CellRange(firstRow: rows.lowerBound, firstColumn: 0, lastRow: rows.upperBound,
                                       lastColumn: 0), format: nil)
            try workbook.check(worksheet_repeat_rows(handle, UInt32(rows.lowerBound), UInt32(rows.upperBound)),
                               context)
        }
        if let header = setup.header { try workbook.check(worksheet_set_header(handle, header), context) }
        if let footer = setup.footer { try workbook.check(worksheet_set_footer(handle, footer), context) }
        if let margins = setup.margins {
            worksheet_set_margins(handle, margins.left, margins.right, margins.top, margins.bottom)
        }
        if setup.centerHorizontally { worksheet_center_horizontally(handle) }
        if setup.printGridlines { worksheet_gridlines(handle, UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue)) }
    }

    /// Draws `chart` with its top left corner in a cell. The chart belongs to the workbook and is freed with it.
    public func insert(_ chart: Chart, row: Int, column: Int) throws {
        let workbookHandle = try workbook.openHandle()
        let context = "adding the chart “\(chart.title)” to sheet “\(name)” of \(workbook.path)"
        guard !chart.series.isEmpty else { throw XLSXError.invalid("a chart without series", context: context) }
        _ = try prepare(row: row, column: column, format: nil)
        let type: lxw_chart_type = switch chart.kind {
        case .bar: LXW_CHART_BAR
        case .column: LXW_CHART_COLUMN
        case .stackedColumn: LXW_CHART_COLUMN_STACKED
        case .pie: LXW_CHART_PIE
        }
        guard let handle = workbook_add_chart(workbookHandle, UInt8(type.rawValue)) else {
            throw XLSXError.invalid("workbook_add_chart failed", context: context)
        }
        // libxlsxwriter copies every string it is given, so C copies live only for this call.
        let fontName = strdup(chart.fontName)
        defer { free(fontName) }
        var titleFont = lxw_chart_font()
        titleFont.name = fontName
        titleFont.size = 12
        titleFont.bold = 1
        var font = lxw_chart_font()
        font.name = fontName
        font.size = 9
        chart_title_set_name(handle, chart.title)
        chart_title_set_name_font(handle, &titleFont)
        for series in chart.series {
            for range in [series.categories, series.values] { try prepareRange(range, format: nil) }
            guard let added = chart_add_series(handle, nil, nil) else {
                throw XLSXError.invalid("chart_add_series failed", context: context)
            }
            chart_series_set_categories(added, series.sheet, UInt32(series.categories.firstRow),
                                        UInt16(series.categories.firstColumn), UInt32(series.categories.lastRow),
                                        UInt16(series.categories.lastColumn))
            chart_series_set_values(added, series.sheet, UInt32(series.values.firstRow),
                                    UInt16(series.values.firstColumn), UInt32(series.values.lastRow),
                                    UInt16(series.values.lastColumn))
            chart_series_set_name(added, series.name)
            if let color = series.color {
                var fill = lxw_chart_fill()
                fill.color = lxw_color_t(color)
                chart_series_set_fill(added, &fill)
            }
            if chart.showsValues {
                chart_series_set_labels(added)
                chart_series_set_labels_font(added, &font)
                if let format = chart.valueFormat { chart_series_set_labels_num_format(added, format) }
            }
        }
        // In libxlsxwriter x_axis is the horizontal axis: the categories', except in a bar chart, where the
        // categories run down the vertical y_axis.
        let (horizontal, vertical) = (handle.pointee.x_axis, handle.pointee.y_axis)
        let axes = chart.kind == .bar ? (vertical, horizontal) : (horizontal, vertical)
        if chart.kind != .pie, let categoryAxis = axes.0, let valueAxis = axes.1 {
            var axisFont = font
            axisFont.bold = 1
            if let title = chart.categoryAxisTitle { chart_axis_set_name(categoryAxis, title) }
            if let title = chart.valueAxisTitle { chart_axis_set_name(valueAxis, title) }
            for axis in [categoryAxis, valueAxis] {
                chart_axis_set_name_font(axis, &axisFont)
                chart_axis_set_num_font(axis, &font)
            }
            if let format = chart.valueFormat { chart_axis_set_num_format(valueAxis, format) }
            // Bars are drawn bottom up; reversed, they read in the table's order.
            if chart.kind == .bar { chart_axis_set_reverse(categoryAxis) }
        }
        if chart.showsLegend {
            chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
            chart_legend_set_font(handle, &font)
        } else {
            chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        }
        var options = lxw_chart_options()
        options.x_scale = Double(chart.width) / 480
        options.y_scale = Double(chart.height) / 288
        try workbook.check(worksheet_insert_chart_opt(self.handle, UInt32(row), UInt16(column), handle, &options),
                           context)
    }

    /// Makes this the sheet shown when the file opens.
    public func activate() throws {
        _ = try workbook.openHandle()
        worksheet_activate(handle)
    }

    // MARK: Checks

    @inline(__always)
    private func prepare(row: Int, column: Int, format: Format?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard workbook.isOpen else { throw XLSXError.closed(workbook.path) }
        guard row >= 0, row < Worksheet.maximumRows, column >= 0, column < Worksheet.maximumColumns else {
            throw cellError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, row: row, column: column)
        }
        guard let format else { return nil }
        guard format.owner == ObjectIdentifier(workbook) else {
            throw XLSXError.invalid("the format belongs to another workbook",
                                    context: "writing \(workbook.path), sheet “\(name)”")
        }
        return format.handle
    }

    private func prepareRange(_ range: CellRange, format: Format?) throws {
        _ = try prepare(row: range.firstRow, column: range.firstColumn, format: format)
        _ = try prepare(row: range.lastRow, column: range.lastColumn, format: nil)
    }

    private func cellError(_ result: lxw_error, row: Int, column: Int) -> XLSXError {
        let cell = row >= 0 && column >= 0 ? " (\(CellRange.cellName(row: row, column: column)))" : ""
        return Workbook.error(result, "writing \(workbook.path), sheet “\(name)”, row \(row + 1), column \(column + 1)\(cell)")
    }

    @inline(__always)
    static func containsCarriageReturn(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 13, buffer.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(13)
    }

    /// CR LF → LF, lone CR → LF.
    static func normalizingLineBreaks(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
                previousWasCR = false
            }
        }
        return String(scalars)
    }
}
