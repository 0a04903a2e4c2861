/// A failure while writing a workbook. Library errors carry libxlsxwriter's own name for the code
/// (`LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE`) and its `lxw_strerror` text; `context` says what was being done
/// (which file, sheet, row and column), so a caller can pass the description straight to a person.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `lxw_error` value, nil for errors raised by this wrapper itself.
    public let code: Int?
    /// `LXW_ERROR_…` for library errors; `OUTPUT_FOLDER_UNUSABLE`, `WORKBOOK_CLOSED`, `INVALID_ARGUMENT` otherwise.
    public let name: String
    /// What went wrong, in the library's words (or ours).
    public let message: String
    /// What was being done: `writing 花名册.xlsx, sheet 花名册, row 12, column 4`.
    public let context: String
    /// The errno the system reported when the file could not be written (ENOSPC, EROFS …), if any, so a
    /// caller can say why in its own words.
    public let systemError: Int32?

    public init(code: Int?, name: String, message: String, context: String, systemError: Int32? = nil) {
        self.code = code
        self.name = name
        self.message = message
        self.context = context
        self.systemError = systemError
    }

    public var description: String { "\(context): \(message) (\(name))" }

    /// The names of `lxw_error` in libxlsxwriter 1.1.4, indexed by value (common.h declares them in this order).
    static let libraryErrorNames = [
        "LXW_NO_ERROR",
        "LXW_ERROR_MEMORY_MALLOC_FAILED",
        "LXW_ERROR_CREATING_XLSX_FILE",
        "LXW_ERROR_CREATING_TMPFILE",
        "LXW_ERROR_READING_TMPFILE",
        "LXW_ERROR_ZIP_FILE_OPERATION",
        "LXW_ERROR_ZIP_PARAMETER_ERROR",
        "LXW_ERROR_ZIP_BAD_ZIP_FILE",
        "LXW_ERROR_ZIP_INTERNAL_ERROR",
        "LXW_ERROR_ZIP_FILE_ADD",
        "LXW_ERROR_ZIP_CLOSE",
        "LXW_ERROR_FEATURE_NOT_SUPPORTED",
        "LXW_ERROR_NULL_PARAMETER_IGNORED",
        "LXW_ERROR_PARAMETER_VALIDATION",
        "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED",
        "LXW_ERROR_INVALID_SHEETNAME_CHARACTER",
        "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE",
        "LXW_ERROR_SHEETNAME_ALREADY_USED",
        "LXW_ERROR_32_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_128_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_255_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND",
        "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE",
        "LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED",
        "LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED",
        "LXW_ERROR_IMAGE_DIMENSIONS",
    ]

    /// The name of a library error code, `LXW_ERROR_<n>` for a code this table does not know.
    public static func libraryErrorName(_ code: Int) -> String {
        libraryErrorNames.indices.contains(code) ? libraryErrorNames[code] : "LXW_ERROR_\(code)"
    }

    static func outputFolder(_ path: String, reason: String) -> XLSXError {
        XLSXError(code: nil, name: "OUTPUT_FOLDER_UNUSABLE", message: reason, context: "creating \(path)")
    }

    static func closed(_ path: String) -> XLSXError {
        XLSXError(code: nil, name: "WORKBOOK_CLOSED", message: "the workbook is already closed",
                  context: "writing \(path)")
    }

    static func invalid(_ message: String, context: String) -> XLSXError {
        XLSXError(code: nil, name: "INVALID_ARGUMENT", message: message, context: context)
    }
}
