/// Where a record came from: the file as the clerk named it and the 1-based physical line where the record
/// starts (the sheet row for XLSX). `line` is nil for findings about a whole file.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    public var description: String { line.map { "\(file):\($0)" } ?? file }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        return (a.line ?? 0) < (b.line ?? 0)
    }
}
