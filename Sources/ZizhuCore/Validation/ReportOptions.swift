/// How a report is written: language, whether identifiers are shown in full, and what it says about itself.
public struct ReportOptions: Sendable {
    public var language: Language
    /// Show ID, card and phone numbers in full (`--show-values`); masked otherwise.
    public var showValues: Bool
    public var toolVersion: String
    /// The policy's name: `default`, or the policy file as given.
    public var policyName: String

    public init(language: Language = .zh, showValues: Bool = false, toolVersion: String = "0.1.0",
                policyName: String = "default") {
        self.language = language
        self.showValues = showValues
        self.toolVersion = toolVersion
        self.policyName = policyName
    }
}
