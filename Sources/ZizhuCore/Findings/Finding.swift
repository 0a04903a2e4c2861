/// One thing found about a file or a row. Findings are values: rules emit them and never throw on bad data.
public struct Finding: Sendable, Hashable {
    public var code: FindingCode
    public var severity: Severity
    public var location: SourceLocation
    /// The round-wide index of the row (`Applicant.index`), nil for file-level and round-level findings.
    public var row: Int?
    /// The column concerned, as the clerk knows it (`身份证号`, or a document name such as `户口本`).
    public var field: String?
    /// The offending value. It may be personal data: renderers mask it unless asked to show values.
    public var value: String?
    /// Named arguments for the message template (`{expected}`, `{detail}` …). Never personal data unmasked:
    /// a sensitive argument goes in `value`.
    public var arguments: [String: String]
    /// The other rows of a cross-row finding (every row of a shared card, both rows of a duplicate).
    public var related: [SourceLocation]

    public init(
        _ code: FindingCode, severity: Severity? = nil, at location: SourceLocation, row: Int? = nil,
        field: String? = nil, value: String? = nil, arguments: [String: String] = [:],
        related: [SourceLocation] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.location = location
        self.row = row
        self.field = field
        self.value = value
        self.arguments = arguments
        self.related = related
    }

    /// A finding about one applicant's field.
    public init(
        _ code: FindingCode, for applicant: Applicant, field: Field?, value: String? = nil,
        arguments: [String: String] = [:], related: [SourceLocation] = []
    ) {
        self.init(code, at: applicant.location, row: applicant.index, field: field?.header,
                  value: value, arguments: arguments, related: related)
    }
}

/// Where rules put what they find.
public protocol FindingSink {
    mutating func emit(_ finding: Finding)
}

extension Array: FindingSink where Element == Finding {
    public mutating func emit(_ finding: Finding) { append(finding) }
}
