public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var chinese: String {
        switch self {
        case .info: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
    }
}
