import Foundation

/// What the server keeps about rounds, schools and people, whichever engine holds it: the rounds with their
/// documents and accepted rows, their state in the review, the district's schools and accounts, and the audit
/// log. Two engines, as for the archive: `SQLiteRoundStore` (a file in the server's data folder, for one
/// school) and `PostgresRoundStore` (the district's database, beside its archive); `RoundStores.open` picks
/// one, and the tests of `ZizhuArchiveTests` run against both.
public protocol RoundStore: AnyObject, Sendable {
    /// Where the store is, as messages show it: a file path, or a `postgres://` URL without its password.
    var location: String { get }
    /// The number of schema migrations applied.
    func schemaVersion() throws(ArchiveError) -> Int

    // MARK: Schools and people

    /// Registers a school; a code already taken is a `conflict`.
    func add(_ school: School) throws(ArchiveError)
    /// Every school, by code.
    func schools() throws(ArchiveError) -> [School]
    /// Registers a person; a login already taken, or a clerk's school that is not registered, is a `conflict`.
    func add(_ account: Account) throws(ArchiveError)
    /// Every account, by login.
    func accounts() throws(ArchiveError) -> [Account]
    /// Whether the server has people (a district's) rather than one school's password; asked on every request.
    func hasAccounts() throws(ArchiveError) -> Bool
    func account(login: String) throws(ArchiveError) -> Account?
    func account(id: String) throws(ArchiveError) -> Account?
    func setPasswordHash(_ hash: String, account id: String) throws(ArchiveError)
    func setDisabled(_ disabled: Bool, account id: String) throws(ArchiveError)

    // MARK: Rounds

    /// Stores a new round with its inputs, documents, accepted rows and finding counts in one transaction.
    func insert(_ round: StoredRound, inputs: [StoredInput], documents: [StoredDocument], rows: [SubmittedRow],
                findings: [FindingCount]) throws(ArchiveError)
    func round(id: String) throws(ArchiveError) -> StoredRound?
    /// The newest rounds first: of one school when `school` is given, in the given states when `states` is.
    func rounds(school: String?, states: [RoundState]?, limit: Int) throws(ArchiveError) -> [StoredRound]
    func inputs(of id: String) throws(ArchiveError) -> [StoredInput]
    func documents(of id: String) throws(ArchiveError) -> [StoredDocument]
    func rows(of id: String) throws(ArchiveError) -> [SubmittedRow]
    /// The finding counts of these rounds, by round and code.
    func findingCounts(of ids: [String]) throws(ArchiveError) -> [FindingCount]

    /// Moves a round from one of `from` to `change.state` (noting when, as `submittedAt`, if that is 已提交) — only if it is still in one of them and, when
    /// `change.expectedVersion` is set, still at that version — and logs `audit`, in one transaction. Returns
    /// the changed round, or nil when it had moved meanwhile (another reviewer acted first): nothing changed.
    func change(_ id: String, from: [RoundState], to change: StateChange, audit: AuditEntry)
        throws(ArchiveError) -> StoredRound?

    // MARK: The cross-school checks

    /// The standing rows (`RoundState.standing`) of other schools' rounds of `term` and `year` whose ID is one of
    /// `ids` (`ArchiveKey.idNumber` form).
    func standingRows(sharingIDs ids: [String], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow]
    /// The standing rows of other schools' rounds of `term` and `year` paying into one of the holders' cards
    /// for another student.
    func standingRows(sharingCards holders: [CardHolder], term: String, year: Int, otherThan school: String)
        throws(ArchiveError) -> [OtherSchoolRow]

    // MARK: The audit log

    func log(_ entry: AuditEntry) throws(ArchiveError)
    /// The newest entries first.
    func audit(limit: Int) throws(ArchiveError) -> [AuditEntry]
}

extension RoundStore {
    /// Stores a new round without finding counts.
    public func insert(_ round: StoredRound, inputs: [StoredInput], documents: [StoredDocument],
                       rows: [SubmittedRow]) throws(ArchiveError) {
        try insert(round, inputs: inputs, documents: documents, rows: rows, findings: [])
    }
}

/// A round's next state and what goes with it.
public struct StateChange: Sendable {
    public var state: RoundState
    /// The reviewer's reason (退回); kept, and shown to the school.
    public var reason: String
    public var at: String
    public var by: String
    /// The version the actor saw; nil accepts any.
    public var expectedVersion: Int?
    /// The archive batch of a paid round.
    public var archiveBatch: Int64?

    public init(state: RoundState, reason: String = "", at: String, by: String, expectedVersion: Int? = nil,
                archiveBatch: Int64? = nil) {
        self.state = state
        self.reason = reason
        self.at = at
        self.by = by
        self.expectedVersion = expectedVersion
        self.archiveBatch = archiveBatch
    }
}

/// Opening a round store by where it is.
public enum RoundStores {
    /// A PostgreSQL database for a `postgres://` URL (the rounds beside the district's archive), otherwise the
    /// SQLite file at `location`, made when missing.
    public static func open(_ location: String) throws(ArchiveError) -> any RoundStore {
        guard ArchiveStores.isDatabaseURL(location) else { return try SQLiteRoundStore(path: location) }
        #if PostgreSQL
        return try PostgresRoundStore(url: location)
        #else
        throw ArchiveError(.unavailable(location: location, reason: "这个 zizhu 构建时未包含 PostgreSQL 支持"))
        #endif
    }
}
